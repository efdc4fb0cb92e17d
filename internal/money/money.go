// Package money is the one representation of an amount of CNY on every path (金额): a decimal in Go,
// integer fen in every database, and a string with exactly two places in GraphQL.
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

// Money is an amount in CNY with at most two decimal places. The zero value is 0.00.
type Money struct {
	d decimal.Decimal
}

// ErrInvalid is returned for input that is not an amount of money with at most two places.
var ErrInvalid = errors.New("invalid amount")

// Zero is 0.00.
var Zero = Money{}

// FromFen makes an amount from integer fen (1/100 CNY), the unit stored in the database.
func FromFen(fen int64) Money { return Money{d: decimal.New(fen, -2)} }

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
	m := Money{d: d.Round(2)}
	if _, ok := m.fen(); !ok {
		return Money{}, fmt.Errorf("%w: %q is out of range", ErrInvalid, s)
	}
	return m, nil
}

// MustParse is Parse for constants in code and tests.
func MustParse(s string) Money {
	m, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return m
}

func (m Money) fen() (int64, bool) {
	f := m.d.Shift(2)
	if !f.IsInteger() {
		return 0, false
	}
	bi := f.BigInt()
	if !bi.IsInt64() {
		return 0, false
	}
	return bi.Int64(), true
}

// Fen is the amount in integer fen.
func (m Money) Fen() int64 { f, _ := m.fen(); return f }

// Decimal exposes the amount for arithmetic.
func (m Money) Decimal() decimal.Decimal { return m.d }

// String is the amount with exactly two places, e.g. "12.30".
func (m Money) String() string { return m.d.StringFixed(2) }

// Add returns m+o.
func (m Money) Add(o Money) Money { return Money{d: m.d.Add(o.d)} }

// Sub returns m-o.
func (m Money) Sub(o Money) Money { return Money{d: m.d.Sub(o.d)} }

// Cmp compares m and o like strings.Compare.
func (m Money) Cmp(o Money) int { return m.d.Cmp(o.d) }

// IsNegative reports m < 0.
func (m Money) IsNegative() bool { return m.d.IsNegative() }

// IsPositive reports m > 0.
func (m Money) IsPositive() bool { return m.d.IsPositive() }

// Value writes integer fen.
func (m Money) Value() (driver.Value, error) {
	f, ok := m.fen()
	if !ok {
		return nil, fmt.Errorf("%w: %s cannot be stored as fen", ErrInvalid, m.d.String())
	}
	return f, nil
}

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
		d := decimal.NewFromFloat(v)
		if !d.IsInteger() {
			return fmt.Errorf("money: non-integer fen %v", v)
		}
		*m = Money{d: d.Shift(-2)}
	default:
		return fmt.Errorf("money: cannot scan %T", src)
	}
	return nil
}

func (m *Money) scanText(s string) error {
	d, err := decimal.NewFromString(s)
	if err != nil || !d.IsInteger() {
		return fmt.Errorf("money: cannot scan fen %q", s)
	}
	*m = Money{d: d.Shift(-2)}
	return nil
}

// MarshalGQL writes the Decimal scalar: a string with two places.
func (m Money) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(m.String())) }

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
func (m Money) MarshalJSON() ([]byte, error) { return []byte(strconv.Quote(m.String())), nil }

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
