package io.memberautomation.examples.simulate;

import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberPatch;
import java.time.Instant;
import java.util.Optional;

/**
 * One timeline entry of a scenario.
 *
 * @param index  its position in the scenario's {@code timeline} array
 * @param at     when it applies
 * @param kind   its key: {@code event}, {@code update}, ...
 * @param action what it does
 */
record TimelineEntry(int index, Instant at, String kind, Action action) {

    /** The path of the entry's body, for problems found when it is applied. */
    String path() {
        return "$.timeline[" + index + "]." + kind;
    }

    /** What an entry does to the engine or its members. */
    sealed interface Action permits Publish, Update, Create, Run, Pause, Resume, Cancel, Save {}

    /** Publishes a trigger event. */
    record Publish(TriggerEvent event) implements Action {}

    /** Changes a member as a host would, then reports the change. */
    record Update(String memberId, MemberPatch patch) implements Action {}

    /** Adds a member, then reports it as created. */
    record Create(Member member) implements Action {}

    /** Runs an automation for a member now. */
    record Run(String automationId, String memberId) implements Action {}

    /** Pauses an automation, or only the member's unfinished executions of it. */
    record Pause(String automationId, Optional<String> memberId) implements Action {}

    /** Resumes an automation, or only the member's paused executions of it. */
    record Resume(String automationId, Optional<String> memberId) implements Action {}

    /** Cancels the unfinished executions of an automation, of one member or of all. */
    record Cancel(String automationId, Optional<String> memberId) implements Action {}

    /** Saves an automation document: a new version, or a new automation. */
    record Save(Scenario.AutomationDocument document) implements Action {}
}
