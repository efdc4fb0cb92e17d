// Package money is the one representation of an amount of CNY on every path (金额): integer fen in
// Go and in every database, and a string with exactly two places in GraphQL.
package money

import (
	"bytes"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/vmihailenco/msgpack/v5"
)

// Money is an amount in CNY with at most two decimal places, held as integer fen (arithmetic on
// it allocates nothing). The zero value is 0.00.
type Money struct {
	f int64
}

// limit bounds what Parse accepts and what Add and Sub may reach (in fen, 10^17: a thousand times
// the largest balance the ledger could hold), so that no sum of amounts overflows int64.
const limit = int64(1e17)

// ErrInvalid is returned for input that is not an amount of money with at most two places.
var ErrInvalid = errors.New("invalid amount")

// Zero is 0.00.
var Zero = Money{}

// FromFen makes an amount from integer fen (1/100 CNY), the unit stored in the database.
func FromFen(fen int64) Money { return Money{f: fen} }

// Parse reads "12", "12.3" or "12.30"; more than two places, exponents or non-numbers are refused.
func Parse(s string) (Money, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, "eE+_") || len(s) > 24 {
		return Money{}, fmt.Errorf("%w: %q is not a number with at most 2 decimal places", ErrInvalid, s)
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return Money{}, fmt.Errorf("%w: %q is not a number with at most 2 decimal places", ErrInvalid, s)
	}
	if d.Exponent() < -2 && !d.Equal(d.Round(2)) {
		return Money{}, fmt.Errorf("%w: %q has more than 2 decimal places", ErrInvalid, s)
	}
	f := d.Round(2).Shift(2)
	if !f.BigInt().IsInt64() || f.IntPart() > limit || f.IntPart() < -limit {
		return Money{}, fmt.Errorf("%w: %q is out of range", ErrInvalid, s)
	}
	return Money{f: f.IntPart()}, nil
}

// MustParse is Parse for constants in code and tests.
func MustParse(s string) Money {
	m, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return m
}

// Fen is the amount in integer fen.
func (m Money) Fen() int64 { return m.f }

// IsZero reports m == 0.
func (m Money) IsZero() bool { return m.f == 0 }

// String is the amount with exactly two places, e.g. "12.30" or "-0.05".
func (m Money) String() string {
	var buf [24]byte
	return string(m.append(buf[:0]))
}

// append writes String into b.
func (m Money) append(b []byte) []byte {
	f := m.f
	if f < 0 {
		b = append(b, '-')
	}
	u := uint64(f)
	if f < 0 {
		u = uint64(-f)
	}
	b = strconv.AppendUint(b, u/100, 10)
	return append(b, '.', byte('0'+u%100/10), byte('0'+u%10))
}

// Add returns m+o. Amounts stay within ±10^15 yuan (limit); past that it panics rather than wrap.
func (m Money) Add(o Money) Money { return checked(m.f + o.f) }

// Sub returns m-o (see Add).
func (m Money) Sub(o Money) Money { return checked(m.f - o.f) }

func checked(f int64) Money {
	if f > limit || f < -limit {
		panic(fmt.Sprintf("money: %d fen is out of range", f))
	}
	return Money{f: f}
}

// Cmp compares m and o like strings.Compare.
func (m Money) Cmp(o Money) int {
	switch {
	case m.f < o.f:
		return -1
	case m.f > o.f:
		return 1
	}
	return 0
}

// IsNegative reports m < 0.
func (m Money) IsNegative() bool { return m.f < 0 }

// IsPositive reports m > 0.
func (m Money) IsPositive() bool { return m.f > 0 }

// Value writes integer fen.
func (m Money) Value() (driver.Value, error) { return m.f, nil }

// Scan reads integer fen; PostgreSQL returns SUM(bigint) as text and NULL over no rows.
func (m *Money) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*m = Zero
	case int64:
		*m = FromFen(v)
	case []byte:
		return m.scanText(string(v))
	case string:
		return m.scanText(v)
	case float64: // SQLite may hand back a float for aggregates over integers
		if v != float64(int64(v)) || v > float64(limit) || v < -float64(limit) {
			return fmt.Errorf("money: non-integer fen %v", v)
		}
		*m = Money{f: int64(v)}
	default:
		return fmt.Errorf("money: cannot scan %T", src)
	}
	return nil
}

func (m *Money) scanText(s string) error {
	f, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		d, derr := decimal.NewFromString(s) // "12345.0", as some aggregates come back
		if derr != nil || !d.IsInteger() || !d.BigInt().IsInt64() {
			return fmt.Errorf("money: cannot scan fen %q", s)
		}
		f = d.IntPart()
	}
	*m = Money{f: f}
	return nil
}

// MarshalGQL writes the Decimal scalar: a string with two places.
func (m Money) MarshalGQL(w io.Writer) {
	var buf [26]byte
	b := append(m.append(append(buf[:0], '"')), '"')
	_, _ = w.Write(b)
}

// UnmarshalGQL reads the Decimal scalar from a string (or, leniently, a JSON number).
func (m *Money) UnmarshalGQL(v any) error {
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case int:
		s = strconv.Itoa(x)
	case int64:
		s = strconv.FormatInt(x, 10)
	case interface{ String() string }: // json.Number
		s = x.String()
	default:
		return fmt.Errorf("%w: Decimal must be a string such as \"12.30\"", ErrInvalid)
	}
	p, err := Parse(s)
	if err != nil {
		return err
	}
	*m = p
	return nil
}

// MarshalJSON writes the same string as GraphQL.
func (m Money) MarshalJSON() ([]byte, error) {
	return append(m.append([]byte{'"'}), '"'), nil
}

// UnmarshalJSON reads a quoted or bare amount.
func (m *Money) UnmarshalJSON(b []byte) error {
	p, err := Parse(string(bytes.Trim(b, `"`)))
	if err != nil {
		return err
	}
	*m = p
	return nil
}

// EncodeMsgpack lets entgql cursors carry an amount (paging ordered by a money field).
func (m Money) EncodeMsgpack(enc *msgpack.Encoder) error { return enc.EncodeInt(m.Fen()) }

// DecodeMsgpack is the inverse of EncodeMsgpack.
func (m *Money) DecodeMsgpack(dec *msgpack.Decoder) error {
	f, err := dec.DecodeInt64()
	if err != nil {
		return err
	}
	*m = FromFen(f)
	return nil
}
