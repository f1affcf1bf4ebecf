package io.memberautomation.examples.badges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.memberautomation.core.AutomationEngine;
import io.memberautomation.core.TestClock;
import io.memberautomation.core.definition.InvalidDefinitionException;
import io.memberautomation.core.store.InMemoryMemberDirectory;
import io.memberautomation.spi.action.ActionContext;
import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.action.ActionResult;
import io.memberautomation.spi.action.ParamProblem;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.store.ExecutionQuery;
import io.memberautomation.spi.store.ExecutionRecord;
import io.memberautomation.spi.store.ExecutionStatus;
import io.memberautomation.spi.store.StepLogEntry;
import io.memberautomation.spi.store.StepStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class AwardBadgeHandlerTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final String AUTOMATION = """
            { "id": "badge-newcomers", "name": "Badge for newcomers", "status": "active",
              "trigger": { "type": "member_created" },
              "steps": [ { "id": "award", "type": "action",
                           "action": { "type": "award_badge", "params": { "badge": "{{member.tier}}-newcomer" } } } ] }
            """;

    private final AwardBadgeHandler handler = new AwardBadgeHandler();

    private static ActionContext context(Map<String, Object> params, Optional<Member> member) {
        return new ActionContext("org", "automation", "exec-1", "award", 1, "exec-1:award:main", params, member,
                Map.of(), NOW);
    }

    @Test
    void validateParams_whenBadgeIsANonBlankString_findsNothing() {
        assertThat(handler.validateParams(Map.of("badge", "vip"))).isEmpty();
    }

    @Test
    void validateParams_whenBadgeMissing_saysItIsRequired() {
        assertThat(handler.validateParams(Map.of())).extracting(ParamProblem::param, ParamProblem::message)
                .containsExactly(tuple("badge", "required: the name of the badge to award"));
    }

    @Test
    void validateParams_whenBadgeBlankOrNotAString_reportsTheBadge() {
        assertThat(handler.validateParams(Map.of("badge", "  "))).extracting(ParamProblem::param).containsExactly("badge");
        assertThat(handler.validateParams(Map.of("badge", 5L))).extracting(ParamProblem::message)
                .containsExactly("must be a non-blank string");
        assertThat(handler.validateParams(Map.of("badge", "x".repeat(65)))).extracting(ParamProblem::message)
                .containsExactly("must be at most 64 characters");
    }

    @Test
    void validateParams_whenAnUnknownParamIsGiven_namesIt() {
        assertThat(handler.validateParams(Map.of("badge", "vip", "colour", "gold")))
                .extracting(ParamProblem::param).containsExactly("colour");
    }

    @Test
    void execute_whenTheExecutionHasAMember_outputsTheBadgeTheMemberAndTheTime() {
        Member member = new Member("m-1", "org", Map.of());

        ActionResult result = handler.execute(context(Map.of("badge", " vip "), Optional.of(member)));

        assertThat(result).isEqualTo(ActionResult.success(Map.of("badge", "vip", "memberId", "m-1",
                "awardedAt", "2026-03-02T10:00:00Z")));
    }

    @Test
    void execute_whenTheExecutionHasNoMember_failsForGood() {
        ActionResult result = handler.execute(context(Map.of("badge", "vip"), Optional.empty()));

        assertThat(result).isInstanceOfSatisfying(ActionResult.Failure.class,
                failure -> assertThat(failure.retryable()).isFalse());
    }

    @Test
    void handler_whenAskedAboutItself_isTheInProcessAwardBadgeType() {
        assertThat(handler.type()).isEqualTo("award_badge");
        assertThat(handler.external()).isFalse();
    }

    @Test
    void serviceLoader_whenListingActionHandlers_findsAwardBadge() {
        assertThat(ServiceLoader.load(ActionHandler.class).stream().map(ServiceLoader.Provider::type))
                .contains(AwardBadgeHandler.class);
    }

    @Test
    void engine_whenBuiltWithDiscoverActionHandlers_runsAnAwardBadgeStep() {
        InMemoryMemberDirectory members = new InMemoryMemberDirectory();
        try (AutomationEngine engine = AutomationEngine.builder().clock(TestClock.at(NOW)).members(members)
                .discoverActionHandlers().build()) {
            engine.save(AUTOMATION);
            engine.memberChanged(members.put(new Member("m-1", "default", Map.of("tier", "gold"))),
                    Optional.of("signup-m-1"));
            engine.runDue();

            List<ExecutionRecord> executions = engine.executions(ExecutionQuery.all("default", 10)).executions();
            assertThat(executions).singleElement().extracting(ExecutionRecord::status)
                    .isEqualTo(ExecutionStatus.COMPLETED);
            List<StepLogEntry> history = engine.history(executions.get(0).id());
            assertThat(history).singleElement().satisfies(entry -> {
                assertThat(entry.status()).isEqualTo(StepStatus.COMPLETED);
                assertThat(entry.detail().get("output")).isEqualTo(Map.of("badge", "gold-newcomer",
                        "memberId", "m-1", "awardedAt", NOW.toString()));
            });
        }
    }

    @Test
    void engine_whenBuiltWithoutDiscovery_refusesAnAutomationThatAwardsABadge() {
        try (AutomationEngine engine = AutomationEngine.builder().build()) {
            assertThatThrownBy(() -> engine.save(AUTOMATION)).isInstanceOf(InvalidDefinitionException.class)
                    .hasMessageContaining("unknown_action_type");
        }
    }

    @Test
    void engine_whenBuiltWithDiscovery_refusesAnAwardWithoutABadge() {
        try (AutomationEngine engine = AutomationEngine.builder().discoverActionHandlers().build()) {
            assertThatThrownBy(() -> engine.save(AUTOMATION.replace("\"badge\": \"{{member.tier}}-newcomer\"", "")))
                    .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("badge");
        }
    }
}
