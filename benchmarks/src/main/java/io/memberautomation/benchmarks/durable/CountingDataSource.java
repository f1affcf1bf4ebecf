package io.memberautomation.benchmarks.durable;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * A data source that counts, on the client side, what the store does with its connections: how many it borrows,
 * and how many explicit transactions it commits or rolls back. The store runs every write as an explicit
 * transaction and its plain reads in autocommit, so borrows less commits and rollbacks are its reads. Unlike the
 * server's counters these are the engine's alone, whoever else uses the server.
 */
final class CountingDataSource {
    private final LongAdder borrows = new LongAdder();
    private final LongAdder commits = new LongAdder();
    private final LongAdder rollbacks = new LongAdder();

    /** One reading. */
    record Counts(long borrows, long commits, long rollbacks) {
        Counts since(Counts before) {
            return new Counts(borrows - before.borrows, commits - before.commits, rollbacks - before.rollbacks);
        }
    }

    Counts read() {
        return new Counts(borrows.sum(), commits.sum(), rollbacks.sum());
    }

    DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (method.getName().equals("getConnection")) {
                        borrows.increment();
                        return connection((Connection) result);
                    }
                    return result;
                });
    }

    private Connection connection(Connection target) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            if (method.getName().equals("commit")) {
                commits.increment();
            } else if (method.getName().equals("rollback") && (args == null || args.length == 0)) {
                rollbacks.increment();
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
