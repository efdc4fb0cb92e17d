package ledger

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/couponlimit"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/money"
)

// Limit is one usage rule of a quota or a coupon (see schema.CouponLimit for the values).
type Limit struct {
	Key   couponlimit.LimitKey
	Value string
}

// Limits are a quota's or a coupon's rules, one per key.
type Limits map[couponlimit.LimitKey]string

func limitsOf(rows []*ent.CouponLimit) Limits {
	out := Limits{}
	for _, l := range rows {
		out[l.LimitKey] = l.Value
	}
	return out
}

var orderTypes = []string{"NEW", "RENEWAL", "CHANGE"}

// list splits a comma-separated value into its sorted, distinct, trimmed items.
func list(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// NormalizeLimits checks every limit's value and writes it the one way it is stored; field names
// the input list in errors ("limits").
func NormalizeLimits(field string, in []Limit) (Limits, error) {
	out := Limits{}
	for _, l := range in {
		if _, dup := out[l.Key]; dup {
			return nil, apperr.BadInput(field, "the limit %s is given twice", l.Key)
		}
		if err := couponlimit.LimitKeyValidator(l.Key); err != nil {
			return nil, apperr.BadInput(field, "no limit %q", l.Key)
		}
		v := strings.TrimSpace(l.Value)
		bad := func(format string) error { return apperr.BadInput(field, "%s: "+format, l.Key) }
		switch l.Key {
		case couponlimit.LimitKeyPRODUCTS, couponlimit.LimitKeySERVICE_TYPES:
			items := list(v)
			if len(items) == 0 {
				return nil, bad("name at least one code (leave the limit out for any)")
			}
			for _, it := range items {
				if len(it) > 64 || strings.ContainsAny(it, " \t") {
					return nil, bad("codes are single words of at most 64 characters")
				}
			}
			v = strings.Join(items, ",")
		case couponlimit.LimitKeyORDER_TYPES:
			items := list(strings.ToUpper(v))
			if len(items) == 0 {
				return nil, bad("name at least one of NEW, RENEWAL, CHANGE")
			}
			for _, it := range items {
				if !slices.Contains(orderTypes, it) {
					return nil, bad("order types are NEW, RENEWAL and CHANGE")
				}
			}
			v = strings.Join(items, ",")
		case couponlimit.LimitKeyBILLING_SCOPE:
			v = strings.ToUpper(v)
			if v != "SUBSCRIPTION" && v != "ON_DEMAND" && v != "BOTH" {
				return nil, bad("SUBSCRIPTION, ON_DEMAND or BOTH")
			}
		case couponlimit.LimitKeyMIN_ORDER_AMOUNT:
			m, err := money.Parse(v)
			if err != nil || m.IsNegative() || m.Cmp(maxAmount) > 0 {
				return nil, bad("an amount of at least 0.00 with two decimals at most")
			}
			v = m.String()
		case couponlimit.LimitKeyMAX_ORDER_SHARE:
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 100 {
				return nil, bad("a whole percentage from 1 to 100")
			}
			v = strconv.Itoa(n)
		case couponlimit.LimitKeyNO_BUSINESS_DISCOUNT:
			if v = strings.ToLower(v); v != "true" {
				return nil, bad(`"true" (leave the limit out otherwise)`)
			}
		}
		out[l.Key] = v
	}
	return out, nil
}

// Within merges a coupon's limits with its quota's: the quota's apply where the coupon gives none,
// and a coupon's must be inside its quota's; the refusal names the limit that is not
// (LIMIT_OUTSIDE_QUOTA).
func Within(field string, coupon, quota Limits) (Limits, error) {
	out := Limits{}
	for k, v := range quota {
		out[k] = v
	}
	outside := func(k couponlimit.LimitKey, format string, args ...any) error {
		e := apperr.Refuse(apperr.BadUserInput, "LIMIT_OUTSIDE_QUOTA", "%s: "+format, append([]any{k}, args...)...)
		e.Field = field
		return e
	}
	for k, v := range coupon {
		q, has := quota[k]
		if has {
			switch k {
			case couponlimit.LimitKeyPRODUCTS, couponlimit.LimitKeySERVICE_TYPES, couponlimit.LimitKeyORDER_TYPES:
				qs := list(q)
				for _, it := range list(v) {
					if !slices.Contains(qs, it) {
						return nil, outside(k, "%s is not among the quota's (%s)", it, q)
					}
				}
			case couponlimit.LimitKeyBILLING_SCOPE:
				if q != "BOTH" && v != q {
					return nil, outside(k, "the quota allows %s only", q)
				}
			case couponlimit.LimitKeyMIN_ORDER_AMOUNT:
				if money.MustParse(v).Cmp(money.MustParse(q)) < 0 {
					return nil, outside(k, "at least the quota's %s", q)
				}
			case couponlimit.LimitKeyMAX_ORDER_SHARE:
				a, _ := strconv.Atoi(v)
				b, _ := strconv.Atoi(q)
				if a > b {
					return nil, outside(k, "at most the quota's %s%%", q)
				}
			}
		}
		out[k] = v
	}
	return out, nil
}

// validity defaults a coupon's (or a reseller quota's) window to its quota's and keeps it inside.
func validity(from, until *time.Time, q *ent.CouponQuota) (time.Time, time.Time, error) {
	f, u := q.ValidFrom, q.ValidUntil
	if from != nil {
		f = *from
	}
	if until != nil {
		u = *until
	}
	switch {
	case !f.Before(u):
		return f, u, apperr.BadInput("validUntil", "the validity must end after it starts")
	case f.Before(q.ValidFrom) || u.After(q.ValidUntil):
		e := apperr.Refuse(apperr.BadUserInput, "VALIDITY_OUTSIDE_QUOTA", "the validity must lie inside the quota's (%s to %s)",
			q.ValidFrom.Format(time.DateOnly), q.ValidUntil.Format(time.DateOnly))
		e.Field = "validUntil"
		return f, u, e
	case !u.After(Now()):
		return f, u, apperr.BadInput("validUntil", "the validity must end in the future")
	}
	return f, u, nil
}
