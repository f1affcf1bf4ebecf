package io.memberautomation.jdbc.internal;

/** PostgreSQL, the production target: JSONB columns, {@code ON CONFLICT} upserts, exact SKIP LOCKED claims. */
final class PostgresDialect implements Dialect {
    static final PostgresDialect INSTANCE = new PostgresDialect();

    private PostgresDialect() {}

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean locksOnlyReturnedRows() {
        return true;
    }

    @Override
    public boolean writesRowsAsArrays() {
        return true;
    }

    @Override
    public boolean keepsDeadIndexEntries() {
        return true;
    }

    @Override
    public boolean notifiesOutboxInserts() {
        return true;
    }

    @Override
    public String toString() {
        return "PostgreSQL";
    }
}
