package io.memberautomation.jdbc.internal;

import io.memberautomation.spi.AutomationException;
import io.memberautomation.spi.ConcurrentUpdateException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Applies the versioned schema scripts ({@code schema/<dialect>/V<n>__<description>.sql}) that a database
 * has not seen yet, recording each in {@code automation_schema_version}. A script and its record commit
 * together where the database has transactional DDL (PostgreSQL); two nodes starting at once serialize on
 * the version's primary key, and the later one finds the version applied.
 *
 * <p>Without auto-creation it only checks that the tables are there, so a host that runs the same
 * scripts with its own migration tool (they have Flyway's names) gets a clear error when it forgot to.
 */
public final class SchemaMigrator {
    /** Every schema version, in order; a new version adds its script and a line here. */
    private static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "automation_schema", Optional.of("automation_executions")),
            new Migration(2, "send_records", Optional.of("automation_email_sends")),
            new Migration(3, "lighter_writes", Optional.empty()),
            new Migration(4, "room_for_execution_updates", Optional.empty()),
            new Migration(5, "queues_keep_their_pages", Optional.empty()),
            new Migration(6, "inline_documents", Optional.empty()));
    private static final String VERSION_TABLE = "automation_schema_version";

    /**
     * @param probeTable a table the script creates: its presence shows the script was applied by some tool;
     *                   a script that creates no table may run again without harm, and simply runs
     */
    private record Migration(int version, String description, Optional<String> probeTable) {
        String resource(Dialect dialect) {
            return "/io/memberautomation/jdbc/schema/" + dialect.name() + "/V" + version + "__" + description + ".sql";
        }
    }

    private final Database database;

    public SchemaMigrator(Database database) {
        this.database = database;
    }

    /** Applies the scripts not yet applied; returns how many ran. */
    public int migrate() {
        database.transaction("creating " + VERSION_TABLE, connection -> {
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS " + VERSION_TABLE + " (version INTEGER PRIMARY KEY, "
                        + "description VARCHAR(255) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE "
                        + "DEFAULT CURRENT_TIMESTAMP NOT NULL)");
            }
            return null;
        });
        int applied = 0;
        for (Migration migration : MIGRATIONS) {
            try {
                if (apply(migration)) {
                    applied++;
                }
            } catch (ConcurrentUpdateException appliedByAnotherNode) {
                // another node recorded this version first, in the same transaction as its script
                continue;
            }
        }
        return applied;
    }

    /** @throws AutomationException naming the first script whose tables are missing */
    public void check() {
        for (Migration migration : MIGRATIONS) {
            if (migration.probeTable().isEmpty()) {
                continue;
            }
            String probe = migration.probeTable().get();
            boolean present = database.read("checking the automation schema", connection ->
                    tableExists(connection, probe));
            if (!present) {
                throw new AutomationException("the automation tables of schema version " + migration.version()
                        + " are missing from the database (no table " + probe + "): apply "
                        + migration.resource(database.dialect()).substring(1)
                        + " or build the persistence with autoCreateSchema(true)");
            }
        }
    }

    /**
     * Applies one script unless it is recorded. Tables that exist without any record were made by another
     * tool from the same scripts: that version is then recorded as applied, not run again.
     */
    private boolean apply(Migration migration) {
        String script = SqlStatements.read(migration.resource(database.dialect()));
        return database.transaction("applying schema version " + migration.version(), connection -> {
            if (recorded(connection, migration)) {
                return false;
            }
            boolean baseline = migration.probeTable().isPresent()
                    && tableExists(connection, migration.probeTable().get());
            try (PreparedStatement record = connection.prepareStatement(
                    "INSERT INTO " + VERSION_TABLE + " (version, description) VALUES (?, ?)")) {
                record.setInt(1, migration.version());
                record.setString(2, migration.description());
                record.executeUpdate();
            }
            if (baseline) {
                return false;
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : SqlScript.statements(script)) {
                    statement.execute(sql);
                }
            }
            return true;
        });
    }

    private static boolean recorded(Connection connection, Migration migration) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM " + VERSION_TABLE + " WHERE version = ?")) {
            select.setInt(1, migration.version());
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        String schema = connection.getSchema();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet tables = metadata.getTables(connection.getCatalog(), schema, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
