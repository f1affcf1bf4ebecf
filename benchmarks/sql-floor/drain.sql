-- One pgbench transaction of the SQL floor: what a worker asks of PostgreSQL for one batch of 64 executions of
-- the 5-step workflow, in the store's own statement shapes (queue.claim_lock, executions.find_all,
-- executions.update_executions_arrays, executions.insert_step_logs_arrays, queue.settle_delete_arrays, and the
-- planner settings around the claim, claims.begin and claims.end), with the
-- rows a real drain writes (4 step logs per execution, the same JSON). The values are constants or come from
-- the claim, so nothing is parsed from client arrays: this is a ceiling for the engine, not a copy of it.
BEGIN;
SELECT CURRENT_TIMESTAMP AS now \gset
WITH before AS MATERIALIZED (
    SELECT current_setting('enable_seqscan') AS seqscan, current_setting('enable_sort') AS sort)
SELECT before.seqscan, before.sort, set_config('enable_seqscan', 'off', true) AS off1, set_config('enable_sort', 'off', true) AS off2
FROM before \gset
WITH due AS (
    SELECT execution_id FROM automation_work_queue
    WHERE available_at <= CURRENT_TIMESTAMP AND (lease_until IS NULL OR lease_until <= CURRENT_TIMESTAMP)
    ORDER BY available_at, execution_id LIMIT 64 FOR UPDATE SKIP LOCKED),
upd AS (
    UPDATE automation_work_queue q
    SET lease_owner = 'node-' || :client_id, lease_token = nextval('automation_lease_tokens'),
        lease_until = CURRENT_TIMESTAMP + interval '5 minutes', requeued_at = NULL
    FROM due WHERE q.execution_id = due.execution_id
    RETURNING q.execution_id, q.available_at, q.lease_token)
SELECT COALESCE(array_agg(execution_id), '{}') AS ids, COALESCE(array_agg(lease_token), '{}') AS toks FROM upd \gset
SELECT set_config('enable_seqscan', :seqscan, true), set_config('enable_sort', :sort, true);
COMMIT;
SELECT id, organization_id, automation_id, automation_version, member_id, status, outcome, trigger, branches,
       step_outputs, steps_run, log_count, causal_depth, user_paused, error_message, created_at, updated_at,
       completed_at, revision
FROM automation_executions WHERE id = ANY(CAST(:ids AS TEXT[]));
BEGIN;
UPDATE automation_executions e
SET automation_version = 1, status = 'completed', outcome = 'finished',
    trigger = CAST('{"id": "warmup-1-3", "type": "payment_succeeded", "amount": {"$int": 25}, "occurred_at": "2026-11-27T07:13:17.711769613Z"}' AS JSONB),
    branches = CAST('[]' AS JSONB), step_outputs = CAST('{"first": {}, "third": {}, "second": {}}' AS JSONB),
    steps_run = 4, log_count = 4, causal_depth = 0, user_paused = false, error_message = NULL,
    updated_at = CAST('2026-11-27T07:13:20.650962Z' AS TIMESTAMPTZ), completed_at = CAST('2026-11-27T07:13:20.650962Z' AS TIMESTAMPTZ),
    revision = e.revision + 1
FROM unnest(CAST(:ids AS TEXT[])) AS v(id)
WHERE e.id = v.id COLLATE "C" AND e.revision = 1;
INSERT INTO automation_step_logs (execution_id, sequence, step_id, branch_id, attempt, status, started_at,
    completed_at, detail, error_message)
SELECT v.id, s.seq, s.step_id, s.branch_id, 1, 'completed', CAST('2026-11-27T07:13:20.657314Z' AS TIMESTAMPTZ),
       CAST('2026-11-27T07:13:20.657314Z' AS TIMESTAMPTZ), CAST(s.detail AS JSONB), NULL
FROM unnest(CAST(:ids AS TEXT[])) AS v(id)
CROSS JOIN (VALUES (0, 'active', 'b0', '{"result": true, "explanation": {"negate": false, "result": true, "operator": "and", "conditions": [{"op": "eq", "seen": "\"active\"", "field": "member.status", "result": true, "expected": "\"active\""}]}}'),
                   (1, 'first', 'b0', '{"output": {}}'), (2, 'second', 'b1', '{"output": {}}'),
                   (3, 'third', 'b2', '{"output": {}}')) AS s(seq, step_id, branch_id, detail);
DELETE FROM automation_work_queue q
USING unnest(CAST(:ids AS TEXT[]), CAST(:toks AS BIGINT[])) AS v(execution_id, lease_token)
WHERE q.execution_id = v.execution_id COLLATE "C" AND q.lease_token = v.lease_token
  AND q.lease_owner = 'node-' || :client_id AND q.requeued_at IS NULL;
COMMIT;
