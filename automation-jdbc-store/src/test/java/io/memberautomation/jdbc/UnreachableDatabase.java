package io.memberautomation.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/** A data source that refuses every new connection while the test says the database is down. */
final class UnreachableDatabase {
    private final AtomicBoolean down = new AtomicBoolean();
    private final DataSource dataSource;

    UnreachableDatabase(DataSource real) {
        dataSource = (DataSource) Proxy.newProxyInstance(UnreachableDatabase.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (down.get() && method.getName().equals("getConnection")) {
                        throw new SQLTransientConnectionException("connection refused");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    DataSource dataSource() {
        return dataSource;
    }

    void down(boolean isDown) {
        down.set(isDown);
    }
}
