-- The statements the server runs for one allocateBalance request, captured from PostgreSQL's log
-- (log_min_duration_statement = 0) and given like values, for pgbench -M prepared (the server
-- prepares these statements too: dbx.Prepared). Timestamps are now() here and bound values in the
-- server. Re-capture after changing the ledger's statements (last captured at commit 7f1f8f2).
-- No authentication statement: the server remembers a token's viewer for --auth-cache-ttl (2 s),
-- so a client sending request after request is authenticated from memory.
-- Round trips as the server makes them (dbx.Pipelined, dbx.CommitWith): BEGIN goes with the first
-- statement and COMMIT with the last, three round trips for five statements; pgbench pipelines
-- the same ones (\startpipeline ... \endpipeline), so both sides wait for PostgreSQL equally
-- often. (ALLOC_PGBENCH_SQL=file runs another script instead, e.g. this one without the pipelines.)
\set r random(1, 1000000000000000)
\startpipeline
BEGIN;
WITH "k" AS (INSERT INTO "idempotency_records" ("id", "created_at", "scope", "key", "operation", "request_hash", "expires_at") VALUES ('idm_pg_' || :client_id || '_' || :r, now(), 'partner:' || :pid, 'pg-' || :client_id || '-' || :r, 'allocate', md5(:r::text) || md5(:client_id::text), now() + interval '48 hours') ON CONFLICT ("scope", "key") DO NOTHING RETURNING "id") SELECT "partner_id", "association_type" FROM "customers" WHERE "id" = :cid AND "partner_id" IN (:pid) AND (SELECT count(*) FROM "k") > 0 FOR SHARE;
\endpipeline
WITH "j" AS (INSERT INTO "journals" ("id", "created_at", "kind", "transaction_no", "amount", "partner_id", "operator_id", "operator_name", "idempotency_key", "reason", "customer_id") VALUES ('jnl_pg_' || :client_id || '_' || :r, now(), 'ALLOCATE', 'TPG' || :client_id || '_' || :r, 1, :pid, :uid, 'bench', 'pg-' || :client_id || '-' || :r, '', :cid) RETURNING "id"), "a" AS (INSERT INTO "audit_logs" ("id", "created_at", "action", "outcome", "actor_id", "actor_name", "partner_id", "target_type", "target_id", "sensitive_field", "reason", "detail", "remote_addr", "request_id", "subject_hash") VALUES ('aud_pg_' || :client_id || '_' || :r, now(), 'ALLOCATE', 'ALLOWED', :uid, 'bench', :pid, 'Customer', :cid, '', '', 'ALLOCATE 0.01 TPG', '127.0.0.1', 'pgbench', '') RETURNING "id"), "o" AS (UPDATE "idempotency_records" SET "response" = '{"journalIds":["jnl_pg"]}' WHERE "id" = 'idm_pg_' || :client_id || '_' || :r RETURNING "id") SELECT "id", "kind", "owner_key", "balance" FROM "accounts" WHERE "owner_key" IN (:k1, :k2) AND (SELECT count(*) FROM "j") + (SELECT count(*) FROM "a") + (SELECT count(*) FROM "o") > 0 ORDER BY "id" FOR UPDATE;
\startpipeline
WITH "e" AS (INSERT INTO "ledger_entries" ("id", "created_at", "journal_id", "account_id", "amount", "balance_after") VALUES ('ent_pga_' || :client_id || '_' || :r, now(), 'jnl_pg_' || :client_id || '_' || :r, :a1, CAST(-1 AS BIGINT), CAST(0 AS BIGINT)), ('ent_pgb_' || :client_id || '_' || :r, now(), 'jnl_pg_' || :client_id || '_' || :r, :a2, CAST(1 AS BIGINT), CAST(0 AS BIGINT))) UPDATE "accounts" SET "updated_at" = now(), "balance" = "balance" + CASE "id" WHEN :a1 THEN CAST(-1 AS BIGINT) WHEN :a2 THEN CAST(1 AS BIGINT) END WHERE "id" IN (:a1, :a2);
COMMIT;
\endpipeline
