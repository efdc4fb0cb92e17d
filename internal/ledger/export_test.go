package ledger

// ForgetExpiredKeys is forgetExpiredKeys, for the tests of package ledger_test.
var ForgetExpiredKeys = (*Ledger).forgetExpiredKeys
