package io.memberautomation.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.spi.AutomationException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import org.junit.jupiter.api.Test;

class DialectTest {

    @Test
    void of_whenTheDatabaseIsPostgresOrH2_picksItsDialect() throws Exception {
        assertThat(Dialect.of(connectionTo("PostgreSQL")).name()).isEqualTo("postgresql");
        assertThat(Dialect.of(connectionTo("H2")).name()).isEqualTo("h2");
    }

    @Test
    void of_whenTheDatabaseIsAnotherProduct_refusesNamingIt() {
        assertThatThrownBy(() -> Dialect.of(connectionTo("MySQL"))).isInstanceOf(AutomationException.class)
                .hasMessageContaining("\"MySQL\"").hasMessageContaining("PostgreSQL and H2");
    }

    private static Connection connectionTo(String product) {
        DatabaseMetaData metadata = (DatabaseMetaData) Proxy.newProxyInstance(DialectTest.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getDatabaseProductName")) {
                        return product;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (Connection) Proxy.newProxyInstance(DialectTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getMetaData")) {
                        return metadata;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
