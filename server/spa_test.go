package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/partnercenter/partnercenter/internal/testdb"
)

// spaFixture is a built SPA in miniature: an index, hashed assets, a favicon and an image.
type spaFixture struct {
	dir   string
	files map[string][]byte // by URL path
}

func newSPAFixture(t *testing.T) *spaFixture {
	t.Helper()
	f := &spaFixture{dir: t.TempDir(), files: map[string][]byte{
		"/index.html": []byte(`<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8" /><title>伙伴中心 Partner Center</title>` +
			strings.Repeat(`<link rel="modulepreload" crossorigin href="/assets/chunk-0123456789.js">`, 10) +
			`<script type="module" crossorigin src="/assets/index-AbCd1234.js"></script></head><body><div id="root"></div></body></html>`),
		"/assets/index-AbCd1234.js":  []byte(strings.Repeat("export function render(rows){return rows.map((r)=>r.accountName+' '+r.balance);}\n", 400)),
		"/assets/index-AbCd1234.css": []byte(strings.Repeat(".ant-table-row{padding:8px 16px;border-bottom:1px solid #f0f0f0}\n", 100)),
		"/favicon.svg":               []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">` + strings.Repeat(`<rect width="4" height="4" fill="#1677ff"/>`, 20) + `</svg>`),
		"/assets/logo-9f8e7d.png":    append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 4096)...),
	}}
	for p, b := range f.files {
		name := filepath.Join(f.dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// rawClient does not ask for or undo compression on its own, so tests see the bytes sent.
var rawClient = &http.Client{Transport: &http.Transport{DisableCompression: true}}

type spaReply struct {
	resp *http.Response
	body []byte // as sent
}

func spaGet(t *testing.T, method, url string, header map[string]string) spaReply {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := rawClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading the body: %v", method, url, err)
	}
	return spaReply{resp, body}
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("bad gzip: %v", err)
	}
	return out
}

func varies(r *http.Response) bool {
	for _, v := range r.Header.Values("Vary") {
		for _, f := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(f), "Accept-Encoding") {
				return true
			}
		}
	}
	return false
}

var gzipAccepted = map[string]string{"Accept-Encoding": "gzip, deflate, br, zstd"}

func TestSPAGzipWhenAccepted(t *testing.T) {
	f := newSPAFixture(t)
	srv := httptest.NewServer(spaHandler(f.dir))
	defer srv.Close()
	for _, c := range []struct{ path, file, ctype, cache string }{
		{"/assets/index-AbCd1234.js", "/assets/index-AbCd1234.js", "text/javascript; charset=utf-8", "public, max-age=31536000, immutable"},
		{"/assets/index-AbCd1234.css", "/assets/index-AbCd1234.css", "text/css; charset=utf-8", "public, max-age=31536000, immutable"},
		{"/favicon.svg", "/favicon.svg", "image/svg+xml", ""},
		{"/", "/index.html", "text/html; charset=utf-8", "no-cache"},
		{"/index.html", "/index.html", "text/html; charset=utf-8", "no-cache"},
		// Client-side routes get the app, compressed too.
		{"/customers", "/index.html", "text/html; charset=utf-8", "no-cache"},
		{"/customers/cus_0123?tab=history", "/index.html", "text/html; charset=utf-8", "no-cache"},
	} {
		for i := range 2 { // the second answer comes from the cache
			r := spaGet(t, http.MethodGet, srv.URL+c.path, gzipAccepted)
			if r.resp.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: status %d", c.path, r.resp.StatusCode)
			}
			if ce := r.resp.Header.Get("Content-Encoding"); ce != "gzip" {
				t.Fatalf("GET %s (%d): Content-Encoding %q, want gzip", c.path, i, ce)
			}
			if got := gunzip(t, r.body); !bytes.Equal(got, f.files[c.file]) {
				t.Fatalf("GET %s: decodes to %d bytes that are not %s", c.path, len(got), c.file)
			}
			if len(r.body) >= len(f.files[c.file]) {
				t.Fatalf("GET %s: %d bytes compressed, %d plain", c.path, len(r.body), len(f.files[c.file]))
			}
			if cl := r.resp.Header.Get("Content-Length"); cl != strconv.Itoa(len(r.body)) {
				t.Fatalf("GET %s: Content-Length %q, body %d bytes", c.path, cl, len(r.body))
			}
			if ct := r.resp.Header.Get("Content-Type"); ct != c.ctype {
				t.Fatalf("GET %s: Content-Type %q, want %q", c.path, ct, c.ctype)
			}
			if !varies(r.resp) {
				t.Fatalf("GET %s: no Vary: Accept-Encoding (%q)", c.path, r.resp.Header.Values("Vary"))
			}
			if cc := r.resp.Header.Get("Cache-Control"); cc != c.cache {
				t.Fatalf("GET %s: Cache-Control %q, want %q", c.path, cc, c.cache)
			}
		}
	}
}

func TestSPAIdentityUnlessGzipAccepted(t *testing.T) {
	f := newSPAFixture(t)
	srv := httptest.NewServer(spaHandler(f.dir))
	defer srv.Close()
	for _, ae := range []string{"", "identity", "br", "gzip;q=0", "*;q=0", "br, gzip; q=0"} {
		for _, p := range []string{"/assets/index-AbCd1234.js", "/customers"} {
			r := spaGet(t, http.MethodGet, srv.URL+p, map[string]string{"Accept-Encoding": ae})
			want := f.files[p]
			if p == "/customers" {
				want = f.files["/index.html"]
			}
			if r.resp.StatusCode != http.StatusOK || r.resp.Header.Get("Content-Encoding") != "" || !bytes.Equal(r.body, want) {
				t.Fatalf("GET %s, Accept-Encoding %q: status %d, Content-Encoding %q, %d bytes; want the file as it is",
					p, ae, r.resp.StatusCode, r.resp.Header.Get("Content-Encoding"), len(r.body))
			}
			if !varies(r.resp) {
				t.Fatalf("GET %s, Accept-Encoding %q: no Vary: Accept-Encoding", p, ae)
			}
			if ct := r.resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, map[bool]string{true: "text/html", false: "text/javascript"}[p == "/customers"]) {
				t.Fatalf("GET %s: Content-Type %q", p, ct)
			}
		}
	}
	// A wildcard accepts gzip.
	if r := spaGet(t, http.MethodGet, srv.URL+"/assets/index-AbCd1234.js", map[string]string{"Accept-Encoding": "*"}); r.resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Accept-Encoding *: Content-Encoding %q", r.resp.Header.Get("Content-Encoding"))
	}
	// Images are compressed already: sent as they are, with nothing to vary on.
	r := spaGet(t, http.MethodGet, srv.URL+"/assets/logo-9f8e7d.png", gzipAccepted)
	if r.resp.Header.Get("Content-Encoding") != "" || !bytes.Equal(r.body, f.files["/assets/logo-9f8e7d.png"]) || varies(r.resp) {
		t.Fatalf("png: Content-Encoding %q, Vary %q, %d bytes", r.resp.Header.Get("Content-Encoding"), r.resp.Header.Values("Vary"), len(r.body))
	}
	if ct := r.resp.Header.Get("Content-Type"); ct != "image/png" {
		t.Fatalf("png: Content-Type %q", ct)
	}
}

func TestSPAHeadRangeAndConditional(t *testing.T) {
	f := newSPAFixture(t)
	srv := httptest.NewServer(spaHandler(f.dir))
	defer srv.Close()
	js := "/assets/index-AbCd1234.js"
	get := spaGet(t, http.MethodGet, srv.URL+js, gzipAccepted)

	// HEAD: the same headers as GET, no body.
	head := spaGet(t, http.MethodHead, srv.URL+js, gzipAccepted)
	if head.resp.StatusCode != http.StatusOK || len(head.body) != 0 {
		t.Fatalf("HEAD: status %d, %d bytes", head.resp.StatusCode, len(head.body))
	}
	for _, h := range []string{"Content-Encoding", "Content-Length", "Content-Type", "ETag", "Last-Modified", "Cache-Control"} {
		if head.resp.Header.Get(h) != get.resp.Header.Get(h) || get.resp.Header.Get(h) == "" {
			t.Fatalf("HEAD %s %q, GET %q", h, head.resp.Header.Get(h), get.resp.Header.Get(h))
		}
	}
	if head := spaGet(t, http.MethodHead, srv.URL+"/customers", nil); head.resp.StatusCode != http.StatusOK || len(head.body) != 0 ||
		head.resp.Header.Get("Content-Length") != strconv.Itoa(len(f.files["/index.html"])) {
		t.Fatalf("HEAD /customers: status %d, Content-Length %q", head.resp.StatusCode, head.resp.Header.Get("Content-Length"))
	}

	// Range: a slice of the file as it is, even when gzip is accepted.
	rng := spaGet(t, http.MethodGet, srv.URL+js, map[string]string{"Accept-Encoding": "gzip", "Range": "bytes=10-29"})
	if rng.resp.StatusCode != http.StatusPartialContent || rng.resp.Header.Get("Content-Encoding") != "" || !bytes.Equal(rng.body, f.files[js][10:30]) {
		t.Fatalf("Range: status %d, Content-Encoding %q, body %q", rng.resp.StatusCode, rng.resp.Header.Get("Content-Encoding"), rng.body)
	}
	// Resuming a compressed download (If-Range with its ETag) gets the whole file instead of
	// uncompressed bytes to append to compressed ones.
	resume := spaGet(t, http.MethodGet, srv.URL+js, map[string]string{"Accept-Encoding": "gzip", "Range": "bytes=100-", "If-Range": get.resp.Header.Get("ETag")})
	if resume.resp.StatusCode != http.StatusOK || resume.resp.Header.Get("Content-Encoding") != "" || !bytes.Equal(resume.body, f.files[js]) {
		t.Fatalf("If-Range with the gzip ETag: status %d, Content-Encoding %q, %d bytes", resume.resp.StatusCode, resume.resp.Header.Get("Content-Encoding"), len(resume.body))
	}
	plain := spaGet(t, http.MethodGet, srv.URL+js, nil)
	if plain.resp.Header.Get("ETag") == get.resp.Header.Get("ETag") {
		t.Fatalf("the compressed and plain answers share the ETag %s", plain.resp.Header.Get("ETag"))
	}
	resume = spaGet(t, http.MethodGet, srv.URL+js, map[string]string{"Accept-Encoding": "gzip", "Range": "bytes=100-", "If-Range": plain.resp.Header.Get("ETag")})
	if resume.resp.StatusCode != http.StatusPartialContent || !bytes.Equal(resume.body, f.files[js][100:]) {
		t.Fatalf("If-Range with the plain ETag: status %d, %d bytes", resume.resp.StatusCode, len(resume.body))
	}

	// Revalidation: 304 without a body or encoding headers.
	for _, h := range []map[string]string{
		{"Accept-Encoding": "gzip", "If-None-Match": get.resp.Header.Get("ETag")},
		{"Accept-Encoding": "gzip", "If-Modified-Since": get.resp.Header.Get("Last-Modified")},
	} {
		r := spaGet(t, http.MethodGet, srv.URL+js, h)
		if r.resp.StatusCode != http.StatusNotModified || len(r.body) != 0 || r.resp.Header.Get("Content-Encoding") != "" || r.resp.Header.Get("Content-Length") != "" {
			t.Fatalf("conditional %v: status %d, Content-Encoding %q, Content-Length %q", h, r.resp.StatusCode, r.resp.Header.Get("Content-Encoding"), r.resp.Header.Get("Content-Length"))
		}
	}
	// A failed precondition says so without promising a body.
	if r := spaGet(t, http.MethodGet, srv.URL+js, map[string]string{"Accept-Encoding": "gzip", "If-Match": `"other"`}); r.resp.StatusCode != http.StatusPreconditionFailed {
		t.Fatalf("If-Match: status %d", r.resp.StatusCode)
	}
}

// The files there are at startup are compressed before anyone asks for them.
func TestSPACompressedAhead(t *testing.T) {
	f := newSPAFixture(t)
	h := spaHandler(f.dir).(*spaFiles)
	for _, p := range []string{"/index.html", "/assets/index-AbCd1234.js", "/assets/index-AbCd1234.css", "/favicon.svg"} {
		name := filepath.Join(f.dir, filepath.FromSlash(p))
		for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(5 * time.Millisecond) {
			h.mu.Lock()
			e := h.gz[name]
			h.mu.Unlock()
			if e != nil {
				if data := h.compressed(name, statOf(t, name)); data == nil || !bytes.Equal(gunzip(t, data), f.files[p]) {
					t.Fatalf("%s: compressed ahead wrongly", p)
				}
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s was not compressed ahead", p)
			}
		}
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.gz[filepath.Join(f.dir, "assets", "logo-9f8e7d.png")]; ok {
		t.Fatal("an image was compressed")
	}
}

func statOf(t *testing.T, name string) os.FileInfo {
	t.Helper()
	st, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestSPARebuiltFileIsCompressedAgain(t *testing.T) {
	f := newSPAFixture(t)
	srv := httptest.NewServer(spaHandler(f.dir))
	defer srv.Close()
	_ = spaGet(t, http.MethodGet, srv.URL+"/", gzipAccepted)
	index := filepath.Join(f.dir, "index.html")
	rebuilt := []byte(strings.Repeat("<p>rebuilt</p>", 50))
	if err := os.WriteFile(index, rebuilt, 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(index, later, later); err != nil {
		t.Fatal(err)
	}
	if r := spaGet(t, http.MethodGet, srv.URL+"/customers", gzipAccepted); !bytes.Equal(gunzip(t, r.body), rebuilt) {
		t.Fatal("the old index.html is still served after a rebuild")
	}
}

func TestSPAMissingAndMethods(t *testing.T) {
	f := newSPAFixture(t)
	srv := httptest.NewServer(spaHandler(f.dir))
	defer srv.Close()
	if r := spaGet(t, http.MethodGet, srv.URL+"/assets/missing-123.js", gzipAccepted); r.resp.StatusCode != http.StatusNotFound || r.resp.Header.Get("Content-Encoding") != "" {
		t.Fatalf("missing asset: status %d, Content-Encoding %q", r.resp.StatusCode, r.resp.Header.Get("Content-Encoding"))
	}
	// A path that climbs out of the SPA stays inside it: the app's index.
	if r := spaGet(t, http.MethodGet, srv.URL+"/../../etc/passwd", gzipAccepted); r.resp.StatusCode != http.StatusOK || !bytes.Equal(gunzip(t, r.body), f.files["/index.html"]) {
		t.Fatalf("path outside the SPA: status %d", r.resp.StatusCode)
	}
	if r := spaGet(t, http.MethodPost, srv.URL+"/customers", gzipAccepted); r.resp.StatusCode != http.StatusMethodNotAllowed {
		t.Fatalf("POST: status %d", r.resp.StatusCode)
	}
	unbuilt := httptest.NewServer(spaHandler(t.TempDir()))
	defer unbuilt.Close()
	if r := spaGet(t, http.MethodGet, unbuilt.URL+"/customers", gzipAccepted); r.resp.StatusCode != http.StatusServiceUnavailable || r.resp.Header.Get("Content-Encoding") != "" {
		t.Fatalf("SPA not built: status %d, Content-Encoding %q", r.resp.StatusCode, r.resp.Header.Get("Content-Encoding"))
	}
}

// Through the whole stack: the SPA is compressed, the GraphQL API is not.
func TestSPACompressedGraphQLNot(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		index := []byte(strings.Repeat("<!doctype html><title>Partner Center</title>", 20))
		if err := os.WriteFile(filepath.Join(s.SPADir, "index.html"), index, 0o644); err != nil {
			t.Fatal(err)
		}
		r := spaGet(t, http.MethodGet, s.URL+"/customers", gzipAccepted)
		if r.resp.StatusCode != http.StatusOK || r.resp.Header.Get("Content-Encoding") != "gzip" || !bytes.Equal(gunzip(t, r.body), index) || !varies(r.resp) {
			t.Fatalf("/customers: status %d, Content-Encoding %q, Vary %q", r.resp.StatusCode, r.resp.Header.Get("Content-Encoding"), r.resp.Header.Values("Vary"))
		}
		req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", strings.NewReader(`{"query":"{ customers(first: 50) { edges { node { id accountName } } } }"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept-Encoding", "gzip")
		req.Header.Set("Authorization", "Bearer "+s.login(t, "sp.admin@example.com"))
		resp, err := rawClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Encoding") != "" || !bytes.HasPrefix(body, []byte(`{"data":`)) {
			t.Fatalf("/graphql: status %d, Content-Encoding %q, body %.80q", resp.StatusCode, resp.Header.Get("Content-Encoding"), body)
		}
	})
}

func TestAcceptsGzip(t *testing.T) {
	for h, want := range map[string]bool{
		"": false, "gzip": true, "GZIP": true, "x-gzip": true, "gzip, deflate, br": true, "br;q=1.0, gzip;q=0.8": true,
		"gzip;q=0": false, "gzip; q=0.000": false, "identity": false, "br": false, "*": true, "*;q=0": false,
		"*, gzip;q=0": false, "gzip;q=0, *": false, "deflate, *;q=0.1": true,
	} {
		if got := acceptsGzip(h); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", h, got, want)
		}
	}
}
