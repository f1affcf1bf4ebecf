-- The transactional outbox (H2).

-- Claims lock candidates one by one: see queue.sql.

-- name: claim_candidates
-- params: after id, limit
SELECT id, organization_id, event_id, type, member_id, payload, occurred_at, created_at FROM automation_outbox
WHERE processed_at IS NULL AND id > ?
ORDER BY id
FETCH FIRST ? ROWS ONLY;

-- name: claim_lock_one
-- params: id
SELECT id, organization_id, event_id, type, member_id, payload, occurred_at, created_at FROM automation_outbox
WHERE processed_at IS NULL AND id = ?
FOR UPDATE SKIP LOCKED;

-- name: pending_up_to
-- unprocessed rows of members up to an id, whoever holds them: a member's row may be handed on only
-- when every earlier unprocessed row of that member is handed on with it
SELECT id, organization_id, member_id FROM automation_outbox
WHERE processed_at IS NULL AND id <= ? AND member_id IS NOT NULL
ORDER BY id;

-- name: mark_processed
UPDATE automation_outbox SET processed_at = CURRENT_TIMESTAMP WHERE id = ?;

-- name: insert
INSERT INTO automation_outbox (organization_id, event_id, type, member_id, payload, occurred_at)
VALUES (?, ?, ?, ?, ?, ?);

-- name: purge_processed
DELETE FROM automation_outbox WHERE processed_at < ?;
