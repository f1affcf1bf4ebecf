-- The member automation engine's tables on PostgreSQL, version 4: room on each page of the executions
-- table for the new version of its rows. Each statement may run again without harm.

-- A worker claims executions in batches, in the order they were enrolled, so it rewrites the rows of a
-- page within milliseconds of each other. A rewrite is heap-only (no new entry in the table's four
-- indexes) only when its new version fits on the same page, and the old versions cannot be pruned until
-- those commits end: half of each page is kept free so that every row on it can be rewritten once. Measured
-- at 8% more executions per second than with 70 (BENCHMARKS.md); the table takes about twice the space of
-- rows packed full. Applies to pages written from now on; VACUUM FULL rewrites older ones.
ALTER TABLE automation_executions SET (fillfactor = 50);
