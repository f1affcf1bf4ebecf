-- Durable timers (H2). next_at is when a timer is next due: its due time, or a claim's lease end
-- on the engine's clock; a claimed SCHEDULE timer is claimable again once that passed and its
-- lease_until (on the lease clock, see LeaseTimes) lapsed.
-- Moves and claims lock candidates one by one: see queue.sql.

-- name: schedule
MERGE INTO automation_timers t
USING (VALUES (CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(255)),
               CAST(? AS VARCHAR(255)), CAST(? AS TIMESTAMP(6) WITH TIME ZONE), CAST(? AS CHARACTER LARGE OBJECT),
               CAST(? AS TIMESTAMP(6) WITH TIME ZONE)))
    AS s (id, organization_id, kind, target_id, member_id, due_at, data, next_at)
ON t.id = s.id
WHEN MATCHED THEN UPDATE
SET organization_id = s.organization_id, kind = s.kind, target_id = s.target_id, member_id = s.member_id,
    due_at = s.due_at, data = s.data, lease_owner = NULL, lease_until = NULL, next_at = s.next_at
WHEN NOT MATCHED THEN INSERT (id, organization_id, kind, target_id, member_id, due_at, data, next_at)
    VALUES (s.id, s.organization_id, s.kind, s.target_id, s.member_id, s.due_at, s.data, s.next_at);

-- name: cancel
DELETE FROM automation_timers WHERE id = ?;

-- name: cancel_for_execution
DELETE FROM automation_timers WHERE kind = 'execution' AND target_id = ?;

-- name: move_candidates
-- params: now, after time (twice), after id, limit
SELECT id, organization_id, kind, target_id, member_id, due_at, data, next_at FROM automation_timers
WHERE kind = 'execution' AND next_at <= ? AND (next_at > ? OR next_at = ? AND id > ?)
ORDER BY next_at, id
FETCH FIRST ? ROWS ONLY;

-- name: move_lock_one
-- params: now, id
SELECT id, organization_id, kind, target_id, member_id, due_at, data, next_at FROM automation_timers
WHERE kind = 'execution' AND next_at <= ? AND id = ?
FOR UPDATE SKIP LOCKED;

-- name: claim_candidates
-- params: now, lease now, after time (twice), after id, limit
SELECT id, organization_id, kind, target_id, member_id, due_at, data, next_at FROM automation_timers
WHERE kind = 'schedule' AND next_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
  AND (next_at > ? OR next_at = ? AND id > ?)
ORDER BY next_at, id
FETCH FIRST ? ROWS ONLY;

-- name: claim_lock_one
-- params: now, lease now, id
SELECT id, organization_id, kind, target_id, member_id, due_at, data, next_at FROM automation_timers
WHERE kind = 'schedule' AND next_at <= ? AND (lease_until IS NULL OR lease_until <= ?) AND id = ?
FOR UPDATE SKIP LOCKED;

-- name: lease
UPDATE automation_timers SET lease_owner = ?, lease_until = ?, next_at = ? WHERE id = ?;

-- name: lock_by_id
SELECT id, organization_id, kind, target_id, member_id, due_at, data, next_at FROM automation_timers
WHERE id = ?
FOR UPDATE;

-- name: find
SELECT id, organization_id, kind, target_id, member_id, due_at, data, next_at FROM automation_timers WHERE id = ?;

-- name: next_due
-- one index probe per kind
SELECT MIN(next_at) AS next_at FROM (
    SELECT MIN(next_at) AS next_at FROM automation_timers WHERE kind = 'execution'
    UNION ALL
    SELECT MIN(next_at) AS next_at FROM automation_timers WHERE kind = 'schedule') due;
