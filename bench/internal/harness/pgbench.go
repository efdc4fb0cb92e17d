package harness

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Percentile of latencies in milliseconds (p in 0..1); sorts ms.
func Percentile(ms []float64, p float64) float64 {
	if len(ms) == 0 {
		return 0
	}
	slices.Sort(ms)
	return ms[min(len(ms)-1, int(float64(len(ms))*p))]
}

// Pgbench is the pgbench binary: on the PATH, else PostgreSQL's own bin directory.
func Pgbench() string {
	if p, err := exec.LookPath("pgbench"); err == nil {
		return p
	}
	if m, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pgbench"); len(m) > 0 {
		return m[len(m)-1]
	}
	return "pgbench"
}

// PgbenchLatencies reads the per-transaction logs (pgbench -l --log-prefix dir/tx) in ms.
func PgbenchLatencies(dir string) []float64 {
	var lat []float64
	files, _ := filepath.Glob(filepath.Join(dir, "tx*"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		for _, line := range strings.Split(string(b), "\n") {
			if fs := strings.Fields(line); len(fs) >= 3 {
				us, _ := strconv.ParseFloat(fs[2], 64)
				lat = append(lat, us/1000)
			}
		}
	}
	return lat
}

// Commit is the short hash of the checked-out commit.
func Commit() string {
	b, _ := exec.Command("git", "rev-parse", "--short", "HEAD").Output()
	return strings.TrimSpace(string(b))
}
