-- Members (PostgreSQL).

-- name: find
SELECT id, organization_id, fields FROM automation_members WHERE organization_id = ? AND id = ?;

-- name: find_all
-- params: organization, an array of member ids
SELECT id, organization_id, fields FROM automation_members WHERE organization_id = ? AND id = ANY(?);

-- name: lock
SELECT id, organization_id, fields FROM automation_members WHERE organization_id = ? AND id = ? FOR UPDATE;

-- name: insert
-- inserts nothing when the member exists (the caller then locks and updates it)
INSERT INTO automation_members (organization_id, id, fields, updated_at)
VALUES (?, ?, CAST(? AS JSONB), CURRENT_TIMESTAMP)
ON CONFLICT DO NOTHING;

-- name: update
UPDATE automation_members SET fields = CAST(? AS JSONB), updated_at = CURRENT_TIMESTAMP
WHERE organization_id = ? AND id = ?;

-- name: delete
DELETE FROM automation_members WHERE organization_id = ? AND id = ?;

-- name: page
-- params: organization, after id ('' for the first page), limit
SELECT id, organization_id, fields FROM automation_members
WHERE organization_id = ? AND id > ?
ORDER BY id
LIMIT ?;
