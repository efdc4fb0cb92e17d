package ledger

import (
	"slices"
	"strconv"

	"github.com/partnercenter/partnercenter/internal/gid"
)

func slicesSort(ids []gid.ID) { slices.Sort(ids) }

func itoa(n int) string { return strconv.Itoa(n) }
