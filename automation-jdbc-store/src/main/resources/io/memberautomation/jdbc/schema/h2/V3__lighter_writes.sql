-- The member automation engine's tables on H2, version 3: cheaper writes on the path every execution
-- takes. Each statement may run again without harm, so a database that already has it is fine.

-- Executions are found by id, organization, automation or member; with no index on status, a commit's
-- update of an execution maintains one index fewer. The reconciler walks the primary key instead.
DROP INDEX IF EXISTS automation_executions_by_status;
