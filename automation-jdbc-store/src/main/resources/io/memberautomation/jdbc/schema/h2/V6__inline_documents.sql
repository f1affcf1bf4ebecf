-- The member automation engine's tables on H2, version 6: the JSON documents and messages that every
-- execution, step log, timer, outbox event and member row carries become CHARACTER VARYING (up to H2's
-- 1,000,000,000 characters) instead of CHARACTER LARGE OBJECT. H2 keeps a CLOB of more than a few hundred
-- bytes apart from its row (in the LOB maps of a file database) and turns every string bound to such a
-- column into a LOB value first; a VARCHAR is stored in the row itself. The definitions' documents stay
-- LOBs: they are written once per version and read once per activation.
ALTER TABLE automation_executions ALTER COLUMN trigger SET DATA TYPE CHARACTER VARYING;
ALTER TABLE automation_executions ALTER COLUMN branches SET DATA TYPE CHARACTER VARYING;
ALTER TABLE automation_executions ALTER COLUMN step_outputs SET DATA TYPE CHARACTER VARYING;
ALTER TABLE automation_executions ALTER COLUMN error_message SET DATA TYPE CHARACTER VARYING;
ALTER TABLE automation_step_logs ALTER COLUMN detail SET DATA TYPE CHARACTER VARYING;
ALTER TABLE automation_step_logs ALTER COLUMN error_message SET DATA TYPE CHARACTER VARYING;
ALTER TABLE automation_timers ALTER COLUMN data SET DATA TYPE CHARACTER VARYING;
ALTER TABLE automation_outbox ALTER COLUMN payload SET DATA TYPE CHARACTER VARYING;
ALTER TABLE automation_members ALTER COLUMN fields SET DATA TYPE CHARACTER VARYING;
