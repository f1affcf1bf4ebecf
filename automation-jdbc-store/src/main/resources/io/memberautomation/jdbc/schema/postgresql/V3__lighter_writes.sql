-- The member automation engine's tables on PostgreSQL, version 3: cheaper writes on the path every
-- execution takes. Each statement may run again without harm, so a database that already has it is fine.

-- A step log is written in the transaction that updates its execution under a revision check, so the
-- reference is kept by the store; as a foreign key it cost a lookup and a row lock per logged step.
ALTER TABLE automation_step_logs DROP CONSTRAINT IF EXISTS automation_step_logs_execution_id_fkey;

-- With no index on status, a commit's update of an execution changes no indexed column and can be a
-- heap-only update: it writes no new entry into the table's other indexes. The reconciler, the one reader
-- that walked this index, walks the primary key instead.
DROP INDEX IF EXISTS automation_executions_by_status;

-- Room on each page for the new version of a row, which a heap-only update needs (applies to pages
-- written from now on).
ALTER TABLE automation_executions SET (fillfactor = 70);
