package money

import (
	"bytes"
	"errors"
	"testing"
)

func TestParse(t *testing.T) {
	good := map[string]string{"0": "0.00", "12": "12.00", "12.3": "12.30", "12.30": "12.30", "-1.05": "-1.05", "0.10": "0.10", "12.300": "12.30"}
	for in, want := range good {
		m, err := Parse(in)
		if err != nil || m.String() != want {
			t.Errorf("Parse(%q) = %v, %v; want %s", in, m, err, want)
		}
	}
	for _, in := range []string{"", "abc", "1.234", "1e3", "0.001", "NaN", "1,00", "99999999999999999999999"} {
		if _, err := Parse(in); !errors.Is(err, ErrInvalid) {
			t.Errorf("Parse(%q) err = %v; want ErrInvalid", in, err)
		}
	}
}

func TestFenRoundTrip(t *testing.T) {
	a, b := MustParse("0.10"), MustParse("0.20")
	if got := a.Add(b).String(); got != "0.30" {
		t.Fatalf("0.10+0.20 = %s", got)
	}
	v, _ := MustParse("123.45").Value()
	if v.(int64) != 12345 {
		t.Fatalf("Value = %v", v)
	}
	var m Money
	for _, src := range []any{int64(12345), []byte("12345"), "12345"} {
		if err := m.Scan(src); err != nil || m.String() != "123.45" {
			t.Fatalf("Scan(%v) = %v, %v", src, m, err)
		}
	}
	if err := m.Scan(nil); err != nil || m.String() != "0.00" {
		t.Fatalf("Scan(nil) = %v, %v", m, err)
	}
}

func TestGQL(t *testing.T) {
	var buf bytes.Buffer
	MustParse("5").MarshalGQL(&buf)
	if buf.String() != `"5.00"` {
		t.Fatalf("MarshalGQL = %s", buf.String())
	}
	var m Money
	if err := m.UnmarshalGQL("1.005"); !errors.Is(err, ErrInvalid) {
		t.Fatalf("UnmarshalGQL(1.005) err = %v", err)
	}
	if err := m.UnmarshalGQL(3.5); !errors.Is(err, ErrInvalid) {
		t.Fatalf("UnmarshalGQL(float) err = %v", err)
	}
}

// TestFenArithmetic: amounts are integer fen; formatting, comparison and the range guard.
func TestFenArithmetic(t *testing.T) {
	for fen, want := range map[int64]string{0: "0.00", 5: "0.05", -5: "-0.05", 100: "1.00", -105: "-1.05", 1234567: "12345.67"} {
		if got := FromFen(fen).String(); got != want {
			t.Errorf("FromFen(%d) = %s, want %s", fen, got, want)
		}
		if b, _ := FromFen(fen).MarshalJSON(); string(b) != `"`+want+`"` {
			t.Errorf("MarshalJSON(%d) = %s", fen, b)
		}
	}
	a, b := MustParse("100.00"), MustParse("0.01")
	if a.Sub(b).String() != "99.99" || b.Sub(a).String() != "-99.99" || a.Cmp(b) != 1 || b.Cmp(a) != -1 || a.Cmp(a) != 0 {
		t.Fatal("arithmetic")
	}
	if !Zero.IsZero() || a.Sub(a) != Zero || !b.Sub(a).IsNegative() || !a.IsPositive() {
		t.Fatal("signs")
	}
	var m Money
	if err := m.Scan("12345.0"); err != nil || m.Fen() != 12345 {
		t.Fatalf("Scan(12345.0) = %v, %v", m, err)
	}
	if err := m.Scan(float64(250)); err != nil || m.String() != "2.50" {
		t.Fatalf("Scan(250.0) = %v, %v", m, err)
	}
	if err := m.Scan(2.5); err == nil {
		t.Fatal("Scan(2.5 fen) should fail")
	}
	defer func() {
		if recover() == nil {
			t.Fatal("an amount past the range should panic, not wrap")
		}
	}()
	huge := FromFen(limit)
	_ = huge.Add(huge)
}
