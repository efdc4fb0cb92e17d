package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// maxGzipFile is the largest file compressed and kept in memory; larger ones go uncompressed.
const maxGzipFile = 16 << 20

// spaHandler serves the built SPA, answering index.html for client-side routes.
//
// Text files (JavaScript, CSS, HTML, SVG, JSON) go gzip-compressed to clients that accept it:
// each is compressed once and kept in memory (the built SPA is a few megabytes; its JavaScript
// shrinks to about a third), in the background at startup so that no request waits for it, and
// again on the first request after a file changed. Range requests get the file as it is.
// Only the SPA's files are compressed, never the /graphql answers: the API benchmarks compare
// the server's raw throughput with PostGraphile's, which does not compress either.
func spaHandler(dir string) http.Handler {
	s := &spaFiles{dir: dir, gz: map[string]*gzFile{}}
	go s.warm()
	return s
}

// warm compresses the files there are at startup.
func (s *spaFiles) warm() {
	_ = filepath.WalkDir(s.dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !compressible(mime.TypeByExtension(filepath.Ext(name))) {
			return nil
		}
		if st, err := d.Info(); err == nil && st.Mode().IsRegular() {
			s.compressed(name, st)
		}
		return nil
	})
}

type spaFiles struct {
	dir string
	mu  sync.Mutex
	gz  map[string]*gzFile // by file name
}

// gzFile is a file's compressed bytes, valid while the file keeps its size and time.
type gzFile struct {
	mod  time.Time
	size int64
	once sync.Once
	data []byte // nil when compression does not pay (or the file changed while being read)
}

func (s *spaFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := path.Clean("/" + r.URL.Path)
	if p != "/" {
		name := filepath.Join(s.dir, filepath.FromSlash(p))
		if st, err := os.Stat(name); err == nil && !st.IsDir() {
			switch {
			case strings.HasPrefix(p, "/assets/"): // names carry a content hash
				w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
			case p == "/index.html":
				w.Header().Set("Cache-Control", "no-cache")
			}
			s.serveFile(w, r, name, st)
			return
		}
		if path.Ext(p) != "" { // a missing asset is a 404, not the app
			http.NotFound(w, r)
			return
		}
	}
	index := filepath.Join(s.dir, "index.html")
	st, err := os.Stat(index)
	if err != nil || st.IsDir() {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = io.WriteString(w, "The SPA is not built: run `make run` (or `npm run build`). The GraphQL API is at /graphql.\n")
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	s.serveFile(w, r, index, st)
}

// serveFile answers with the file, compressed when its type gains from it and the client accepts
// gzip. http.ServeContent handles HEAD, conditional requests and Range; a Range request gets the
// uncompressed file, and the two forms have different ETags, so that a download begun compressed
// is never resumed (If-Range) with uncompressed bytes.
func (s *spaFiles) serveFile(w http.ResponseWriter, r *http.Request, name string, st os.FileInfo) {
	h := w.Header()
	etag := `"` + strconv.FormatInt(st.ModTime().UnixNano(), 36) + "-" + strconv.FormatInt(st.Size(), 36)
	ctype := mime.TypeByExtension(filepath.Ext(name))
	if compressible(ctype) {
		h.Add("Vary", "Accept-Encoding")
		if r.Header.Get("Range") == "" && acceptsGzip(r.Header.Get("Accept-Encoding")) {
			if gz := s.compressed(name, st); gz != nil {
				h.Set("Content-Type", ctype)
				h.Set("Content-Encoding", "gzip")
				h.Set("ETag", etag+`-gzip"`)
				http.ServeContent(lengthWriter{w, len(gz)}, r, name, st.ModTime(), bytes.NewReader(gz))
				return
			}
		}
	}
	h.Set("ETag", etag+`"`)
	f, err := os.Open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	http.ServeContent(w, r, name, st.ModTime(), f)
}

// lengthWriter states the length of a 200 answer: ServeContent leaves it out once an encoding is
// set (for writers that compress on the fly), but these bytes are final.
type lengthWriter struct {
	http.ResponseWriter
	n int
}

func (w lengthWriter) WriteHeader(code int) {
	if code == http.StatusOK {
		w.Header().Set("Content-Length", strconv.Itoa(w.n))
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w lengthWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// compressed returns the file's gzip bytes, compressing it on first use, or nil to send it as is.
func (s *spaFiles) compressed(name string, st os.FileInfo) []byte {
	if st.Size() > maxGzipFile {
		return nil
	}
	s.mu.Lock()
	e := s.gz[name]
	if e == nil || e.size != st.Size() || !e.mod.Equal(st.ModTime()) { // first use, or rebuilt
		e = &gzFile{mod: st.ModTime(), size: st.Size()}
		s.gz[name] = e
	}
	s.mu.Unlock()
	e.once.Do(func() { e.data = gzipFile(name, e.size) })
	return e.data
}

func gzipFile(name string, size int64) []byte {
	raw, err := os.ReadFile(name)
	if err != nil || int64(len(raw)) != size {
		return nil
	}
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	_, _ = zw.Write(raw)
	if zw.Close() != nil || b.Len() >= len(raw) {
		return nil
	}
	return bytes.Clone(b.Bytes())
}

// compressible says whether a content type is text worth compressing (images other than SVG,
// fonts and archives are compressed already).
func compressible(ctype string) bool {
	mt, _, _ := strings.Cut(ctype, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	switch mt {
	case "text/javascript", "application/javascript", "application/json", "application/manifest+json",
		"application/xml", "image/svg+xml", "application/wasm", "image/x-icon", "image/vnd.microsoft.icon":
		return true
	}
	return strings.HasPrefix(mt, "text/")
}

// acceptsGzip reads an Accept-Encoding header: gzip (or x-gzip) with a non-zero quality, or,
// when gzip is not named, a * with a non-zero quality.
func acceptsGzip(header string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(p, "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		switch strings.ToLower(strings.TrimSpace(coding)) {
		case "gzip", "x-gzip":
			return q > 0
		case "*":
			star = q > 0
		}
	}
	return star
}
