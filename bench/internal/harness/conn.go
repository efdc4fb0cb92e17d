package harness

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"slices"
	"strconv"
	"time"
)

// Conn is one keep-alive HTTP/1.1 connection that posts GraphQL requests to the server and reads
// the answers, with nothing between the load and the socket: the request's head is written once,
// the body appended, one write per request and buffered reads. It is to the server what pgbench's
// client is to PostgreSQL, so that a benchmark of the two measures the servers rather than the
// clients (net/http's client spends two goroutines and a channel hand-off per request).
type Conn struct {
	addr string
	head []byte // request line and headers up to "Content-Length: "
	c    net.Conn
	r    *bufio.Reader
	w    []byte
}

// Dial opens a connection to addr that posts to /graphql with token (may be empty).
func Dial(addr, token string) (*Conn, error) {
	head := "POST /graphql HTTP/1.1\r\nHost: " + addr + "\r\nContent-Type: application/json\r\n"
	if token != "" {
		head += "Authorization: Bearer " + token + "\r\n"
	}
	c := &Conn{addr: addr, head: []byte(head + "Content-Length: ")}
	return c, c.redial()
}

func (c *Conn) redial() error {
	if c.c != nil {
		c.c.Close()
	}
	nc, err := net.DialTimeout("tcp", c.addr, 5*time.Second)
	if err != nil {
		return err
	}
	c.c, c.r = nc, bufio.NewReaderSize(nc, 8<<10)
	return nil
}

// Close closes the connection.
func (c *Conn) Close() error { return c.c.Close() }

// Post sends body and appends the answer's body to buf[:0]. An answer other than 200 is an error
// (with the body); a connection the server closed is dialled again for the next request.
func (c *Conn) Post(body, buf []byte) ([]byte, error) {
	c.w = append(strconv.AppendInt(append(c.w[:0], c.head...), int64(len(body)), 10), "\r\n\r\n"...)
	c.w = append(c.w, body...)
	_ = c.c.SetDeadline(time.Now().Add(30 * time.Second))
	if _, err := c.c.Write(c.w); err != nil {
		_ = c.redial()
		return buf[:0], err
	}
	buf, status, closeAfter, err := c.read(buf[:0])
	if err != nil || closeAfter {
		_ = c.redial()
	}
	if err != nil {
		return buf, err
	}
	if status != 200 {
		return buf, fmt.Errorf("HTTP %d: %s", status, buf)
	}
	return buf, nil
}

// read reads one response: the status line, the headers (Content-Length or chunked), the body.
func (c *Conn) read(buf []byte) (_ []byte, status int, closeAfter bool, err error) {
	line, err := c.r.ReadSlice('\n')
	if err != nil {
		return buf, 0, true, err
	}
	if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.")) {
		return buf, 0, true, fmt.Errorf("bad status line %q", line)
	}
	if status, err = strconv.Atoi(string(line[9:12])); err != nil {
		return buf, 0, true, fmt.Errorf("bad status line %q", line)
	}
	length, chunked := -1, false
	for {
		line, err = c.r.ReadSlice('\n')
		if err != nil {
			return buf, status, true, err
		}
		h := bytes.TrimRight(line, "\r\n")
		if len(h) == 0 {
			break
		}
		name, value, _ := bytes.Cut(h, []byte(":"))
		value = bytes.TrimSpace(value)
		switch {
		case bytes.EqualFold(name, []byte("Content-Length")):
			if length, err = strconv.Atoi(string(value)); err != nil {
				return buf, status, true, fmt.Errorf("bad Content-Length %q", value)
			}
		case bytes.EqualFold(name, []byte("Transfer-Encoding")):
			chunked = bytes.EqualFold(value, []byte("chunked"))
		case bytes.EqualFold(name, []byte("Connection")):
			closeAfter = bytes.EqualFold(value, []byte("close"))
		}
	}
	switch {
	case chunked:
		for {
			line, err = c.r.ReadSlice('\n')
			if err != nil {
				return buf, status, true, err
			}
			size, _, _ := bytes.Cut(bytes.TrimRight(line, "\r\n"), []byte(";"))
			n, err := strconv.ParseInt(string(size), 16, 32)
			if err != nil {
				return buf, status, true, fmt.Errorf("bad chunk size %q", line)
			}
			if buf, err = readN(c.r, buf, int(n)); err != nil {
				return buf, status, true, err
			}
			if _, err := c.r.Discard(2); err != nil { // CRLF after the chunk
				return buf, status, true, err
			}
			if n == 0 {
				return buf, status, closeAfter, nil
			}
		}
	case length >= 0:
		buf, err = readN(c.r, buf, length)
		return buf, status, closeAfter, err
	default: // the body runs to the end of the connection
		b, err := io.ReadAll(c.r)
		return append(buf, b...), status, true, err
	}
}

func readN(r io.Reader, buf []byte, n int) ([]byte, error) {
	l := len(buf)
	buf = slices.Grow(buf, n)[:l+n]
	_, err := io.ReadFull(r, buf[l:])
	return buf, err
}
