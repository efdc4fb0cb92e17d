package rule

import "github.com/partnercenter/partnercenter/internal/viewer"

// Who may look customers up by their personal data (name, account name, mobile, email), which
// the API otherwise shows masked. The privacy rules still narrow every such search to the
// viewer's scope; these decide whether the viewer may search at all.

// MaySearchPersonalFields reports whether the viewer may find customers by part of their name
// or account name (the customer list's search). Matching by part could spell a masked value
// out a character at a time, so it is for the roles that may reveal it anyway (see
// sensitive.MayReveal): the platform, a partner's admin and a customer manager; never an API
// key, nor a supervisor, who sees customers but may not reveal them.
func MaySearchPersonalFields(v *viewer.Viewer) bool {
	if v == nil || v.APIKeyID != "" {
		return false
	}
	return v.IsPlatform() || v.IsPartnerAdmin() || v.Role == viewer.RoleCustomerManager
}

// MayMatchPersonalFields reports whether the viewer may find customers by an exact mobile or
// email (where: {mobile: ...} or {email: ...}): anyone who reads customers, within what it
// reads. An exact match finds a customer by a value the viewer already holds (a customer on
// the phone) and shows it masked like any other.
//
// It is still an oracle: the 4 hidden digits of a masked mobile are 10,000 guesses, and the
// where input's "or" and query aliases take many guesses per request. Limiting it like reveals
// (a count per user and minute, audited) is a decision for the product, not made here.
func MayMatchPersonalFields(v *viewer.Viewer) bool {
	return v != nil
}
