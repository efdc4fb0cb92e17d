package harness

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
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

// PgbenchCount counts the transactions in the logs that ended within [from, to).
func PgbenchCount(dir string, from, to time.Time) int {
	n := 0
	files, _ := filepath.Glob(filepath.Join(dir, "tx*"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		for _, line := range strings.Split(string(b), "\n") {
			// client transaction latency_us script epoch_s epoch_us
			if fs := strings.Fields(line); len(fs) >= 6 {
				sec, _ := strconv.ParseInt(fs[4], 10, 64)
				usec, _ := strconv.ParseInt(fs[5], 10, 64)
				if t := time.Unix(sec, usec*1000); !t.Before(from) && t.Before(to) {
					n++
				}
			}
		}
	}
	return n
}

// Commit is the short hash of the checked-out commit.
func Commit() string {
	b, _ := exec.Command("git", "rev-parse", "--short", "HEAD").Output()
	return strings.TrimSpace(string(b))
}

// ProcCPU is the CPU time (user + system) the process pid has used so far, from /proc; zero
// where /proc cannot tell.
func ProcCPU(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The fields after the command name (which may hold spaces) start with the state, field 3;
	// utime and stime are fields 14 and 15, in clock ticks (100 a second on Linux).
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	s, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+s) * 10 * time.Millisecond
}

// PostgresCPU is the CPU time used so far by every process named postgres on this machine (the
// database server, when it runs here), for dividing a run's database work by its transactions.
func PostgresCPU() time.Duration {
	dirs, _ := os.ReadDir("/proc")
	var t time.Duration
	for _, d := range dirs {
		pid, err := strconv.Atoi(d.Name())
		if err != nil {
			continue
		}
		if comm, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid)); err == nil && strings.TrimSpace(string(comm)) == "postgres" {
			t += ProcCPU(pid)
		}
	}
	return t
}
