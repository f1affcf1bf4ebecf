package io.memberautomation.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.spi.AutomationException;
import io.memberautomation.spi.ConcurrentUpdateException;
import io.memberautomation.spi.InfrastructureException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SqlFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08006", "40001", "40P01", "55P03", "57014", "57P01", "53300", "HYT00", "90131"})
    void translate_whenTheFailureIsTransient_reportsInfrastructure(String state) {
        AutomationException translated = SqlFailures.translate("claiming", new SQLException("boom", state));

        assertThat(translated).isInstanceOf(InfrastructureException.class).hasMessageContaining("claiming");
    }

    @Test
    void translate_whenAUniqueKeyIsViolated_reportsAConcurrentUpdate() {
        AutomationException translated = SqlFailures.translate("saving", new SQLException("duplicate", "23505"));

        assertThat(translated).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(translated.getCause()).isInstanceOf(SQLException.class);
    }

    @Test
    void translate_whenABatchFailsWithoutStateOfItsOwn_readsTheChainedException() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", null, 0, new int[0], null);
        batch.setNextException(new SQLException("duplicate", "23505"));

        assertThat(SqlFailures.translate("logging", batch)).isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void translate_whenTheDriverSaysTransientByType_reportsInfrastructure() {
        assertThat(SqlFailures.translate("reading", new SQLTransientConnectionException("gone")))
                .isInstanceOf(InfrastructureException.class);
    }

    @Test
    void translate_whenTheStatementIsWrong_reportsAPlainFailure() {
        AutomationException translated = SqlFailures.translate("reading", new SQLException("syntax", "42601"));

        assertThat(translated).isNotInstanceOf(InfrastructureException.class)
                .isNotInstanceOf(ConcurrentUpdateException.class);
    }
}
