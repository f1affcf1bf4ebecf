-- The message ledger and the email send log (PostgreSQL).

-- name: record_message
INSERT INTO automation_message_ledger (organization_id, member_id, channel, idempotency_key, sent_at)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING;

-- name: count_messages
-- params: organization, member, channel, from (inclusive), to (exclusive)
SELECT COUNT(*) FROM automation_message_ledger
WHERE organization_id = ? AND member_id = ? AND channel = ? AND sent_at >= ? AND sent_at < ?;

-- name: record_email
INSERT INTO automation_email_sends (organization_id, member_id, template_id, address, status, sent_at,
                                    idempotency_key, provider_message_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?);

-- name: emails_for_member
SELECT organization_id, member_id, template_id, address, status, sent_at, idempotency_key, provider_message_id
FROM automation_email_sends
WHERE organization_id = ? AND member_id = ?
ORDER BY id;
