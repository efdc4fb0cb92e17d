{{/*
The statements the server runs for one issueCoupons request of 100 vouchers, captured from the
server (go test ./server -run TestIssueCouponsStatements -v lists them; COUPON_STATEMENTS_ARGS=1
adds their arguments), as a Go text/template that bench/coupons renders before each run: .Customers
are the 100 customers, .From/.Until the quota's validity, .Operator the admin's display name; each
client's session hash, user, partner, key scope, quota and the quota's account (th, uid, pid, sc, q, qa, qk) come
from the bench_coupons_map table (one primary-key look-up per transaction, before these). Re-capture
after changing the ledger's statements.

The server binds up to 1,200 parameters per statement (lib/pq, unnamed statements: parse, bind and
execute in one round trip); pgbench -M extended takes at most 255 per statement, so pgbench runs
these with -M simple: the same statements, rows and round trips, with the values written in the
text (planned for those values, as PostgreSQL plans an unnamed statement for its bound values).
:r (19 digits, new per transaction) makes every written ID and key new. Timestamps are now() here
and bound values in the server; balance_after is a constant here (pgbench cannot carry the locked
quota's balance from row to row).

Order: the authentication statement (every request reads its session), BEGIN, the claim of the
key (storing the planned outcome), the quota share-locked with its limits, the customers
share-locked through the privacy rule, the quota's account locked, the coupons, their accounts,
the journals, their entries, the balances, the coupon records, the audit record, COMMIT, then the
payload's read of the coupons issued.
*/ -}}
\set r random(1000000000000000000, 9000000000000000000)
SELECT "users"."id", "users"."display_name", "users"."role", "users"."partner_id", "users"."customer_id", "p"."kind" AS "p_kind", "p"."distributor_id" AS "p_distributor_id", "p"."require_step_up" AS "p_require_step_up" FROM "users" LEFT JOIN "partners" AS "p" ON "users"."partner_id" = "p"."id" WHERE EXISTS (SELECT "sessions"."user_id" FROM "sessions" WHERE (("users"."id" = "sessions"."user_id" AND "sessions"."token_hash" = ':th') AND "sessions"."revoked_at" IS NULL) AND "sessions"."expires_at" > now()) LIMIT 1;
BEGIN;
INSERT INTO "idempotency_records" ("created_at", "scope", "key", "operation", "request_hash", "response", "expires_at", "id") VALUES (now(), ':sc', 'pgb-:r', 'issue-coupons', '{{.Hash}}', '{"journalIds":[{{range $i, $c := .Customers}}{{if $i}},{{end}}"jnl_PG{{printf "%03d" $i}}:r"{{end}}],"rows":[{{range $i, $c := .Customers}}{{if $i}},{{end}}{"id":"{{$c}}","ok":true,"journalId":"jnl_PG{{printf "%03d" $i}}:r","object":"cpn_PG{{printf "%03d" $i}}:r","amount":"0.00"}{{end}}]}', now() + interval '48 hours', 'idm_PG:r');
SELECT "coupon_quotas"."id", "coupon_quotas"."created_at", "coupon_quotas"."updated_at", "coupon_quotas"."kind", "coupon_quotas"."partner_id", "coupon_quotas"."parent_quota_id", "coupon_quotas"."value", "coupon_quotas"."status", "coupon_quotas"."valid_from", "coupon_quotas"."valid_until" FROM "coupon_quotas" WHERE "coupon_quotas"."id" = ':q' AND "coupon_quotas"."partner_id" IN (':pid') LIMIT 2 FOR SHARE;
SELECT "coupon_limits"."id", "coupon_limits"."created_at", "coupon_limits"."updated_at", "coupon_limits"."quota_id", "coupon_limits"."coupon_id", "coupon_limits"."limit_key", "coupon_limits"."value" FROM "coupon_limits" WHERE "coupon_limits"."quota_id" IN (':q') AND (EXISTS (SELECT "coupon_quotas"."id" FROM "coupon_quotas" WHERE "coupon_limits"."quota_id" = "coupon_quotas"."id" AND "coupon_quotas"."partner_id" IN (':pid')) OR EXISTS (SELECT "coupons"."id" FROM "coupons" WHERE "coupon_limits"."coupon_id" = "coupons"."id" AND "coupons"."partner_id" IN (':pid')));
SELECT "customers"."id", "customers"."partner_id", "customers"."association_type" FROM "customers" WHERE "customers"."id" IN ({{range $i, $c := .Customers}}{{if $i}}, {{end}}'{{$c}}'{{end}}) AND "customers"."partner_id" IN (':pid') FOR SHARE;
SELECT "accounts"."id", "accounts"."kind", "accounts"."owner_key", "accounts"."balance" FROM "accounts" WHERE "accounts"."owner_key" IN (':qk') ORDER BY "accounts"."id" ASC FOR UPDATE;
INSERT INTO "coupons" ("created_at", "customer_id", "face_value", "id", "kind", "partner_id", "quota_id", "status", "updated_at", "valid_from", "valid_until") VALUES {{range $i, $c := .Customers}}{{if $i}}, {{end}}(now(), '{{$c}}', 100, 'cpn_PG{{printf "%03d" $i}}:r', 'VOUCHER', ':pid', ':q', 'USABLE', now(), '{{$.From}}', '{{$.Until}}'){{end}};
INSERT INTO "accounts" ("balance", "coupon_id", "created_at", "id", "kind", "owner_key", "updated_at") VALUES {{range $i, $c := .Customers}}{{if $i}}, {{end}}(0, 'cpn_PG{{printf "%03d" $i}}:r', now(), 'acc_PG{{printf "%03d" $i}}:r', 'COUPON', 'COUPON:cpn_PG{{printf "%03d" $i}}:r', now()){{end}};
INSERT INTO "journals" ("amount", "created_at", "id", "idempotency_key", "kind", "operator_id", "operator_name", "reason", "transaction_no") VALUES {{range $i, $c := .Customers}}{{if $i}}, {{end}}(100, now(), 'jnl_PG{{printf "%03d" $i}}:r', 'pgb-:r', 'COUPON_ISSUE', ':uid', '{{$.Operator}}', '', 'TPG{{printf "%03d" $i}}:r'){{end}};
INSERT INTO "ledger_entries" ("account_id", "amount", "balance_after", "created_at", "id", "journal_id") VALUES {{range $i, $c := .Customers}}{{if $i}}, {{end}}(':qa', -100, 0, now(), 'ent_PGa{{printf "%03d" $i}}:r', 'jnl_PG{{printf "%03d" $i}}:r'), ('acc_PG{{printf "%03d" $i}}:r', 100, 100, now(), 'ent_PGb{{printf "%03d" $i}}:r', 'jnl_PG{{printf "%03d" $i}}:r'){{end}};
UPDATE "accounts" SET "updated_at" = now(), "balance" = "balance" + CASE "id" WHEN ':qa' THEN CAST({{.Total}} AS BIGINT){{range $i, $c := .Customers}} WHEN 'acc_PG{{printf "%03d" $i}}:r' THEN CAST(100 AS BIGINT){{end}} END WHERE "accounts"."id" IN (':qa'{{range $i, $c := .Customers}}, 'acc_PG{{printf "%03d" $i}}:r'{{end}});
INSERT INTO "coupon_records" ("amount", "coupon_id", "created_at", "customer_id", "id", "journal_id", "operator_id", "operator_name", "partner_id", "quota_id", "type") VALUES {{range $i, $c := .Customers}}{{if $i}}, {{end}}(100, 'cpn_PG{{printf "%03d" $i}}:r', now(), '{{$c}}', 'crd_PG{{printf "%03d" $i}}:r', 'jnl_PG{{printf "%03d" $i}}:r', ':uid', '{{$.Operator}}', ':pid', ':q', 'ISSUED'){{end}};
INSERT INTO "audit_logs" ("created_at", "action", "outcome", "actor_id", "actor_name", "partner_id", "target_type", "target_id", "sensitive_field", "reason", "detail", "remote_addr", "request_id", "subject_hash", "id") VALUES (now(), 'COUPON_ISSUE', 'ALLOWED', ':uid', '{{.Operator}}', ':pid', 'CouponQuota', ':q', '', '', 'issued {{len .Customers}} coupons of 1.00', '127.0.0.1', 'pgbench', '', 'aud_PG:r');
COMMIT;
SELECT "coupons"."id", "coupons"."created_at", "coupons"."updated_at", "coupons"."kind", "coupons"."quota_id", "coupons"."partner_id", "coupons"."customer_id", "coupons"."face_value", "coupons"."valid_from", "coupons"."valid_until", "coupons"."designated_customer_id", "coupons"."remark", "coupons"."status", "coupons"."held_by_order_id" FROM "coupons" WHERE "coupons"."id" IN ({{range $i, $c := .Customers}}{{if $i}}, {{end}}'cpn_PG{{printf "%03d" $i}}:r'{{end}}) AND "coupons"."partner_id" IN (':pid');
