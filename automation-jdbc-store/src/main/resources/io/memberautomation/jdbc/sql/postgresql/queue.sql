-- The work queue (PostgreSQL). A row is free when lease_token is null, leased while lease_until is in the
-- future, and claimable again once it lapsed. available_at is on the engine's clock; lease_until on the
-- lease clock (the database's, see LeaseTimes), passed in as "lease now".

-- name: database_now
SELECT CURRENT_TIMESTAMP AS now;

-- name: enqueue
-- keeps the earlier availability; while a lease is held (or lapsed but not replaced), remembers the
-- earliest re-queue time so that completing the lease leaves the row queued from then
INSERT INTO automation_work_queue AS q (execution_id, organization_id, available_at) VALUES (?, ?, ?)
ON CONFLICT (execution_id) DO UPDATE
SET available_at = LEAST(q.available_at, EXCLUDED.available_at),
    requeued_at = CASE WHEN q.lease_token IS NULL THEN NULL
                       ELSE LEAST(COALESCE(q.requeued_at, EXCLUDED.available_at), EXCLUDED.available_at) END;

-- name: enqueue_arrays
-- enqueue for many executions in one statement, in the order given (execution, organization, available at),
-- each execution at most once
INSERT INTO automation_work_queue AS q (execution_id, organization_id, available_at)
SELECT v.execution_id, v.organization_id, CAST(v.available_at AS TIMESTAMPTZ)
FROM unnest(CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]))
     WITH ORDINALITY AS v(execution_id, organization_id, available_at, position)
ORDER BY v.position
ON CONFLICT (execution_id) DO UPDATE
SET available_at = LEAST(q.available_at, EXCLUDED.available_at),
    requeued_at = CASE WHEN q.lease_token IS NULL THEN NULL
                       ELSE LEAST(COALESCE(q.requeued_at, EXCLUDED.available_at), EXCLUDED.available_at) END;

-- name: claim_lock
-- locks and leases the first claimable rows in one statement, each under a new fencing token; the rows
-- come back in no particular order
-- params: now, lease now, limit, owner, lease until
WITH due AS (
    SELECT execution_id FROM automation_work_queue
    WHERE available_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
    ORDER BY available_at, execution_id
    LIMIT ?
    FOR UPDATE SKIP LOCKED)
UPDATE automation_work_queue q
SET lease_owner = ?, lease_token = nextval('automation_lease_tokens'), lease_until = ?, requeued_at = NULL
FROM due
WHERE q.execution_id = due.execution_id
RETURNING q.execution_id, q.available_at, q.lease_token;

-- name: extend
UPDATE automation_work_queue SET lease_until = ?
WHERE execution_id = ? AND lease_token = ? AND lease_owner = ?;

-- name: settle_delete
-- completes a held lease when nothing was enqueued meanwhile
DELETE FROM automation_work_queue
WHERE execution_id = ? AND lease_token = ? AND lease_owner = ? AND requeued_at IS NULL;

-- name: settle_delete_arrays
-- settle_delete for many leases in one statement: one array per column (QueueRows.LEASE_ARRAYS); returns
-- the rows it deleted
DELETE FROM automation_work_queue q
USING unnest(CAST(? AS TEXT[]), CAST(? AS BIGINT[]), CAST(? AS TEXT[])) AS v(execution_id, lease_token, lease_owner)
WHERE q.execution_id = v.execution_id COLLATE "C" AND q.lease_token = v.lease_token
  AND q.lease_owner = v.lease_owner AND q.requeued_at IS NULL
RETURNING q.execution_id;

-- name: settle_requeue
-- lets go of a held lease: the row waits for the earlier of the given time and work enqueued meanwhile
-- params: at, at, execution, token, owner
UPDATE automation_work_queue
SET available_at = CASE WHEN requeued_at IS NULL OR requeued_at > ? THEN ? ELSE requeued_at END,
    lease_owner = NULL, lease_token = NULL, lease_until = NULL, requeued_at = NULL
WHERE execution_id = ? AND lease_token = ? AND lease_owner = ?;

-- name: size
SELECT COUNT(*) FROM automation_work_queue;

-- name: any
-- 1 when anything is queued, else 0: stops at the first row, where size reads them all
SELECT CASE WHEN EXISTS (SELECT 1 FROM automation_work_queue) THEN 1 ELSE 0 END;
