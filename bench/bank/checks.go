package main

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// checkLedger checks the ledger's invariants in SQL after a run: the accounts sum to what they did
// before, no balance is negative (but EXTERNAL's), every journal sums to zero over two entries or
// more, every account equals the sum of its entries, every answer of a key names the same
// journals and the database holds those under the key, and no key had two effects. It answers
// the problems found, the total after, and how many keys were answered more than once, attempts
// failed and first attempts were settled by a retry.
func checkLedger(ctx context.Context, db *sql.DB, totalBefore int64, byKey map[string]*keyed) (problems []string, totalAfter int64, multi, failedAttempts, recovered int, err error) {
	if err := db.QueryRowContext(ctx, `SELECT COALESCE(SUM(balance),0) FROM accounts`).Scan(&totalAfter); err != nil {
		return nil, 0, 0, 0, 0, err
	}
	if totalAfter != totalBefore {
		problems = append(problems, fmt.Sprintf("the accounts summed to %d fen and now to %d", totalBefore, totalAfter))
	}
	var neg int
	_ = db.QueryRowContext(ctx, `SELECT count(*) FROM accounts WHERE balance < 0 AND kind <> 'EXTERNAL'`).Scan(&neg)
	if neg > 0 {
		problems = append(problems, fmt.Sprintf("%d negative balances", neg))
	}
	var unbalanced int
	_ = db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT journal_id FROM ledger_entries GROUP BY journal_id HAVING SUM(amount) <> 0 OR count(*) < 2) x`).Scan(&unbalanced)
	if unbalanced > 0 {
		problems = append(problems, fmt.Sprintf("%d journals do not sum to zero", unbalanced))
	}
	var drift int
	_ = db.QueryRowContext(ctx, `SELECT count(*) FROM accounts a LEFT JOIN (SELECT account_id, SUM(amount) s FROM ledger_entries GROUP BY account_id) e ON e.account_id = a.id WHERE a.balance <> COALESCE(e.s, 0)`).Scan(&drift)
	if drift > 0 {
		problems = append(problems, fmt.Sprintf("%d accounts differ from the sum of their entries", drift))
	}
	// Each key: all successful answers name the same journals, and the database holds exactly
	// those journals under the key.
	journalsByKey := map[string]string{}
	rows, err := db.QueryContext(ctx, `SELECT idempotency_key, string_agg(id, ',' ORDER BY id) FROM journals WHERE idempotency_key LIKE 'bank-%' GROUP BY partner_id, customer_id IS NULL, idempotency_key`)
	if err != nil {
		return nil, 0, 0, 0, 0, err
	}
	for rows.Next() {
		var k, ids string
		_ = rows.Scan(&k, &ids)
		journalsByKey[k] += ids
	}
	rows.Close()
	for _, kd := range byKey {
		for i, r := range kd.results {
			if r.err != nil {
				failedAttempts++
				if i == 0 && kd.results[len(kd.results)-1].err == nil {
					recovered++
				}
			}
		}
		seen := ""
		for _, r := range kd.results {
			if r.err != nil || r.refused != "" {
				continue
			}
			ids := strings.Split(r.journals, ",")
			sortStrings(ids)
			j := strings.Join(ids, ",")
			if seen != "" && seen != j {
				problems = append(problems, fmt.Sprintf("key %s answered %s and then %s", kd.key, seen, j))
			}
			seen = j
		}
		if seen != "" {
			if got := journalsByKey[kd.key]; got != "" && got != seen && !strings.Contains(got, seen) {
				problems = append(problems, fmt.Sprintf("key %s: the client saw %s, the database holds %s", kd.key, seen, got))
			}
			if len(kd.results) > 1 {
				multi++
			}
		}
	}
	var dupKeys int
	_ = db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT idempotency_key FROM journals WHERE idempotency_key LIKE 'bank-%' AND batch_id IS NULL AND kind NOT IN ('COUPON_ISSUE', 'COUPON_RECLAIM', 'QUOTA_TO_RESELLER') GROUP BY idempotency_key, partner_id, kind HAVING count(*) > 1) x`).Scan(&dupKeys)
	if dupKeys > 0 {
		problems = append(problems, fmt.Sprintf("%d keys had more than one effect", dupKeys))
	}
	return problems, totalAfter, multi, failedAttempts, recovered, nil
}
