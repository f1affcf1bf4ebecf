-- Executions, step logs, enrollment guards and processed event ids (H2).

-- name: insert_event
-- a duplicate key fails the statement only, which the store reads as "seen before"
INSERT INTO automation_processed_events (organization_id, event_id, received_at) VALUES (?, ?, ?);

-- name: purge_events
DELETE FROM automation_processed_events WHERE received_at < ?;

-- name: insert_guard
-- a duplicate key fails the statement only, which the store reads as "exists"
INSERT INTO automation_enrollments (organization_id, automation_id, member_id) VALUES (?, ?, ?);

-- name: lock_guard
SELECT last_enrolled_at FROM automation_enrollments
WHERE organization_id = ? AND automation_id = ? AND member_id = ?
FOR UPDATE;

-- name: update_guard
UPDATE automation_enrollments SET last_enrolled_at = ?
WHERE organization_id = ? AND automation_id = ? AND member_id = ?;

-- name: count_unfinished
SELECT COUNT(*) FROM automation_executions
WHERE organization_id = ? AND member_id = ? AND automation_id = ?
  AND status IN ('pending', 'running', 'waiting', 'paused');

-- name: insert_execution
INSERT INTO automation_executions (id, organization_id, automation_id, automation_version, member_id, status,
    outcome, trigger, branches, step_outputs, steps_run, log_count, causal_depth, user_paused, error_message,
    created_at, updated_at, completed_at, revision)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: update_execution
-- the revision check, and the identity a commit may not change
UPDATE automation_executions
SET automation_version = ?, status = ?, outcome = ?, trigger = ?, branches = ?,
    step_outputs = ?, steps_run = ?, log_count = ?, causal_depth = ?, user_paused = ?,
    error_message = ?, updated_at = ?, completed_at = ?, revision = ?
WHERE id = ? AND revision = ?
  AND organization_id = ? AND automation_id = ? AND member_id IS NOT DISTINCT FROM ? AND created_at = ?;

-- name: identity
SELECT organization_id, automation_id, member_id, created_at, revision FROM automation_executions WHERE id = ?;

-- name: find_all
-- param: an array of execution ids
SELECT id, organization_id, automation_id, automation_version, member_id, status, outcome, trigger, branches,
       step_outputs, steps_run, log_count, causal_depth, user_paused, error_message, created_at, updated_at,
       completed_at, revision
FROM automation_executions WHERE id = ANY(?);

-- name: insert_step_log
INSERT INTO automation_step_logs (execution_id, sequence, step_id, branch_id, attempt, status, started_at,
    completed_at, detail, error_message)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: find
SELECT id, organization_id, automation_id, automation_version, member_id, status, outcome, trigger, branches,
       step_outputs, steps_run, log_count, causal_depth, user_paused, error_message, created_at, updated_at,
       completed_at, revision
FROM automation_executions WHERE id = ?;

-- name: step_logs
SELECT execution_id, sequence, step_id, branch_id, attempt, status, started_at, completed_at, detail, error_message
FROM automation_step_logs WHERE execution_id = ? ORDER BY sequence;

-- name: find_unfinished
SELECT id, organization_id, automation_id, automation_version, member_id, status, outcome, trigger, branches,
       step_outputs, steps_run, log_count, causal_depth, user_paused, error_message, created_at, updated_at,
       completed_at, revision
FROM automation_executions
WHERE organization_id = ? AND member_id = ? AND status IN ('pending', 'running', 'waiting', 'paused')
ORDER BY created_at, id;

-- The four query shapes share their tail of parameters: created from, created before, the cursor's time
-- (twice) and id, seven statuses (the wanted ones, repeated to fill), the page size plus one.

-- name: query_organization
SELECT id, organization_id, automation_id, automation_version, member_id, status, outcome, trigger, branches,
       step_outputs, steps_run, log_count, causal_depth, user_paused, error_message, created_at, updated_at,
       completed_at, revision
FROM automation_executions
WHERE organization_id = ?
  AND created_at >= ? AND created_at < ? AND (created_at > ? OR created_at = ? AND id > ?)
  AND status IN (?, ?, ?, ?, ?, ?, ?)
ORDER BY created_at, id
FETCH FIRST ? ROWS ONLY;

-- name: query_automation
SELECT id, organization_id, automation_id, automation_version, member_id, status, outcome, trigger, branches,
       step_outputs, steps_run, log_count, causal_depth, user_paused, error_message, created_at, updated_at,
       completed_at, revision
FROM automation_executions
WHERE organization_id = ? AND automation_id = ?
  AND created_at >= ? AND created_at < ? AND (created_at > ? OR created_at = ? AND id > ?)
  AND status IN (?, ?, ?, ?, ?, ?, ?)
ORDER BY created_at, id
FETCH FIRST ? ROWS ONLY;

-- name: query_member
SELECT id, organization_id, automation_id, automation_version, member_id, status, outcome, trigger, branches,
       step_outputs, steps_run, log_count, causal_depth, user_paused, error_message, created_at, updated_at,
       completed_at, revision
FROM automation_executions
WHERE organization_id = ? AND member_id = ?
  AND created_at >= ? AND created_at < ? AND (created_at > ? OR created_at = ? AND id > ?)
  AND status IN (?, ?, ?, ?, ?, ?, ?)
ORDER BY created_at, id
FETCH FIRST ? ROWS ONLY;

-- name: query_member_automation
SELECT id, organization_id, automation_id, automation_version, member_id, status, outcome, trigger, branches,
       step_outputs, steps_run, log_count, causal_depth, user_paused, error_message, created_at, updated_at,
       completed_at, revision
FROM automation_executions
WHERE organization_id = ? AND member_id = ? AND automation_id = ?
  AND created_at >= ? AND created_at < ? AND (created_at > ? OR created_at = ? AND id > ?)
  AND status IN (?, ?, ?, ?, ?, ?, ?)
ORDER BY created_at, id
FETCH FIRST ? ROWS ONLY;

-- name: waiting_after
-- the reconciler's walk: waiting executions after an id, last changed by a given time, with no queue
-- entry (a queued one is awake already)
-- params: after id, changed by, limit
SELECT e.id, e.organization_id, e.branches, e.revision
FROM automation_executions e
WHERE e.status = 'waiting' AND e.id > ? AND e.updated_at <= ?
  AND NOT EXISTS (SELECT 1 FROM automation_work_queue q WHERE q.execution_id = e.id)
ORDER BY e.id
FETCH FIRST ? ROWS ONLY;

-- name: lock_waiting
SELECT id FROM automation_executions WHERE id = ? AND revision = ? AND status = 'waiting' FOR UPDATE;

-- name: timers_of
SELECT id FROM automation_timers WHERE target_id = ? AND kind = 'execution';
