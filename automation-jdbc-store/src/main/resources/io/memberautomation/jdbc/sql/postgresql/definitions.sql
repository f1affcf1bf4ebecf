-- Definition versions and the status an automation's versions share (PostgreSQL).

-- name: insert_version
INSERT INTO automation_definitions (organization_id, automation_id, version, document, saved_at)
VALUES (?, ?, ?, ?, ?);

-- name: upsert_status
-- params: organization, automation, status, version
INSERT INTO automation_definition_status AS s (organization_id, automation_id, status, latest_version)
VALUES (?, ?, ?, ?)
ON CONFLICT (organization_id, automation_id) DO UPDATE
SET status = EXCLUDED.status, latest_version = GREATEST(s.latest_version, EXCLUDED.latest_version);

-- name: set_status
UPDATE automation_definition_status SET status = ? WHERE organization_id = ? AND automation_id = ?;

-- name: find_version
SELECT d.organization_id, d.automation_id, d.version, s.status, d.document, d.saved_at
FROM automation_definitions d
JOIN automation_definition_status s ON s.organization_id = d.organization_id AND s.automation_id = d.automation_id
WHERE d.organization_id = ? AND d.automation_id = ? AND d.version = ?;

-- name: find_latest
SELECT d.organization_id, d.automation_id, d.version, s.status, d.document, d.saved_at
FROM automation_definition_status s
JOIN automation_definitions d
  ON d.organization_id = s.organization_id AND d.automation_id = s.automation_id AND d.version = s.latest_version
WHERE s.organization_id = ? AND s.automation_id = ?;

-- name: latest_of_all
SELECT d.organization_id, d.automation_id, d.version, s.status, d.document, d.saved_at
FROM automation_definition_status s
JOIN automation_definitions d
  ON d.organization_id = s.organization_id AND d.automation_id = s.automation_id AND d.version = s.latest_version
ORDER BY s.organization_id, s.automation_id;
