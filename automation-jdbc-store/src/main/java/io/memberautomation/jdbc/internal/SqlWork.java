package io.memberautomation.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one connection, inside a transaction or a single read. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
