package io.memberautomation.jdbc.internal;

/**
 * H2 2.x, the embedded default: JSON kept as character large objects, {@code MERGE} upserts, and claims
 * that lock candidates one by one (see {@link Dialect#locksOnlyReturnedRows()}).
 */
final class H2Dialect implements Dialect {
    static final H2Dialect INSTANCE = new H2Dialect();

    private H2Dialect() {}

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public boolean locksOnlyReturnedRows() {
        return false;
    }

    @Override
    public boolean writesRowsAsArrays() {
        return false;
    }

    @Override
    public boolean keepsDeadIndexEntries() {
        return false;
    }

    @Override
    public boolean notifiesOutboxInserts() {
        return false;
    }

    @Override
    public String toString() {
        return "H2";
    }
}
