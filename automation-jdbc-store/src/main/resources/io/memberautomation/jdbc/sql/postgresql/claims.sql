-- The planner settings of a claim (PostgreSQL): queue.claim_lock, timers.move_lock, timers.claim_lock and
-- outbox.claim_lock each walk an index in claim order and stop at their limit. The planner weighs that
-- against a scan and sort of the whole table, using the table's statistics, and a queue's statistics are stale
-- by nature: it fills and empties between two analyses, and a burst (an audience-wide schedule fire) puts tens
-- of thousands of rows into a table last analysed nearly empty. The planner then sorts the whole table for
-- every claim of a few dozen rows: 20 to 30 ms each with 20,000 rows queued, where the index takes under one.
-- So a claim runs with scans and sorts priced out, and the settings are put back for the rest of its
-- transaction (enrollment after an outbox claim joins by key and is planned as usual).

-- name: begin
-- returns the settings as they were, for end
WITH before AS MATERIALIZED (
    SELECT current_setting('enable_seqscan') AS seqscan, current_setting('enable_sort') AS sort)
SELECT before.seqscan, before.sort, set_config('enable_seqscan', 'off', true), set_config('enable_sort', 'off', true)
FROM before;

-- name: end
-- params: seqscan, sort (as begin returned them)
SELECT set_config('enable_seqscan', ?, true), set_config('enable_sort', ?, true);
