package io.memberautomation.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.jdbc.H2Fixture;
import io.memberautomation.jdbc.JdbcPersistence;
import io.memberautomation.spi.AutomationException;
import io.memberautomation.spi.store.WorkLease;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** H2 removes index entries with their rows: the store never vacuums it, whatever it is told. */
class H2ChurnVacuumTest {
    @RegisterExtension
    final H2Fixture fixture = new H2Fixture();

    private static final Instant NOW = Instant.parse("2031-03-01T09:00:00Z");

    @Test
    void queueClaims_onH2WithAVacuumAfterEveryRow_claimEverythingWithoutVacuuming() {
        DataSource dataSource = fixture.newEmptyDataSource();
        JdbcPersistence persistence = JdbcPersistence.builder(dataSource).autoCreateSchema(true).vacuumEvery(1).build();
        for (int i = 0; i < 10; i++) {
            persistence.queue().enqueue("x-" + i, "org", NOW);
        }

        int claimed = 0;
        for (int i = 0; i < 5; i++) {
            List<WorkLease> batch = persistence.queue().claim("node-a", 2, NOW, Duration.ofMinutes(5));
            batch.forEach(persistence.queue()::complete);
            claimed += batch.size();
        }

        assertThat(claimed).isEqualTo(10);
        assertThat(persistence.queue().isEmpty()).isTrue();
        assertThatThrownBy(() -> Database.open(dataSource).sql("vacuums.queue"))
                .as("a vacuum attempted on H2 would have failed every claim after the first")
                .isInstanceOf(AutomationException.class);
    }
}
