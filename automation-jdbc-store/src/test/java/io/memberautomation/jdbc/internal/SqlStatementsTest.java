package io.memberautomation.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.spi.AutomationException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SqlStatementsTest {
    private static final Pattern NAME = Pattern.compile("^-- name: (\\S+)", Pattern.MULTILINE);

    @Test
    void load_whenBothDialectsAreRead_theyDefineTheSameStatementsBesidesHowClaimsLockAndPlanAndRowsAreWritten() {
        Set<String> postgres = names(PostgresDialect.INSTANCE);
        Set<String> h2 = names(H2Dialect.INSTANCE);

        Set<String> postgresClaimPlans = new TreeSet<>(postgres);
        postgresClaimPlans.removeIf(name -> !name.startsWith("claims."));
        Set<String> postgresVacuums = new TreeSet<>(postgres);
        postgresVacuums.removeIf(name -> !name.startsWith("vacuums."));
        Set<String> postgresRest = new TreeSet<>(postgres);
        postgresRest.removeAll(postgresClaimPlans);
        postgresRest.removeAll(postgresVacuums);

        assertThat(without(postgresRest, "_lock", "_arrays"))
                .isEqualTo(without(h2, "_candidates", "_lock_one", "queue.next_tokens", "queue.grant"));
        assertThat(postgresClaimPlans).as("PostgreSQL sets its planner around a claim")
                .containsExactly("claims.begin", "claims.end");
        assertThat(h2).as("H2 has no planner settings").noneMatch(name -> name.startsWith("claims."));
        assertThat(postgresVacuums).as("PostgreSQL vacuums what claims consume")
                .containsExactly("vacuums.outbox", "vacuums.queue", "vacuums.timers");
        assertThat(h2).as("H2 needs no vacuum").noneMatch(name -> name.startsWith("vacuums."));
        assertThat(h2).as("H2 leases the rows it locked one by one").contains("queue.next_tokens", "queue.grant");
        assertThat(postgres).as("PostgreSQL writes rows as arrays").contains(
                "executions.insert_step_logs_arrays", "executions.update_executions_arrays");
        assertThat(h2).as("H2 writes rows in batches").noneMatch(name -> name.endsWith("_arrays"));
        for (String lock : postgres) {
            if (lock.endsWith("_lock")) {
                String base = lock.substring(0, lock.length() - "_lock".length());
                assertThat(h2).as("H2 claims of " + base).contains(base + "_candidates", base + "_lock_one");
            }
        }
    }

    @Test
    void get_returnsTheStatementWithoutCommentsOrSemicolon() {
        SqlStatements statements = SqlStatements.load(PostgresDialect.INSTANCE);

        assertThat(statements.get("queue.size")).isEqualTo("SELECT COUNT(*) FROM automation_work_queue");
    }

    @Test
    void get_whenTheStatementIsUnknown_namesItAndTheDialect() {
        SqlStatements statements = SqlStatements.load(H2Dialect.INSTANCE);

        assertThatThrownBy(() -> statements.get("queue.nothing")).isInstanceOf(AutomationException.class)
                .hasMessageContaining("queue.nothing").hasMessageContaining("H2");
    }

    private static Set<String> names(Dialect dialect) {
        Set<String> names = new TreeSet<>();
        for (String aggregate : SqlStatements.AGGREGATES) {
            Matcher matcher = NAME.matcher(SqlStatements.read(
                    "/io/memberautomation/jdbc/sql/" + dialect.name() + "/" + aggregate + ".sql"));
            while (matcher.find()) {
                names.add(aggregate + "." + matcher.group(1));
            }
        }
        SqlStatements loaded = SqlStatements.load(dialect);
        names.forEach(name -> assertThat(loaded.get(name)).isNotBlank());
        return names;
    }

    private static Set<String> without(Set<String> names, String... suffixes) {
        Set<String> kept = new TreeSet<>();
        for (String name : names) {
            boolean lock = false;
            for (String suffix : suffixes) {
                lock |= name.endsWith(suffix);
            }
            if (!lock) {
                kept.add(name);
            }
        }
        return kept;
    }
}
