package io.memberautomation.core.action;

import static io.memberautomation.core.action.ActionFixtures.NOW;
import static io.memberautomation.core.action.ActionFixtures.context;
import static io.memberautomation.core.action.ActionFixtures.member;
import static org.assertj.core.api.Assertions.assertThat;

import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.action.ActionResult;
import io.memberautomation.spi.delivery.AdminNotification;
import io.memberautomation.spi.delivery.StaffTask;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskAndAdminHandlersTest {
    private final ActionFixtures fixtures = new ActionFixtures();

    @Test
    void createTask_whenDueInGiven_createsTaskDueThenWithMemberAndKey() {
        ActionHandler handler = fixtures.handler("create_task");

        ActionResult result = handler.execute(context(Map.of("title", "Call Ann", "description", "about renewal",
                "assignee", "sam", "dueIn", "P2DT3H"), Optional.of(member(Map.of()))));

        Instant due = NOW.plus(Duration.ofDays(2)).plus(Duration.ofHours(3));
        assertThat(fixtures.tasks).containsExactly(new StaffTask("org-1", Optional.of("m-1"), "Call Ann",
                Optional.of("about renewal"), Optional.of("sam"), Optional.of(due), "exec-1:step-1"));
        assertThat(result).isEqualTo(ActionResult.success(Map.of("title", "Call Ann", "assignee", "sam",
                "dueAt", due.toString())));
    }

    @Test
    void createTask_whenOnlyTitle_createsTaskWithoutDueDateOrMember() {
        fixtures.handler("create_task").execute(context(Map.of("title", "Weekly report"), Optional.empty()));

        assertThat(fixtures.tasks).singleElement().satisfies(task -> {
            assertThat(task.memberId()).isEmpty();
            assertThat(task.dueAt()).isEmpty();
        });
    }

    @Test
    void createTask_whenDueInIsNotADuration_failsPermanently() {
        ActionHandler handler = fixtures.handler("create_task");

        ActionResult result = handler.execute(context(Map.of("title", "t", "dueIn", "soon"), Optional.empty()));

        assertThat(result).isInstanceOfSatisfying(ActionResult.Failure.class,
                f -> assertThat(f.retryable()).isFalse());
        assertThat(handler.validateParams(Map.of("title", "t", "dueIn", "soon")))
                .singleElement().satisfies(p -> assertThat(p.param()).isEqualTo("dueIn"));
        assertThat(fixtures.tasks).isEmpty();
    }

    @Test
    void notifyAdmin_whenChannelGiven_notifiesWithMemberAndKey() {
        ActionResult result = fixtures.handler("notify_admin").execute(context(
                Map.of("message", "Ann's payment failed", "channel", "slack"), Optional.of(member(Map.of()))));

        assertThat(fixtures.notifications).containsExactly(new AdminNotification("org-1", Optional.of("m-1"),
                "Ann's payment failed", Optional.of("slack"), "exec-1:step-1"));
        assertThat(result).isEqualTo(ActionResult.success(Map.of("message", "Ann's payment failed",
                "channel", "slack")));
    }

    @Test
    void notifyAdmin_whenMessageMissing_failsPermanently() {
        ActionResult result = fixtures.handler("notify_admin").execute(context(Map.of(), Optional.empty()));

        assertThat(result).isEqualTo(ActionResult.permanentFailure("notify_admin needs a message param"));
        assertThat(fixtures.notifications).isEmpty();
    }

    @Test
    void channelHandlers_whenCreated_serveEveryChannelTypeAndAreExternal() {
        assertThat(fixtures.handlers()).extracting(ActionHandler::type)
                .containsExactlyInAnyOrderElementsOf(BuiltInActions.CHANNEL_TYPES);
        assertThat(fixtures.handlers()).allMatch(ActionHandler::external);
    }
}
