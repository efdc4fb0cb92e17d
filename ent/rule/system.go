package rule

import "github.com/partnercenter/partnercenter/ent/privacy"

// SystemOnly is the whole policy of rows no viewer reads or writes, whatever its role (the
// platform's neither): sessions and verification codes, which only authentication and the
// registration code service touch, and idempotency records, which only the ledger does. Those
// go through viewer.SystemContext, the one greppable bypass.
func SystemOnly() privacy.QueryMutationRule { return privacy.AlwaysDenyRule() }
