-- The member automation engine's tables on PostgreSQL, version 2: the records of sent messages.

-- Messages sent to members, for frequency caps. A send is recorded once per idempotency key for the
-- member and channel; the primary key makes a second record of it a no-op.
CREATE TABLE automation_message_ledger (
    organization_id VARCHAR(255) COLLATE "C" NOT NULL,
    member_id       VARCHAR(255) COLLATE "C" NOT NULL,
    channel         VARCHAR(16)  NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
    idempotency_key VARCHAR(512) COLLATE "C" NOT NULL,
    sent_at         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (organization_id, member_id, channel, idempotency_key)
);

-- The cap's count: one member's sends on one channel in a window.
CREATE INDEX automation_message_ledger_window
    ON automation_message_ledger (organization_id, member_id, channel, sent_at);

-- Every email send attempt, for the organization's records; a retried send is one row per attempt.
CREATE TABLE automation_email_sends (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id     VARCHAR(255) COLLATE "C" NOT NULL,
    member_id           VARCHAR(255) COLLATE "C" NOT NULL,
    template_id         VARCHAR(255) COLLATE "C" NOT NULL,
    address             VARCHAR(320) NOT NULL,
    status              VARCHAR(16)  NOT NULL CHECK (status IN ('sent', 'failed', 'skipped')),
    sent_at             TIMESTAMPTZ  NOT NULL,
    idempotency_key     VARCHAR(512) COLLATE "C" NOT NULL,
    provider_message_id VARCHAR(512)
);

CREATE INDEX automation_email_sends_member ON automation_email_sends (organization_id, member_id, id);
