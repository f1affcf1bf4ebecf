-- Durable timers (PostgreSQL). next_at is when a timer is next due: its due time, or a claim's lease end
-- on the engine's clock; a claimed SCHEDULE timer is claimable again once that passed and its
-- lease_until (on the lease clock, see LeaseTimes) lapsed.

-- name: schedule
INSERT INTO automation_timers AS t (id, organization_id, kind, target_id, member_id, due_at, data, next_at)
VALUES (?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?)
ON CONFLICT (id) DO UPDATE
SET organization_id = EXCLUDED.organization_id, kind = EXCLUDED.kind, target_id = EXCLUDED.target_id,
    member_id = EXCLUDED.member_id, due_at = EXCLUDED.due_at, data = EXCLUDED.data,
    lease_owner = NULL, lease_until = NULL, next_at = EXCLUDED.next_at;

-- name: cancel
DELETE FROM automation_timers WHERE id = ?;

-- name: cancel_for_execution
DELETE FROM automation_timers WHERE kind = 'execution' AND target_id = ?;

-- name: move_lock
-- params: now, limit
SELECT id, organization_id, kind, target_id, member_id, due_at, data, next_at FROM automation_timers
WHERE kind = 'execution' AND next_at <= ?
ORDER BY next_at, id
LIMIT ?
FOR UPDATE SKIP LOCKED;

-- name: claim_lock
-- params: now, lease now, limit
SELECT id, organization_id, kind, target_id, member_id, due_at, data, next_at FROM automation_timers
WHERE kind = 'schedule' AND next_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
ORDER BY next_at, id
LIMIT ?
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
