-- Members (H2).

-- name: find
SELECT id, organization_id, fields FROM automation_members WHERE organization_id = ? AND id = ?;

-- name: find_all
-- params: an array of member ids, organization; a join, so that each id is looked up in the primary key
SELECT m.id, m.organization_id, m.fields
FROM UNNEST(?) AS wanted(id)
JOIN automation_members m ON m.organization_id = ? AND m.id = wanted.id;

-- name: lock
SELECT id, organization_id, fields FROM automation_members WHERE organization_id = ? AND id = ? FOR UPDATE;

-- name: insert
-- a duplicate key fails the statement only, which the directory reads as "exists"
INSERT INTO automation_members (organization_id, id, fields, updated_at)
VALUES (?, ?, ?, CURRENT_TIMESTAMP);

-- name: update
UPDATE automation_members SET fields = ?, updated_at = CURRENT_TIMESTAMP
WHERE organization_id = ? AND id = ?;

-- name: delete
DELETE FROM automation_members WHERE organization_id = ? AND id = ?;

-- name: page
-- params: organization, after id ('' for the first page), limit
SELECT id, organization_id, fields FROM automation_members
WHERE organization_id = ? AND id > ?
ORDER BY id
FETCH FIRST ? ROWS ONLY;
