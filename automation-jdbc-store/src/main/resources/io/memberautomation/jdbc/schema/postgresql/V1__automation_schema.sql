-- The member automation engine's tables on PostgreSQL, version 1.
-- Applied by JdbcPersistence.builder(dataSource).autoCreateSchema(true), or by a migration tool: the
-- Flyway-style name lets Flyway run this directory as it is.
-- Identifiers use the "C" collation so that ordering by id is by code point, as in the engine's memory.
-- Timestamps have microsecond precision; JSON columns are JSONB, except a definition's document, kept
-- as TEXT so that it reads back exactly as the engine wrote it.

-- One row per saved version of an automation; versions never change once saved.
CREATE TABLE automation_definitions (
    organization_id VARCHAR(255) COLLATE "C" NOT NULL,
    automation_id   VARCHAR(255) COLLATE "C" NOT NULL,
    version         INTEGER      NOT NULL CHECK (version >= 1),
    document        TEXT         NOT NULL,
    saved_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (organization_id, automation_id, version)
);

-- The status an automation's versions share, and its latest version.
CREATE TABLE automation_definition_status (
    organization_id VARCHAR(255) COLLATE "C" NOT NULL,
    automation_id   VARCHAR(255) COLLATE "C" NOT NULL,
    status          VARCHAR(64)  NOT NULL,
    latest_version  INTEGER      NOT NULL,
    PRIMARY KEY (organization_id, automation_id)
);

CREATE TABLE automation_executions (
    id                 VARCHAR(255) COLLATE "C" PRIMARY KEY,
    organization_id    VARCHAR(255) COLLATE "C" NOT NULL,
    automation_id      VARCHAR(255) COLLATE "C" NOT NULL,
    automation_version INTEGER      NOT NULL,
    member_id          VARCHAR(255) COLLATE "C",
    status             VARCHAR(16)  NOT NULL
        CHECK (status IN ('pending', 'running', 'waiting', 'paused', 'completed', 'failed', 'cancelled')),
    outcome            VARCHAR(16)  CHECK (outcome IN ('finished', 'exited')),
    trigger            JSONB        NOT NULL,
    branches           JSONB        NOT NULL,
    step_outputs       JSONB        NOT NULL,
    steps_run          INTEGER      NOT NULL,
    log_count          INTEGER      NOT NULL,
    causal_depth       INTEGER      NOT NULL,
    user_paused        BOOLEAN      NOT NULL,
    error_message      TEXT,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    completed_at       TIMESTAMPTZ,
    revision           BIGINT       NOT NULL
);
-- queries are in creation order within an organization, optionally of one automation or one member
CREATE INDEX automation_executions_by_organization ON automation_executions (organization_id, created_at, id);
CREATE INDEX automation_executions_by_automation ON automation_executions (organization_id, automation_id, created_at, id);
CREATE INDEX automation_executions_by_member ON automation_executions (organization_id, member_id, created_at, id);
-- the reconciler walks waiting executions by id
CREATE INDEX automation_executions_by_status ON automation_executions (status, id);

CREATE TABLE automation_step_logs (
    execution_id  VARCHAR(255) COLLATE "C" NOT NULL REFERENCES automation_executions (id) ON DELETE CASCADE,
    sequence      INTEGER      NOT NULL CHECK (sequence >= 0),
    step_id       VARCHAR(255) NOT NULL,
    branch_id     VARCHAR(255) NOT NULL,
    attempt       INTEGER      NOT NULL,
    status        VARCHAR(16)  NOT NULL
        CHECK (status IN ('completed', 'failed', 'skipped', 'waiting', 'retry_scheduled', 'cancelled')),
    started_at    TIMESTAMPTZ  NOT NULL,
    completed_at  TIMESTAMPTZ  NOT NULL,
    detail        JSONB        NOT NULL,
    error_message TEXT,
    -- a result is recorded at most once: the primary key refuses a second entry
    PRIMARY KEY (execution_id, sequence)
);

-- Executions with work to do. A row is leased while lease_token is set; the lease lapses at lease_until
-- and the row is then claimable again, yet its holder may still commit until another claim replaces the
-- token. requeued_at remembers work enqueued while leased, so completing the lease keeps the row for it.
CREATE TABLE automation_work_queue (
    execution_id    VARCHAR(255) COLLATE "C" PRIMARY KEY,
    organization_id VARCHAR(255) COLLATE "C" NOT NULL,
    available_at    TIMESTAMPTZ  NOT NULL,
    lease_owner     VARCHAR(255),
    lease_token     BIGINT,
    lease_until     TIMESTAMPTZ,
    requeued_at     TIMESTAMPTZ,
    CHECK ((lease_token IS NULL) = (lease_owner IS NULL) AND (lease_token IS NULL) = (lease_until IS NULL))
);
CREATE INDEX automation_work_queue_due ON automation_work_queue (available_at, execution_id);
-- fencing tokens: every claim takes a new one, so a node whose lease was taken over cannot commit
CREATE SEQUENCE automation_lease_tokens;

-- Durable timers: delays and retry backoffs of executions, fire times of scheduled automations.
-- next_at is when the timer is next due to be moved or claimed: its due time, or a claim's lease end.
CREATE TABLE automation_timers (
    id              VARCHAR(512) COLLATE "C" PRIMARY KEY,
    organization_id VARCHAR(255) COLLATE "C" NOT NULL,
    kind            VARCHAR(16)  NOT NULL CHECK (kind IN ('execution', 'schedule')),
    target_id       VARCHAR(255) COLLATE "C" NOT NULL,
    member_id       VARCHAR(255) COLLATE "C",
    due_at          TIMESTAMPTZ  NOT NULL,
    data            JSONB        NOT NULL,
    lease_owner     VARCHAR(255),
    lease_until     TIMESTAMPTZ,
    next_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX automation_timers_due ON automation_timers (kind, next_at, id);
CREATE INDEX automation_timers_by_target ON automation_timers (target_id);

-- Enrollment guards: when a member last enrolled in an automation. Locked while a new enrollment of the
-- same member and automation is decided, so two nodes cannot both admit where only one may.
CREATE TABLE automation_enrollments (
    organization_id  VARCHAR(255) COLLATE "C" NOT NULL,
    automation_id    VARCHAR(255) COLLATE "C" NOT NULL,
    member_id        VARCHAR(255) COLLATE "C" NOT NULL,
    last_enrolled_at TIMESTAMPTZ,
    PRIMARY KEY (organization_id, automation_id, member_id)
);

-- Ids of the trigger events already enrolled, per organization.
CREATE TABLE automation_processed_events (
    organization_id VARCHAR(255) COLLATE "C" NOT NULL,
    event_id        VARCHAR(255) COLLATE "C" NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (organization_id, event_id)
);
CREATE INDEX automation_processed_events_received ON automation_processed_events (received_at);

-- The transactional outbox: a host inserts events here in its own transaction; OutboxDrainer hands them
-- to the engine in id order and marks them processed.
CREATE TABLE automation_outbox (
    id              BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    organization_id VARCHAR(255) COLLATE "C" NOT NULL,
    event_id        VARCHAR(255) NOT NULL,
    type            VARCHAR(255) NOT NULL,
    member_id       VARCHAR(255) COLLATE "C",
    payload         JSONB        NOT NULL DEFAULT '{}',
    occurred_at     TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    processed_at    TIMESTAMPTZ
);
CREATE INDEX automation_outbox_unprocessed ON automation_outbox (id) WHERE processed_at IS NULL;

-- An insert wakes the drainers that LISTEN on the channel; they poll as well, so a lost notification
-- only delays an event by one poll interval.
CREATE FUNCTION automation_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('automation_outbox', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER automation_outbox_inserted AFTER INSERT ON automation_outbox
    FOR EACH STATEMENT EXECUTE FUNCTION automation_outbox_notify();

-- Members, for hosts that let the engine keep them (JdbcMemberDirectory): the fields are one JSON object,
-- tags and segments included as string arrays.
CREATE TABLE automation_members (
    organization_id VARCHAR(255) COLLATE "C" NOT NULL,
    id              VARCHAR(255) COLLATE "C" NOT NULL,
    fields          JSONB        NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (organization_id, id)
);
