package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.store.DefinitionStore;
import io.memberautomation.spi.store.StoredDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Definition versions in {@code automation_definitions}, the shared status and latest version in
 * {@code automation_definition_status}. The version's primary key refuses a second save of the same
 * version, which {@link SqlFailures} reports as a concurrent update.
 */
public final class JdbcDefinitionStore implements DefinitionStore {
    private final Database database;

    public JdbcDefinitionStore(Database database) {
        this.database = database;
    }

    @Override
    public void saveVersion(StoredDefinition definition) {
        database.transaction("saving version " + definition.version() + " of automation "
                + definition.automationId(), connection -> {
            try (PreparedStatement insert = database.prepare(connection, "definitions.insert_version")) {
                insert.setString(1, definition.organizationId());
                insert.setString(2, definition.automationId());
                insert.setInt(3, definition.version());
                insert.setString(4, definition.json());
                Jdbc.setInstant(insert, 5, definition.savedAt());
                insert.executeUpdate();
            }
            try (PreparedStatement status = database.prepare(connection, "definitions.upsert_status")) {
                status.setString(1, definition.organizationId());
                status.setString(2, definition.automationId());
                status.setString(3, definition.status());
                status.setInt(4, definition.version());
                Upserts.execute(status);
            }
            return null;
        });
    }

    @Override
    public boolean setStatus(String organizationId, String automationId, String status) {
        return database.transaction("setting the status of automation " + automationId, connection -> {
            try (PreparedStatement update = database.prepare(connection, "definitions.set_status")) {
                update.setString(1, status);
                update.setString(2, organizationId);
                update.setString(3, automationId);
                return update.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Optional<StoredDefinition> find(String organizationId, String automationId, int version) {
        return database.read("reading automation " + automationId, connection -> {
            try (PreparedStatement query = database.prepare(connection, "definitions.find_version")) {
                query.setString(1, organizationId);
                query.setString(2, automationId);
                query.setInt(3, version);
                return first(query);
            }
        });
    }

    @Override
    public Optional<StoredDefinition> latest(String organizationId, String automationId) {
        return database.read("reading automation " + automationId, connection -> {
            try (PreparedStatement query = database.prepare(connection, "definitions.find_latest")) {
                query.setString(1, organizationId);
                query.setString(2, automationId);
                return first(query);
            }
        });
    }

    @Override
    public List<StoredDefinition> latestOfAll() {
        return database.read("reading every automation", (Connection connection) -> {
            List<StoredDefinition> all = new ArrayList<>();
            try (PreparedStatement query = database.prepare(connection, "definitions.latest_of_all");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    all.add(definition(rows));
                }
            }
            return all;
        });
    }

    private static Optional<StoredDefinition> first(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            return rows.next() ? Optional.of(definition(rows)) : Optional.empty();
        }
    }

    private static StoredDefinition definition(ResultSet row) throws SQLException {
        return new StoredDefinition(Jdbc.string(row, "organization_id"), Jdbc.string(row, "automation_id"),
                row.getInt("version"), Jdbc.string(row, "status"), Jdbc.string(row, "document"),
                Jdbc.instant(row, "saved_at"));
    }
}
