// Package harness is what the bench programs share: a scratch PostgreSQL database, server
// processes on it, and GraphQL calls.
package harness

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"syscall"
	"time"

	_ "github.com/lib/pq"
)

// AdminURL is the PostgreSQL the benches create scratch databases on: flag value, else
// TEST_DATABASE_URL, else the local server.
func AdminURL(flagValue string) string {
	for _, u := range []string{flagValue, os.Getenv("TEST_DATABASE_URL")} {
		if u != "" {
			return u
		}
	}
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
}

// ScratchDB creates a database named after prefix and returns its URL and a function dropping it.
func ScratchDB(adminURL, prefix string) (string, func(), error) {
	adb, err := sql.Open("postgres", adminURL)
	if err != nil {
		return "", nil, err
	}
	// A transaction left open on the server (say, by a benchmark killed midway) holds back
	// vacuum for every database: updated rows keep their dead versions and each run measures
	// slower than the last. Say so rather than print drifting figures.
	var stale int
	if err := adb.QueryRow(`SELECT count(*) FROM pg_stat_activity WHERE xact_start < now() - interval '2 minutes'`).Scan(&stale); err == nil && stale > 0 {
		fmt.Fprintf(os.Stderr, "warning: %d transaction(s) on this PostgreSQL have been open for over 2 minutes (see pg_stat_activity); they hold back vacuum and the figures will drift\n", stale)
	}
	name := fmt.Sprintf("%s_%d", prefix, rand.Uint32()%1_000_000)
	if _, err := adb.Exec("CREATE DATABASE " + name); err != nil {
		adb.Close()
		return "", nil, err
	}
	u, err := url.Parse(adminURL)
	if err != nil {
		adb.Close()
		return "", nil, err
	}
	u.Path = "/" + name
	return u.String(), func() {
		_, _ = adb.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		adb.Close()
	}, nil
}

// FreeAddr is a free loopback address.
func FreeAddr() string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// Server is a server process.
type Server struct {
	Bin, DBURL, Addr string
	Args             []string
	cmd              *exec.Cmd
}

// Start starts the server (demo data on an empty database) and waits until /readyz answers.
func (s *Server) Start() error {
	if s.Addr == "" {
		s.Addr = FreeAddr()
	}
	args := append([]string{"--addr", s.Addr, "--database-url", s.DBURL, "--demo=true", "--log-format", "json"}, s.Args...)
	s.cmd = exec.Command(s.Bin, args...)
	s.cmd.Stdout, s.cmd.Stderr = io.Discard, io.Discard
	if err := s.cmd.Start(); err != nil {
		return err
	}
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get("http://" + s.Addr + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("server %s did not become ready", s.Addr)
}

// Stop signals the server and waits for it to end.
func (s *Server) Stop(sig syscall.Signal) {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = s.cmd.Process.Signal(sig)
		_, _ = s.cmd.Process.Wait()
	}
}

// PID of the running server.
func (s *Server) PID() int { return s.cmd.Process.Pid }

// Client makes GraphQL calls with a keep-alive pool.
var Client = &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 128}}

// Response is a GraphQL answer.
type Response struct {
	Data   map[string]json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// Call posts one GraphQL request.
func Call(addr, token, query string, vars map[string]any) (*Response, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	raw, err := Post(addr, token, body, nil)
	if err != nil {
		return nil, err
	}
	var out Response
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, fmt.Errorf("decoding %q: %w", raw, err)
	}
	return &out, nil
}

// Post sends a ready GraphQL request body and appends the answer's body to buf: the load
// generators' lean path (no JSON encoding or decoding on the client).
func Post(addr, token string, body, buf []byte) ([]byte, error) {
	req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := Client.Do(req)
	if err != nil {
		return buf, err
	}
	defer resp.Body.Close()
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := resp.Body.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return buf, err
		}
	}
	if resp.StatusCode != 200 {
		return buf, fmt.Errorf("HTTP %d: %s", resp.StatusCode, buf)
	}
	return buf, nil
}

// Login returns a bearer token of a demo user.
func Login(addr, email string) (string, error) { return LoginWith(addr, email, "Demo@12345") }

// LoginWith returns a bearer token of a user with the given password (generated users have
// their own).
func LoginWith(addr, email, password string) (string, error) {
	r, err := Call(addr, "", `mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token } }`, map[string]any{"e": email, "p": password})
	if err != nil {
		return "", err
	}
	var p struct{ Token string }
	if err := json.Unmarshal(r.Data["login"], &p); err != nil || p.Token == "" {
		return "", fmt.Errorf("login %s: %v %v", email, r.Errors, err)
	}
	return p.Token, nil
}
