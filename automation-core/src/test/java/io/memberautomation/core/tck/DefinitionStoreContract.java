package io.memberautomation.core.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.spi.ConcurrentUpdateException;
import io.memberautomation.spi.store.DefinitionStore;
import io.memberautomation.spi.store.Persistence;
import io.memberautomation.spi.store.StoredDefinition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DefinitionStore}: versions are immutable and unique, the status belongs to the
 * automation, every call is scoped to its organization.
 *
 * <p>To run it against your store: depend on {@code io.memberautomation:automation-core} with
 * {@code <type>test-jar</type>} and test scope (plus junit-jupiter and assertj-core), extend this class in
 * a test named {@code *Test}, and implement {@link #newPersistence()} to return an empty persistence.
 * The tests use fixed instants from {@link #now()}, never the system clock, and never sleep.
 */
public abstract class DefinitionStoreContract {
    private static final String ORG = "org-a";
    private static final String OTHER_ORG = "org-b";

    private DefinitionStore store;

    /** A new persistence holding nothing; called before every test. */
    protected abstract Persistence newPersistence();

    /** The base time of every test. */
    protected Instant now() {
        return Instant.parse("2030-01-01T09:00:00Z");
    }

    @BeforeEach
    void setUpStore() {
        store = newPersistence().definitions();
    }

    @Test
    void saveVersion_whenNew_canBeFoundByVersion() {
        StoredDefinition v1 = definition(ORG, "welcome", 1, "draft");

        store.saveVersion(v1);

        assertThat(store.find(ORG, "welcome", 1)).contains(v1);
        assertThat(store.find(ORG, "welcome", 2)).isEmpty();
    }

    @Test
    void saveVersion_whenVersionExists_throwsConcurrentUpdateAndKeepsTheFirst() {
        StoredDefinition first = definition(ORG, "welcome", 1, "draft");
        store.saveVersion(first);

        assertThatThrownBy(() -> store.saveVersion(new StoredDefinition(ORG, "welcome", 1, "draft", "{\"other\":1}",
                now().plusSeconds(5)))).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(store.find(ORG, "welcome", 1)).contains(first);
    }

    @Test
    void saveVersion_whenEightThreadsSaveTheSameVersion_exactlyOneWins() throws Exception {
        List<Race.Result<String>> results = Race.run(8, i -> {
            store.saveVersion(new StoredDefinition(ORG, "welcome", 1, "draft", "{\"writer\":" + i + "}", now()));
            return "{\"writer\":" + i + "}";
        });

        List<Race.Result<String>> winners = results.stream().filter(Race.Result::succeeded).toList();
        assertThat(winners).hasSize(1);
        assertThat(results.stream().filter(r -> !r.succeeded()).map(Race.Result::error))
                .allMatch(ConcurrentUpdateException.class::isInstance);
        assertThat(store.find(ORG, "welcome", 1)).map(StoredDefinition::json).contains(winners.get(0).value());
    }

    @Test
    void latest_whenSeveralVersionsExist_returnsTheHighest() {
        store.saveVersion(definition(ORG, "welcome", 1, "draft"));
        store.saveVersion(definition(ORG, "welcome", 3, "draft"));
        store.saveVersion(definition(ORG, "welcome", 2, "draft"));

        assertThat(store.latest(ORG, "welcome")).map(StoredDefinition::version).contains(3);
        assertThat(store.latest(ORG, "renewal")).isEmpty();
    }

    @Test
    void saveVersion_whenNewVersionHasAnotherStatus_changesTheStatusOfEveryVersion() {
        store.saveVersion(definition(ORG, "welcome", 1, "draft"));

        store.saveVersion(definition(ORG, "welcome", 2, "active"));

        assertThat(store.find(ORG, "welcome", 1)).map(StoredDefinition::status).contains("active");
        assertThat(store.find(ORG, "welcome", 1)).map(StoredDefinition::json).contains(json("welcome", 1));
    }

    @Test
    void setStatus_whenAutomationExists_appliesToEveryVersionAndKeepsTheirDocuments() {
        store.saveVersion(definition(ORG, "welcome", 1, "active"));
        store.saveVersion(definition(ORG, "welcome", 2, "active"));

        boolean changed = store.setStatus(ORG, "welcome", "paused");

        assertThat(changed).isTrue();
        assertThat(store.find(ORG, "welcome", 1)).map(StoredDefinition::status).contains("paused");
        assertThat(store.latest(ORG, "welcome")).map(StoredDefinition::status).contains("paused");
        assertThat(store.latest(ORG, "welcome")).map(StoredDefinition::json).contains(json("welcome", 2));
    }

    @Test
    void setStatus_whenAutomationIsUnknown_returnsFalse() {
        assertThat(store.setStatus(ORG, "missing", "active")).isFalse();
        assertThat(store.latest(ORG, "missing")).isEmpty();
    }

    @Test
    void everyCall_whenAutomationBelongsToAnotherOrganization_seesNothingOfIt() {
        store.saveVersion(definition(ORG, "welcome", 1, "active"));

        assertThat(store.find(OTHER_ORG, "welcome", 1)).isEmpty();
        assertThat(store.latest(OTHER_ORG, "welcome")).isEmpty();
        assertThat(store.setStatus(OTHER_ORG, "welcome", "archived")).isFalse();
        assertThat(store.latest(ORG, "welcome")).map(StoredDefinition::status).contains("active");
    }

    @Test
    void saveVersion_whenSameAutomationIdInTwoOrganizations_keepsThemApart() {
        store.saveVersion(definition(ORG, "welcome", 1, "active"));

        store.saveVersion(definition(OTHER_ORG, "welcome", 1, "draft"));

        assertThat(store.latest(ORG, "welcome")).map(StoredDefinition::status).contains("active");
        assertThat(store.latest(OTHER_ORG, "welcome")).map(StoredDefinition::status).contains("draft");
    }

    @Test
    void latestOfAll_returnsTheLatestVersionOfEveryAutomationOfEveryOrganization() {
        store.saveVersion(definition(ORG, "welcome", 1, "active"));
        store.saveVersion(definition(ORG, "welcome", 2, "active"));
        store.saveVersion(definition(ORG, "renewal", 1, "draft"));
        store.saveVersion(definition(OTHER_ORG, "welcome", 1, "paused"));

        assertThat(store.latestOfAll())
                .extracting(d -> d.organizationId() + "/" + d.automationId() + "@" + d.version() + ":" + d.status())
                .containsExactlyInAnyOrder("org-a/welcome@2:active", "org-a/renewal@1:draft",
                        "org-b/welcome@1:paused");
    }

    private StoredDefinition definition(String organizationId, String automationId, int version, String status) {
        return new StoredDefinition(organizationId, automationId, version, status, json(automationId, version),
                now().plusSeconds(version));
    }

    private static String json(String automationId, int version) {
        return "{\"id\":\"" + automationId + "\",\"version\":" + version + "}";
    }
}
