// Package mask hides personal data (DOMAIN.md §8) the one way every path uses: GraphQL answers,
// exports and logs. 0086-139****5678, z***@example.com, 张*, ab***yz, **** 1234.
package mask

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/partnercenter/partnercenter/internal/gid"
)

// Kind is a sort of personal data; the values match the GraphQL enum SensitiveKind.
type Kind string

// Kinds of personal data.
const (
	Name        Kind = "NAME"
	AccountName Kind = "ACCOUNT_NAME"
	Mobile      Kind = "MOBILE"
	Email       Kind = "EMAIL"
	BankAccount Kind = "BANK_ACCOUNT"
)

// Value masks s as the given kind.
func Value(kind Kind, s string) string {
	if s == "" {
		return ""
	}
	switch kind {
	case Name:
		return maskName(s)
	case AccountName:
		return maskAccount(s)
	case Mobile:
		return maskMobile(s)
	case Email:
		return maskEmail(s)
	case BankAccount:
		return maskBank(s)
	}
	return "***"
}

// PartyName is how a record names one side of the relation it records, which the viewer may
// no longer be allowed to read (an association's history after the customer left its partner,
// the other side of a reseller's application): a partner by its name as is, the company's
// business name that its counterparts deal with; a customer by its account name, masked for
// whoever asks (the record is not the customer's own row, so its own user sees it masked too).
// Any other ID is withheld.
func PartyName(id gid.ID, name string) string {
	switch id.Prefix() {
	case gid.PrefixPartner:
		return name
	case gid.PrefixCustomer:
		return Value(AccountName, name)
	}
	return "***"
}

// maskName keeps the first character: 张三 -> 张*, 李小明 -> 李**; at most four stars.
func maskName(s string) string {
	first, size := utf8.DecodeRuneInString(s)
	n := utf8.RuneCountInString(s[size:])
	if n == 0 {
		return "*"
	}
	return string(first) + strings.Repeat("*", min(n, 4))
}

// maskAccount keeps two characters at each end: abcdxyz -> ab***yz.
func maskAccount(s string) string {
	r := []rune(s)
	if len(r) <= 4 {
		return string(r[0]) + "***"
	}
	return string(r[:2]) + "***" + string(r[len(r)-2:])
}

// maskMobile keeps the country code, the first three and the last four digits:
// 0086-13912345678 -> 0086-139****5678.
func maskMobile(s string) string {
	cc, num, ok := strings.Cut(s, "-")
	if !ok {
		cc, num = "", s
	}
	var out string
	switch r := []rune(num); {
	case len(r) >= 8:
		out = string(r[:3]) + "****" + string(r[len(r)-4:])
	case len(r) >= 3:
		out = strings.Repeat("*", len(r)-2) + string(r[len(r)-2:])
	default:
		out = "***"
	}
	if ok {
		return cc + "-" + out
	}
	return out
}

// maskEmail keeps the first character of the local part and the domain: z***@example.com.
func maskEmail(s string) string {
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" {
		return maskAccount(s)
	}
	first, _ := utf8.DecodeRuneInString(local)
	return string(first) + "***@" + domain
}

// maskBank keeps the last four digits: **** 1234.
func maskBank(s string) string {
	digits := make([]rune, 0, len(s))
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits = append(digits, r)
		}
	}
	if len(digits) < 4 {
		return "****"
	}
	return "**** " + string(digits[len(digits)-4:])
}

var (
	emailRE  = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
	mobileRE = regexp.MustCompile(`\b(\d{1,4}-)?1\d{10}\b|\b\d{11,}\b`)
)

// Scrub masks anything in free text that looks like an email address or a mobile number; the
// log handler runs every message and string attribute through it.
func Scrub(s string) string {
	// Both patterns need something a plain scan finds: an email an "@", a mobile a run of at
	// least 11 digits. Most log strings (paths, addresses, IDs) have neither and skip the regexps.
	if strings.IndexByte(s, '@') >= 0 {
		s = emailRE.ReplaceAllStringFunc(s, maskEmail)
	}
	if hasDigitRun(s, 11) {
		s = mobileRE.ReplaceAllStringFunc(s, maskMobile)
	}
	return s
}

// hasDigitRun reports whether s holds n or more ASCII digits in a row.
func hasDigitRun(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}
