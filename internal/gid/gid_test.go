package gid

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestMarshalGQL: every ID is written as valid JSON that reads back as the same string.
func TestMarshalGQL(t *testing.T) {
	for _, id := range []ID{New("cus"), "", `a"b`, `back\slash`, "tab\there", "ctl\x01", "中文", "<script>"} {
		var b bytes.Buffer
		id.MarshalGQL(&b)
		var s string
		if err := json.Unmarshal(b.Bytes(), &s); err != nil || s != string(id) {
			t.Errorf("%q written as %s (%v)", id, b.String(), err)
		}
	}
}
