// Command gen loads the synthetic benchmark world into a PostgreSQL database (see bench/internal/gen).
//
//	go run ./bench/gen -url postgres://postgres@127.0.0.1:5432/pc_bench?sslmode=disable -sf 1
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/partnercenter/partnercenter/bench/internal/gen"
)

func main() {
	url := flag.String("url", "", "the (empty) PostgreSQL database to fill")
	sf := flag.Float64("sf", 1, "scale factor: 1 = 1,000 partners, 100,000 customers, 1,000,000 ledger entries")
	seed := flag.Uint64("seed", 1, "random seed (the same seed gives the same data)")
	flag.Parse()
	if *url == "" {
		fmt.Fprintln(os.Stderr, "gen: -url is required")
		os.Exit(2)
	}
	st, err := gen.Load(context.Background(), *url, *sf, *seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("gen: SF%g: %d partners, %d customers, %d journals, %d ledger entries in %s\n", *sf, st.Partners, st.Customers, st.Journals, st.Entries, st.Duration.Round(1e6))
}
