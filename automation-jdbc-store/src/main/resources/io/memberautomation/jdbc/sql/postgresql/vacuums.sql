-- The vacuums of the tables claims consume (PostgreSQL), run by ChurnVacuum every so many claimed rows
-- (JdbcPersistence.Builder.vacuumEvery). A claim walks its table's due index from the head, in due order. A row
-- a claim consumed (a queue row leased and then deleted, a timer moved to the queue, an outbox event marked
-- processed) leaves its index entry behind until a vacuum, right where every later claim starts, so each claim
-- walks past all of them: 48 buffers per claimed row in a drain that followed eight others, against 22 with the
-- queue vacuumed every second. Autovacuum visits a table at most once a minute (autovacuum_naptime), in which a
-- busy queue leaves hundreds of thousands of such entries. A vacuum skips the pages with no dead rows (the
-- visibility map), and the queue and timers are small (their rows are consumed), so one takes milliseconds.
-- SKIP_LOCKED: a table another node (or autovacuum) is vacuuming is skipped with a warning, not waited for.
-- INDEX_CLEANUP ON: the index entries are what this is for; by default a vacuum that finds dead rows on few
-- pages may leave the indexes alone.

-- name: queue
VACUUM (SKIP_LOCKED, INDEX_CLEANUP ON) automation_work_queue;

-- name: timers
VACUUM (SKIP_LOCKED, INDEX_CLEANUP ON) automation_timers;

-- name: outbox
VACUUM (SKIP_LOCKED, INDEX_CLEANUP ON) automation_outbox;
