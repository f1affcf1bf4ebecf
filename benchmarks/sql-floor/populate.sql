-- Enrolls :n pending executions of the 5-step workflow and queues them, as the engine's enrollment leaves them
-- (run with psql -v n=20000, search_path set to the floor's schema).
INSERT INTO automation_executions (id, organization_id, automation_id, automation_version, member_id, status,
    outcome, trigger, branches, step_outputs, steps_run, log_count, causal_depth, user_paused, error_message,
    created_at, updated_at, completed_at, revision)
SELECT gen_random_uuid()::text, 'bench', 'five-steps', 1, 'm-' || (g % 10000), 'pending', NULL,
       '{"id": "warmup-1-3", "type": "payment_succeeded", "amount": {"$int": 25}, "occurred_at": "2026-11-27T07:13:17.711769613Z"}',
       '[]', '{}', 0, 0, 0, false, NULL, now(), now(), NULL, 1
FROM generate_series(1, :n) g;
INSERT INTO automation_work_queue (execution_id, organization_id, available_at)
SELECT id, organization_id, created_at FROM automation_executions WHERE status = 'pending';
