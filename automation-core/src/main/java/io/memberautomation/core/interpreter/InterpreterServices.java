package io.memberautomation.core.interpreter;

import io.memberautomation.core.action.PlaceholderRenderer;
import io.memberautomation.core.action.Redaction;
import io.memberautomation.core.policy.SendGate;
import io.memberautomation.core.registry.AutomationRegistry;
import io.memberautomation.spi.Clock;
import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.member.MemberDirectory;
import io.memberautomation.spi.store.Persistence;
import java.util.Map;
import java.util.Objects;

/**
 * What the interpreter works with, wired once by the engine builder.
 *
 * @param registry      automations and their compiled versions
 * @param persistence   executions, queue and timers
 * @param members       the member directory
 * @param membersInCommit whether {@code members} is the persistence's
 *                      {@link Persistence#transactionalMembers() transactional directory}: member actions then hand
 *                      their patches to the step's commit instead of applying them first
 * @param handlers      action handlers by type (channel built-ins and custom ones)
 * @param renderer      placeholder rendering of params
 * @param organizations organization zones
 * @param clock         the engine clock
 * @param changes       told about member changes the engine's own actions made, after they are recorded
 * @param sendGate      the organizations' sending rules (caps, quiet hours, rate limits)
 * @param redaction     what step logs and log lines must not show
 */
public record InterpreterServices(AutomationRegistry registry, Persistence persistence, MemberDirectory members,
                                  boolean membersInCommit,
                                  Map<String, ActionHandler> handlers, PlaceholderRenderer renderer,
                                  Organizations organizations, Clock clock, MemberChangeListener changes,
                                  SendGate sendGate, Redaction redaction) {
    public InterpreterServices {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(persistence, "persistence");
        Objects.requireNonNull(members, "members");
        handlers = Map.copyOf(handlers);
        Objects.requireNonNull(renderer, "renderer");
        Objects.requireNonNull(organizations, "organizations");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(sendGate, "sendGate");
        Objects.requireNonNull(redaction, "redaction");
    }
}
