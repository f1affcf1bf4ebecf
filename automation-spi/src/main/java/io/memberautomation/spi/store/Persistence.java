package io.memberautomation.spi.store;

import io.memberautomation.spi.member.MemberDirectory;
import java.util.Optional;

/**
 * The stores that must share one transactional home: an {@link ExecutionStore}'s commits write timers
 * and queue entries into this persistence's {@link TimerStore} and {@link WorkQueue}.
 */
public interface Persistence {
    DefinitionStore definitions();

    ExecutionStore executions();

    WorkQueue queue();

    TimerStore timers();

    /**
     * The member directory whose members this persistence's commits change in their own transaction, when
     * the members live in the same database; empty (the default) when they do not.
     *
     * <p>When the engine's directory is this one, a member action (tags, fields, segments) is exactly-once:
     * the engine hands its {@link io.memberautomation.spi.member.MemberPatch} to the
     * {@link ExecutionCommit#memberUpdates() commit} of the step that made it, and the store applies it to
     * the member as stored at that moment, in the same transaction as the step's log entry, so either both
     * are recorded or neither is (a commit refused for a stale revision or lease changes no member). With any
     * other directory the engine applies the patch through {@link MemberDirectory#apply} before recording
     * the step, and a crash between the two repeats the change when the step runs again: at-least-once, as
     * external side effects always are (they run before their commit, with a stable idempotency key).
     */
    default Optional<MemberDirectory> transactionalMembers() {
        return Optional.empty();
    }
}
