package ledger

import (
	"strings"
	"testing"

	"github.com/partnercenter/partnercenter/ent/couponlimit"
	"github.com/partnercenter/partnercenter/internal/apperr"
)

func TestNormalizeLimits(t *testing.T) {
	ok := []struct {
		in   Limit
		want string
	}{
		{Limit{couponlimit.LimitKeyPRODUCTS, " rds, ecs ,ecs"}, "ecs,rds"},
		{Limit{couponlimit.LimitKeyORDER_TYPES, "renewal,new"}, "NEW,RENEWAL"},
		{Limit{couponlimit.LimitKeyBILLING_SCOPE, "both"}, "BOTH"},
		{Limit{couponlimit.LimitKeyMIN_ORDER_AMOUNT, "100"}, "100.00"},
		{Limit{couponlimit.LimitKeyMAX_ORDER_SHARE, "30"}, "30"},
		{Limit{couponlimit.LimitKeyNO_BUSINESS_DISCOUNT, "TRUE"}, "true"},
	}
	for _, c := range ok {
		got, err := NormalizeLimits("limits", []Limit{c.in})
		if err != nil || got[c.in.Key] != c.want {
			t.Errorf("%s %q: %q, %v; want %q", c.in.Key, c.in.Value, got[c.in.Key], err, c.want)
		}
	}
	bad := []Limit{
		{couponlimit.LimitKeyPRODUCTS, " , "}, {couponlimit.LimitKeyORDER_TYPES, "NEW,REFUND"},
		{couponlimit.LimitKeyBILLING_SCOPE, "MONTHLY"}, {couponlimit.LimitKeyMIN_ORDER_AMOUNT, "-1"},
		{couponlimit.LimitKeyMIN_ORDER_AMOUNT, "1.234"}, {couponlimit.LimitKeyMAX_ORDER_SHARE, "0"},
		{couponlimit.LimitKeyMAX_ORDER_SHARE, "101"}, {couponlimit.LimitKeyNO_BUSINESS_DISCOUNT, "false"},
		{"COLOUR", "red"},
	}
	for _, l := range bad {
		if _, err := NormalizeLimits("limits", []Limit{l}); err == nil {
			t.Errorf("%s %q accepted", l.Key, l.Value)
		}
	}
	if _, err := NormalizeLimits("limits", []Limit{{couponlimit.LimitKeyPRODUCTS, "a"}, {couponlimit.LimitKeyPRODUCTS, "b"}}); err == nil {
		t.Error("a key given twice accepted")
	}
}

func TestWithin(t *testing.T) {
	quota := Limits{couponlimit.LimitKeyPRODUCTS: "ecs,rds", couponlimit.LimitKeyBILLING_SCOPE: "SUBSCRIPTION",
		couponlimit.LimitKeyMIN_ORDER_AMOUNT: "100.00", couponlimit.LimitKeyMAX_ORDER_SHARE: "50", couponlimit.LimitKeyNO_BUSINESS_DISCOUNT: "true"}
	inside := Limits{couponlimit.LimitKeyPRODUCTS: "ecs", couponlimit.LimitKeyMIN_ORDER_AMOUNT: "200.00", couponlimit.LimitKeyMAX_ORDER_SHARE: "30"}
	got, err := Within("limits", inside, quota)
	if err != nil || got[couponlimit.LimitKeyPRODUCTS] != "ecs" || got[couponlimit.LimitKeyBILLING_SCOPE] != "SUBSCRIPTION" ||
		got[couponlimit.LimitKeyNO_BUSINESS_DISCOUNT] != "true" || len(got) != 5 {
		t.Fatalf("inside: %v, %v", got, err)
	}
	for key, v := range map[couponlimit.LimitKey]string{
		couponlimit.LimitKeyPRODUCTS: "ecs,cdn", couponlimit.LimitKeyBILLING_SCOPE: "ON_DEMAND",
		couponlimit.LimitKeyMIN_ORDER_AMOUNT: "99.99", couponlimit.LimitKeyMAX_ORDER_SHARE: "51",
	} {
		_, err := Within("limits", Limits{key: v}, quota)
		e, ok := apperr.As(err)
		if !ok || e.Reason != "LIMIT_OUTSIDE_QUOTA" || !strings.Contains(e.Message, string(key)) || e.Field != "limits" {
			t.Errorf("%s %q outside the quota's: %v", key, v, err)
		}
	}
	// A quota without a limit of a key leaves the coupon free to set one.
	if got, err := Within("limits", Limits{couponlimit.LimitKeyORDER_TYPES: "NEW"}, Limits{}); err != nil || got[couponlimit.LimitKeyORDER_TYPES] != "NEW" {
		t.Errorf("no quota limit: %v %v", got, err)
	}
}
