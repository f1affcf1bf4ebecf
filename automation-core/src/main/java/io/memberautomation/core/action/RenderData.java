package io.memberautomation.core.action;

import io.memberautomation.spi.Data;
import io.memberautomation.spi.member.Member;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What placeholders are rendered against. A template sees it as nested maps, so paths read like the
 * condition paths of the format:
 * <ul>
 *   <li>{@code {{member.first_name}}}, {@code {{member.id}}}: the member's fields and id;</li>
 *   <li>{@code {{previous.status}}}: the member before the change, for change triggers;</li>
 *   <li>{@code {{event.type}}}, {@code {{event.amount}}}: the trigger event;</li>
 *   <li>{@code {{organization.id}}}: the organization;</li>
 *   <li>{@code {{steps.check.output.score}}}: what an earlier step returned;</li>
 *   <li>{@code {{coupon}}}: extra {@code data} (the {@code data} param of {@code send_email}), at the top
 *       level; a data key never hides one of the names above.</li>
 * </ul>
 * Build one with {@link #builder()}; every part defaults to empty.
 *
 * @param member       the member's fields plus {@code id}
 * @param previous     the member before the change, fields plus {@code id}; empty when there is none
 * @param event        the trigger event's data
 * @param organization the organization's data, at least {@code id} where known
 * @param steps        earlier steps' outputs by step id
 * @param data         extra top-level values
 */
public record RenderData(Map<String, Object> member, Map<String, Object> previous, Map<String, Object> event,
                         Map<String, Object> organization, Map<String, Map<String, Object>> steps,
                         Map<String, Object> data) {

    /** The top-level names that {@link #data} cannot hide. */
    public static final Set<String> RESERVED_NAMES = Set.of("member", "previous", "event", "organization", "steps");

    public static final RenderData EMPTY = builder().build();

    public RenderData {
        member = Data.copy(member);
        previous = Data.copy(previous);
        event = Data.copy(event);
        organization = Data.copy(organization);
        Objects.requireNonNull(steps, "steps");
        Map<String, Map<String, Object>> stepsCopy = new LinkedHashMap<>();
        steps.forEach((id, output) -> stepsCopy.put(Objects.requireNonNull(id, "step id"), Data.copy(output)));
        steps = Collections.unmodifiableMap(stepsCopy);
        data = Data.copy(data);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The nested map a template is executed against. */
    Map<String, Object> toContext() {
        Map<String, Object> context = new LinkedHashMap<>(data.size() + 8);
        context.putAll(data);
        context.put("member", member);
        context.put("previous", previous);
        context.put("event", event);
        context.put("organization", organization);
        Map<String, Object> stepContext = new LinkedHashMap<>(steps.size() * 2);
        steps.forEach((id, output) -> stepContext.put(id, Map.of("output", output)));
        context.put("steps", stepContext);
        return context;
    }

    /** Builds {@link RenderData}; every part starts empty. Not thread-safe. */
    public static final class Builder {
        private Map<String, Object> member = Map.of();
        private Map<String, Object> previous = Map.of();
        private Map<String, Object> event = Map.of();
        private Map<String, Object> organization = Map.of();
        private final Map<String, Map<String, Object>> steps = new LinkedHashMap<>();
        private final Map<String, Object> data = new LinkedHashMap<>();

        private Builder() {}

        /** The member's fields plus its {@code id}. */
        public Builder member(Member value) {
            this.member = withId(value);
            return this;
        }

        /** Member data as a map (include {@code id} yourself if templates need it). */
        public Builder member(Map<String, Object> fields) {
            this.member = Objects.requireNonNull(fields, "fields");
            return this;
        }

        /** The member before the change. */
        public Builder previous(Member value) {
            this.previous = withId(value);
            return this;
        }

        public Builder event(Map<String, Object> value) {
            this.event = Objects.requireNonNull(value, "event");
            return this;
        }

        public Builder organization(Map<String, Object> value) {
            this.organization = Objects.requireNonNull(value, "organization");
            return this;
        }

        /** An earlier step's output, read as {@code steps.<stepId>.output.*}. */
        public Builder stepOutput(String stepId, Map<String, Object> output) {
            steps.put(Objects.requireNonNull(stepId, "stepId"), Objects.requireNonNull(output, "output"));
            return this;
        }

        /** Every earlier step's output by step id. */
        public Builder stepOutputs(Map<String, Map<String, Object>> outputs) {
            outputs.forEach(this::stepOutput);
            return this;
        }

        /** Extra top-level values, added to those given before; names in {@link #RESERVED_NAMES} are ignored. */
        public Builder data(Map<String, Object> values) {
            values.forEach((key, value) -> {
                if (!RESERVED_NAMES.contains(key)) {
                    data.put(key, value);
                }
            });
            return this;
        }

        public RenderData build() {
            return new RenderData(member, previous, event, organization, steps, data);
        }

        private static Map<String, Object> withId(Member value) {
            Map<String, Object> fields = new LinkedHashMap<>(value.fields().size() * 2 + 2);
            fields.put("id", value.id());
            fields.putAll(value.fields());
            return fields;
        }
    }
}
