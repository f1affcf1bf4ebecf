package io.memberautomation.spi.action;

import io.memberautomation.spi.Data;
import io.memberautomation.spi.member.Member;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an action handler may know about the step it runs.
 *
 * @param organizationId the organization
 * @param automationId   the automation
 * @param executionId    the execution
 * @param stepId         the step
 * @param attempt        1 for the first attempt, 2 for the first retry, ...
 * @param idempotencyKey stable for this execution and step across every attempt and crash recovery:
 *                       pass it to anything outside the engine so it can deduplicate
 * @param params         the step's params, string placeholders already rendered
 * @param member         the member, when the execution has one
 * @param event          the trigger event's data ({@code type}, {@code occurred_at}, payload fields)
 * @param now            the engine clock's time when the attempt started
 */
public record ActionContext(String organizationId, String automationId, String executionId, String stepId,
                            int attempt, String idempotencyKey, Map<String, Object> params,
                            Optional<Member> member, Map<String, Object> event, Instant now) {
    public ActionContext {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(automationId, "automationId");
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(stepId, "stepId");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1: " + attempt);
        }
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        params = Data.copy(params);
        Objects.requireNonNull(member, "member");
        event = Data.copy(event);
        Objects.requireNonNull(now, "now");
    }

    /** A string param, if present. */
    public Optional<String> param(String name) {
        Object value = params.get(name);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }
}
