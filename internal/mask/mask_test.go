package mask

import (
	"testing"

	"github.com/partnercenter/partnercenter/internal/gid"
)

func TestValue(t *testing.T) {
	cases := []struct {
		kind     Kind
		in, want string
	}{
		{Mobile, "0086-13912345678", "0086-139****5678"},
		{Mobile, "13912345678", "139****5678"},
		{Mobile, "0086-12345", "0086-***45"},
		{Email, "zhang@example.com", "z***@example.com"},
		{Email, "no-at-sign", "no***gn"},
		{Name, "张三", "张*"},
		{Name, "李小明", "李**"},
		{Name, "刘云数据服务有限公司", "刘****"},
		{Name, "王", "*"},
		{AccountName, "abcdxyz", "ab***yz"},
		{AccountName, "abc", "a***"},
		{BankAccount, "6222 0212 3456 1234", "**** 1234"},
		{BankAccount, "12", "****"},
		{Name, "", ""},
	}
	for _, c := range cases {
		if got := Value(c.kind, c.in); got != c.want {
			t.Errorf("Value(%s, %q) = %q, want %q", c.kind, c.in, got, c.want)
		}
	}
}

func TestScrub(t *testing.T) {
	in := `pq: duplicate key value violates unique constraint "customers_mobile_key": Key (mobile)=(0086-13912345678) already exists; contact zhang.san@example.com or 13800001111`
	got := Scrub(in)
	for _, raw := range []string{"13912345678", "zhang.san@example.com", "13800001111"} {
		if contains(got, raw) {
			t.Fatalf("Scrub left %q in %q", raw, got)
		}
	}
	for _, harmless := range []string{"ordinary text 42", "127.0.0.1:34176", "usr_01JGFJJZ00BF6V683VFJ1HT74G", "order 1234567890"} {
		if Scrub(harmless) != harmless {
			t.Fatalf("Scrub changed harmless text %q", harmless)
		}
	}
	// The fast path must agree with the patterns: every string they match is still masked.
	for _, raw := range []string{"13800001111", "call 86-13800001111", "id 123456789012345", "a@b.co"} {
		if Scrub(raw) == raw {
			t.Fatalf("Scrub left %q as it was", raw)
		}
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

func TestPartyName(t *testing.T) {
	cases := []struct {
		id         gid.ID
		name, want string
	}{
		{gid.New(gid.PrefixPartner), "云海科技有限公司", "云海科技有限公司"},
		{gid.New(gid.PrefixCustomer), "privacy_probe_acct", "pr***ct"},
		{gid.New(gid.PrefixUser), "sp.admin", "***"},
		{gid.ID("no-prefix"), "anything", "***"},
	}
	for _, c := range cases {
		if got := PartyName(c.id, c.name); got != c.want {
			t.Errorf("PartyName(%s, %q) = %q, want %q", c.id.Prefix(), c.name, got, c.want)
		}
	}
}
