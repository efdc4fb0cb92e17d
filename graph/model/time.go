package model

import (
	"bytes"
	"io"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// MarshalTime writes the Time scalar as gqlgen's does (RFC 3339 with nanoseconds, quoted), but
// formats straight into the answer's buffer instead of through two intermediate strings: every
// row of a list has a time or two.
func MarshalTime(t time.Time) graphql.Marshaler {
	if t.IsZero() {
		return graphql.Null
	}
	return timeJSON(t)
}

// UnmarshalTime reads the Time scalar as gqlgen's does.
func UnmarshalTime(v any) (time.Time, error) { return graphql.UnmarshalTime(v) }

type timeJSON time.Time

func (t timeJSON) MarshalGQL(w io.Writer) {
	if bw, ok := w.(*bytes.Buffer); ok { // the executor writes answers into a bytes.Buffer
		b := append(bw.AvailableBuffer(), '"')
		b = time.Time(t).AppendFormat(b, time.RFC3339Nano)
		_, _ = bw.Write(append(b, '"'))
		return
	}
	_, _ = io.WriteString(w, `"`+time.Time(t).Format(time.RFC3339Nano)+`"`)
}
