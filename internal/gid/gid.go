// Package gid makes the opaque global IDs of every entity: a short type prefix, an underscore and a
// ULID ("cus_01JD..."). The prefix names the type, so node(id:) can find the table, and the ULID
// cannot be enumerated.
package gid

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/oklog/ulid/v2"
)

// ID is a prefixed ULID.
type ID string

// New returns a fresh ID with the given prefix. ulid.Make is safe for concurrent use.
func New(prefix string) ID { return ID(prefix + "_" + ulid.Make().String()) }

// Prefix is the type prefix of the ID ("cus" for "cus_01J..."), or "" if it has none.
func (id ID) Prefix() string {
	p, _, ok := strings.Cut(string(id), "_")
	if !ok {
		return ""
	}
	return p
}

// Valid reports whether the ID has a prefix and a well-formed ULID.
func (id ID) Valid() bool {
	p, rest, ok := strings.Cut(string(id), "_")
	if !ok || p == "" || len(p) > 8 {
		return false
	}
	_, err := ulid.ParseStrict(rest)
	return err == nil
}

// String returns the ID as text.
func (id ID) String() string { return string(id) }

// UnmarshalGQL accepts a string (or an already-typed ID, as gqlgen passes on node()).
func (id *ID) UnmarshalGQL(v any) error {
	switch x := v.(type) {
	case string:
		*id = ID(x)
	case ID:
		*id = x
	default:
		return fmt.Errorf("an ID must be a string")
	}
	return nil
}

// MarshalGQL writes the ID as a JSON string. The IDs this server makes (prefix_ULID) need no
// escaping and are written without an allocation; anything else is escaped as JSON requires.
func (id ID) MarshalGQL(w io.Writer) {
	s := string(id)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= 0x7f {
			b, _ := json.Marshal(s)
			_, _ = w.Write(b)
			return
		}
	}
	_, _ = io.WriteString(w, `"`)
	_, _ = io.WriteString(w, s)
	_, _ = io.WriteString(w, `"`)
}

// Scan implements sql.Scanner.
func (id *ID) Scan(src any) error {
	switch v := src.(type) {
	case string:
		*id = ID(v)
	case []byte:
		*id = ID(string(v))
	default:
		return fmt.Errorf("gid: cannot scan %T", src)
	}
	return nil
}

// Value implements driver.Valuer.
func (id ID) Value() (driver.Value, error) { return string(id), nil }

// Mixin-free prefixes, one per entity. Keep them short and unique; gid_test checks they are.
const (
	PrefixPartner     = "ptr"
	PrefixUser        = "usr"
	PrefixCustomer    = "cus"
	PrefixAssociation = "asc"
	PrefixSession     = "ses"
)

// Prefixes of the privacy and security entities.
const (
	PrefixAuditLog = "aud"
	PrefixAPIKey   = "key"
)

// Prefixes of the customer-lifecycle entities.
const (
	PrefixAssociationEvent    = "aev"
	PrefixManagerAssignment   = "mga"
	PrefixResellerApplication = "rap"
	PrefixVerificationCode    = "vcd"
)

// Prefixes of the ledger.
const (
	PrefixAccount     = "acc"
	PrefixJournal     = "jnl"
	PrefixEntry       = "ent"
	PrefixIdempotency = "idm"
)

// Prefixes of coupons (券管理).
const (
	PrefixCouponQuota       = "cqt"
	PrefixCoupon            = "cpn"
	PrefixCouponLimit       = "clm"
	PrefixCustomerWhitelist = "cwl"
	PrefixCouponRecord      = "crd"
)

// Prefixes of the product catalogue.
const (
	PrefixServiceType = "svt"
	PrefixProduct     = "prd"
)
