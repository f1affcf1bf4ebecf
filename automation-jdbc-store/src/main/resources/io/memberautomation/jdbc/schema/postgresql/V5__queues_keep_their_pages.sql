-- The member automation engine's tables on PostgreSQL, version 5: autovacuum no longer cuts the empty end
-- off the work queue and the timer table. Each statement may run again without harm.

-- Both tables empty out and fill up again all day (a drained queue, a burst of timers fired). When the last
-- pages are empty, autovacuum truncates them under an ACCESS EXCLUSIVE lock, and every claim, enqueue and
-- poll waits for it: the server log then shows "canceling autovacuum task ... while truncating relation
-- automation_work_queue to 0 blocks", written after a worker had waited a whole deadlock_timeout (a second
-- by default). The pages are needed again minutes later anyway; vacuum still frees the space inside them.
ALTER TABLE automation_work_queue SET (vacuum_truncate = false);
ALTER TABLE automation_timers SET (vacuum_truncate = false);
