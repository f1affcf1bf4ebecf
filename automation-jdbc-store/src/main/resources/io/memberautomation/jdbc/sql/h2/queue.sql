-- The work queue (H2). A row is free when lease_token is null, leased while lease_until is in the
-- future, and claimable again once it lapsed. available_at is on the engine's clock; lease_until on the
-- lease clock (the database's, see LeaseTimes), passed in as "lease now".

-- name: database_now
SELECT CURRENT_TIMESTAMP AS now;

-- name: enqueue
-- keeps the earlier availability; while a lease is held (or lapsed but not replaced), remembers the
-- earliest re-queue time so that completing the lease leaves the row queued from then
MERGE INTO automation_work_queue q
USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(255)), CAST(? AS TIMESTAMP(6) WITH TIME ZONE)))
    AS s (execution_id, organization_id, available_at)
ON q.execution_id = s.execution_id
WHEN MATCHED THEN UPDATE
SET available_at = LEAST(q.available_at, s.available_at),
    requeued_at = CASE WHEN q.lease_token IS NULL THEN NULL
                       ELSE LEAST(COALESCE(q.requeued_at, s.available_at), s.available_at) END
WHEN NOT MATCHED THEN INSERT (execution_id, organization_id, available_at)
    VALUES (s.execution_id, s.organization_id, s.available_at);

-- H2 locks every row a FOR UPDATE query matches, limit or not: claims read candidates without a lock,
-- then lock them one by one, skipping rows other transactions hold.

-- name: claim_candidates
-- params: now, lease now, after time (twice), after id, limit
SELECT execution_id, available_at FROM automation_work_queue
WHERE available_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
  AND (available_at > ? OR available_at = ? AND execution_id > ?)
ORDER BY available_at, execution_id
FETCH FIRST ? ROWS ONLY;

-- name: claim_lock_one
-- params: now, lease now, execution
SELECT execution_id, available_at FROM automation_work_queue
WHERE available_at <= ? AND (lease_until IS NULL OR lease_until <= ?) AND execution_id = ?
FOR UPDATE SKIP LOCKED;

-- name: next_tokens
SELECT NEXT VALUE FOR automation_lease_tokens FROM SYSTEM_RANGE(1, ?);

-- name: grant
UPDATE automation_work_queue SET lease_owner = ?, lease_token = ?, lease_until = ?, requeued_at = NULL
WHERE execution_id = ?;

-- name: extend
UPDATE automation_work_queue SET lease_until = ?
WHERE execution_id = ? AND lease_token = ? AND lease_owner = ?;

-- name: settle_delete
-- completes a held lease when nothing was enqueued meanwhile
DELETE FROM automation_work_queue
WHERE execution_id = ? AND lease_token = ? AND lease_owner = ? AND requeued_at IS NULL;

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
