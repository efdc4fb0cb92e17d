-- The statements the server runs for one allocateBalance request, captured from the server (the
-- statement counter of the tests: server/money_test.go TestPostingStatements lists them) and
-- given like values, for pgbench -M extended (lib/pq sends each as an unnamed statement too:
-- parse, bind and execute in one round trip). Timestamps are now() here and bound values in the
-- server; balance_after is a constant here (pgbench cannot carry the locked rows' balances).
-- Re-capture after changing the ledger's statements.
-- The authentication statement first (the server reads the session on every request), then the
-- posting's transaction: claim the key with the planned outcome, read the customer through the
-- privacy rule (share lock), lock both accounts in ID order, journal, entries, balances, audit record.
-- (ALLOC_PGBENCH_SQL=file runs another script instead.)
\set r random(1, 1000000000000000)
SELECT "users"."id", "users"."display_name", "users"."role", "users"."partner_id", "users"."customer_id", "p"."kind" AS "p_kind", "p"."distributor_id" AS "p_distributor_id", "p"."require_step_up" AS "p_require_step_up" FROM "users" LEFT JOIN "partners" AS "p" ON "users"."partner_id" = "p"."id" WHERE EXISTS (SELECT "sessions"."user_id" FROM "sessions" WHERE (("users"."id" = "sessions"."user_id" AND "sessions"."token_hash" = :th) AND "sessions"."revoked_at" IS NULL) AND "sessions"."expires_at" > now()) LIMIT 1;
BEGIN;
INSERT INTO "idempotency_records" ("created_at", "scope", "key", "operation", "request_hash", "response", "expires_at", "id") VALUES (now(), 'partner:' || :pid, 'pg-' || :client_id || '-' || :r, 'allocate', md5(:r::text) || md5(:client_id::text), '{"journalIds":["jnl_pg_' || :client_id || '_' || :r || '"]}', now() + interval '48 hours', 'idm_pg_' || :client_id || '_' || :r);
SELECT "customers"."id", "customers"."partner_id", "customers"."association_type" FROM "customers" WHERE "customers"."id" IN (:cid) AND "customers"."partner_id" IN (:pid) ORDER BY "customers"."id" ASC FOR SHARE;
SELECT "accounts"."id", "accounts"."kind", "accounts"."owner_key", "accounts"."balance" FROM "accounts" WHERE "accounts"."owner_key" IN (:k1, :k2) ORDER BY "accounts"."id" ASC FOR UPDATE;
INSERT INTO "journals" ("amount", "created_at", "customer_id", "id", "idempotency_key", "kind", "operator_id", "operator_name", "partner_id", "reason", "transaction_no") VALUES (1, now(), :cid, 'jnl_pg_' || :client_id || '_' || :r, 'pg-' || :client_id || '-' || :r, 'ALLOCATE', :uid, 'bench', :pid, '', 'TPG' || :client_id || '_' || :r) RETURNING "id";
INSERT INTO "ledger_entries" ("account_id", "amount", "balance_after", "created_at", "id", "journal_id") VALUES (:a1, -1, 0, now(), 'ent_pga_' || :client_id || '_' || :r, 'jnl_pg_' || :client_id || '_' || :r), (:a2, 1, 0, now(), 'ent_pgb_' || :client_id || '_' || :r, 'jnl_pg_' || :client_id || '_' || :r) RETURNING "id";
UPDATE "accounts" SET "updated_at" = now(), "balance" = "balance" + CASE "id" WHEN :a1 THEN CAST(-1 AS BIGINT) WHEN :a2 THEN CAST(1 AS BIGINT) END WHERE "accounts"."id" IN (:a1, :a2);
INSERT INTO "audit_logs" ("created_at", "action", "outcome", "actor_id", "actor_name", "partner_id", "target_type", "target_id", "sensitive_field", "reason", "detail", "remote_addr", "request_id", "subject_hash", "id") VALUES (now(), 'ALLOCATE', 'ALLOWED', :uid, 'bench', :pid, 'Customer', :cid, '', '', 'ALLOCATE 0.01 TPG', '127.0.0.1', 'pgbench', '', 'aud_pg_' || :client_id || '_' || :r);
COMMIT;
