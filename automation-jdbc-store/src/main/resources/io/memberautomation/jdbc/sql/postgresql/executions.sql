-- Executions, step logs, enrollment guards and processed event ids (PostgreSQL).

-- name: insert_event
INSERT INTO automation_processed_events (organization_id, event_id, received_at) VALUES (?, ?, ?)
ON CONFLICT DO NOTHING;

-- name: insert_events_arrays
-- insert_event for many events in one statement, in the order given (columns: organization, event id,
-- received at); returns the events it recorded, which are the new ones
INSERT INTO automation_processed_events (organization_id, event_id, received_at)
SELECT v.organization_id, v.event_id, CAST(v.received_at AS TIMESTAMPTZ)
FROM unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]))
     WITH ORDINALITY AS v(organization_id, event_id, received_at, position)
ORDER BY v.position
ON CONFLICT DO NOTHING
RETURNING organization_id, event_id;

-- name: purge_events
DELETE FROM automation_processed_events WHERE received_at < ?;

-- name: insert_guard
INSERT INTO automation_enrollments (organization_id, automation_id, member_id) VALUES (?, ?, ?)
ON CONFLICT DO NOTHING;

-- name: lock_guard
SELECT last_enrolled_at FROM automation_enrollments
WHERE organization_id = ? AND automation_id = ? AND member_id = ?
FOR UPDATE;

-- name: update_guard
UPDATE automation_enrollments SET last_enrolled_at = ?
WHERE organization_id = ? AND automation_id = ? AND member_id = ?;

-- name: insert_guards_arrays
-- insert_guard for many guards in one statement, in the order given (organization, automation, member)
INSERT INTO automation_enrollments (organization_id, automation_id, member_id)
SELECT v.organization_id, v.automation_id, v.member_id
FROM unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]))
     WITH ORDINALITY AS v(organization_id, automation_id, member_id, position)
ORDER BY v.position
ON CONFLICT DO NOTHING;

-- name: lock_guards_arrays
-- lock_guard for many guards in one statement; rows are locked in key order, as they are sorted
SELECT g.organization_id, g.automation_id, g.member_id, g.last_enrolled_at
FROM automation_enrollments g
JOIN unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[])) AS v(organization_id, automation_id, member_id)
  ON g.organization_id = v.organization_id COLLATE "C" AND g.automation_id = v.automation_id COLLATE "C"
 AND g.member_id = v.member_id COLLATE "C"
ORDER BY g.organization_id, g.automation_id, g.member_id
FOR UPDATE OF g;

-- name: update_guards_arrays
-- update_guard for many guards in one statement (organization, automation, member, last enrolled at)
UPDATE automation_enrollments g SET last_enrolled_at = CAST(v.last_enrolled_at AS TIMESTAMPTZ)
FROM unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]))
     AS v(organization_id, automation_id, member_id, last_enrolled_at)
WHERE g.organization_id = v.organization_id COLLATE "C" AND g.automation_id = v.automation_id COLLATE "C"
  AND g.member_id = v.member_id COLLATE "C";

-- name: count_unfinished
SELECT COUNT(*) FROM automation_executions
WHERE organization_id = ? AND member_id = ? AND automation_id = ?
  AND status IN ('pending', 'running', 'waiting', 'paused');

-- name: insert_execution
INSERT INTO automation_executions (id, organization_id, automation_id, automation_version, member_id, status,
    outcome, trigger, branches, step_outputs, steps_run, log_count, causal_depth, user_paused, error_message,
    created_at, updated_at, completed_at, revision)
VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB), CAST(? AS JSONB), CAST(? AS JSONB), ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: insert_executions_arrays
-- insert_execution for many executions in one statement: one array per column (ExecutionRows.INSERT_ARRAYS)
INSERT INTO automation_executions (id, organization_id, automation_id, automation_version, member_id, status,
    outcome, trigger, branches, step_outputs, steps_run, log_count, causal_depth, user_paused, error_message,
    created_at, updated_at, completed_at, revision)
SELECT v.id, v.organization_id, v.automation_id, v.automation_version, v.member_id, v.status, v.outcome,
       CAST(v.trigger AS JSONB), CAST(v.branches AS JSONB), CAST(v.step_outputs AS JSONB), v.steps_run,
       v.log_count, v.causal_depth, v.user_paused, v.error_message, CAST(v.created_at AS TIMESTAMPTZ),
       CAST(v.updated_at AS TIMESTAMPTZ), CAST(v.completed_at AS TIMESTAMPTZ), v.revision
FROM unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS INTEGER[]), CAST(? AS TEXT[]),
            CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]),
            CAST(? AS INTEGER[]), CAST(? AS INTEGER[]), CAST(? AS INTEGER[]), CAST(? AS BOOLEAN[]),
            CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS BIGINT[]))
     AS v(id, organization_id, automation_id, automation_version, member_id, status, outcome, trigger, branches,
          step_outputs, steps_run, log_count, causal_depth, user_paused, error_message, created_at, updated_at,
          completed_at, revision);

-- name: update_execution
-- the revision check, and the identity a commit may not change
UPDATE automation_executions
SET automation_version = ?, status = ?, outcome = ?, trigger = CAST(? AS JSONB), branches = CAST(? AS JSONB),
    step_outputs = CAST(? AS JSONB), steps_run = ?, log_count = ?, causal_depth = ?, user_paused = ?,
    error_message = ?, updated_at = ?, completed_at = ?, revision = ?
WHERE id = ? AND revision = ?
  AND organization_id = ? AND automation_id = ? AND member_id IS NOT DISTINCT FROM ? AND created_at = ?;

-- name: update_executions_arrays
-- update_execution for many commits in one statement: one array per column (ExecutionRows.UPDATE_ARRAYS),
-- one element per commit, each execution at most once; the update count says whether every commit matched
UPDATE automation_executions e
SET automation_version = v.automation_version, status = v.status, outcome = v.outcome,
    trigger = CAST(v.trigger AS JSONB), branches = CAST(v.branches AS JSONB),
    step_outputs = CAST(v.step_outputs AS JSONB), steps_run = v.steps_run, log_count = v.log_count,
    causal_depth = v.causal_depth, user_paused = v.user_paused, error_message = v.error_message,
    updated_at = CAST(v.updated_at AS TIMESTAMPTZ), completed_at = CAST(v.completed_at AS TIMESTAMPTZ),
    revision = v.revision
FROM unnest(CAST(? AS TEXT[]), CAST(? AS BIGINT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]),
            CAST(? AS TEXT[]), CAST(? AS INTEGER[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]),
            CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS INTEGER[]), CAST(? AS INTEGER[]), CAST(? AS INTEGER[]),
            CAST(? AS BOOLEAN[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS BIGINT[]))
     AS v(id, expected_revision, organization_id, automation_id, member_id, created_at, automation_version,
          status, outcome, trigger, branches, step_outputs, steps_run, log_count, causal_depth, user_paused,
          error_message, updated_at, completed_at, revision)
WHERE e.id = v.id COLLATE "C" AND e.revision = v.expected_revision
  AND e.organization_id = v.organization_id COLLATE "C" AND e.automation_id = v.automation_id COLLATE "C"
  AND e.member_id IS NOT DISTINCT FROM v.member_id COLLATE "C" AND e.created_at = CAST(v.created_at AS TIMESTAMPTZ);

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
VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?);

-- name: insert_step_logs_arrays
-- insert_step_log for many entries in one statement: one array per column (ExecutionRows.STEP_LOG_ARRAYS)
INSERT INTO automation_step_logs (execution_id, sequence, step_id, branch_id, attempt, status, started_at,
    completed_at, detail, error_message)
SELECT v.execution_id, v.sequence, v.step_id, v.branch_id, v.attempt, v.status,
       CAST(v.started_at AS TIMESTAMPTZ), CAST(v.completed_at AS TIMESTAMPTZ), CAST(v.detail AS JSONB),
       v.error_message
FROM unnest(CAST(? AS TEXT[]), CAST(? AS INTEGER[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS INTEGER[]),
            CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]))
     AS v(execution_id, sequence, step_id, branch_id, attempt, status, started_at, completed_at, detail,
          error_message);

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
LIMIT ?;

-- name: query_automation
SELECT id, organization_id, automation_id, automation_version, member_id, status, outcome, trigger, branches,
       step_outputs, steps_run, log_count, causal_depth, user_paused, error_message, created_at, updated_at,
       completed_at, revision
FROM automation_executions
WHERE organization_id = ? AND automation_id = ?
  AND created_at >= ? AND created_at < ? AND (created_at > ? OR created_at = ? AND id > ?)
  AND status IN (?, ?, ?, ?, ?, ?, ?)
ORDER BY created_at, id
LIMIT ?;

-- name: query_member
SELECT id, organization_id, automation_id, automation_version, member_id, status, outcome, trigger, branches,
       step_outputs, steps_run, log_count, causal_depth, user_paused, error_message, created_at, updated_at,
       completed_at, revision
FROM automation_executions
WHERE organization_id = ? AND member_id = ?
  AND created_at >= ? AND created_at < ? AND (created_at > ? OR created_at = ? AND id > ?)
  AND status IN (?, ?, ?, ?, ?, ?, ?)
ORDER BY created_at, id
LIMIT ?;

-- name: query_member_automation
SELECT id, organization_id, automation_id, automation_version, member_id, status, outcome, trigger, branches,
       step_outputs, steps_run, log_count, causal_depth, user_paused, error_message, created_at, updated_at,
       completed_at, revision
FROM automation_executions
WHERE organization_id = ? AND member_id = ? AND automation_id = ?
  AND created_at >= ? AND created_at < ? AND (created_at > ? OR created_at = ? AND id > ?)
  AND status IN (?, ?, ?, ?, ?, ?, ?)
ORDER BY created_at, id
LIMIT ?;

-- name: waiting_after
-- the reconciler's walk: waiting executions after an id, last changed by a given time, with no queue
-- entry (a queued one is awake already)
-- params: after id, changed by, limit
SELECT e.id, e.organization_id, e.branches, e.revision
FROM automation_executions e
WHERE e.status = 'waiting' AND e.id > ? AND e.updated_at <= ?
  AND NOT EXISTS (SELECT 1 FROM automation_work_queue q WHERE q.execution_id = e.id)
ORDER BY e.id
LIMIT ?;

-- name: lock_waiting
SELECT id FROM automation_executions WHERE id = ? AND revision = ? AND status = 'waiting' FOR UPDATE;

-- name: timers_of
SELECT id FROM automation_timers WHERE target_id = ? AND kind = 'execution';
