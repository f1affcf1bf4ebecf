package io.memberautomation.core.condition;

import io.memberautomation.core.model.FieldPath;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.store.ExecutionRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a condition is evaluated against: the member, the member before the change ({@code previous}), the
 * trigger event, the organization, the outputs of earlier steps, the current instant and the timezone of date
 * conditions. Immutable: the builder copies each map it is given shallowly (nested maps and lists are not copied,
 * so do not change them while the context is in use); a {@code Member} or an {@code ExecutionRecord}, which never
 * change, are read in place. {@code today} is computed once, from {@code now} in {@code zone}.
 *
 * <p>A path is read by taking its root map ({@code member}, {@code previous}, {@code event},
 * {@code organization}) and following one {@link Map#get} per key; {@code steps.<id>.output.x} takes the output
 * of step {@code id}, then its key {@code x}. An absent key, a null value, or a key below a value that is not a
 * map is <em>missing</em>.
 */
public final class EvaluationContext {
    private static final long SECONDS_PER_DAY = 86_400;
    private final @Nullable Object[] roots;
    /** Also in {@code roots}; kept apart because nearly every path starts here. */
    private final Map<String, ?> member;
    private final Instant now;
    private final ZoneId zone;
    private final LocalDate today;
    private final long todayEpochDay;

    private EvaluationContext(Builder builder, Instant now) {
        this.roots = new Object[FieldPath.Root.values().length];
        this.member = builder.member;
        roots[FieldPath.Root.MEMBER.ordinal()] = builder.member;
        roots[FieldPath.Root.PREVIOUS.ordinal()] = builder.previous;
        roots[FieldPath.Root.EVENT.ordinal()] = builder.event;
        roots[FieldPath.Root.ORGANIZATION.ordinal()] = builder.organization;
        roots[FieldPath.Root.STEPS.ordinal()] = new HashMap<>(builder.steps);
        this.now = now;
        this.zone = builder.zone;
        // for a fixed offset (UTC, nearly always) without asking the zone for its rules, which on this JDK
        // builds a ZoneRules object per call
        this.today = zone instanceof ZoneOffset offset
                ? LocalDate.ofEpochDay(Math.floorDiv(now.getEpochSecond() + offset.getTotalSeconds(), SECONDS_PER_DAY))
                : LocalDate.ofInstant(now, zone);
        this.todayEpochDay = today.toEpochDay();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The instant of evaluation; {@code {relative: D}} against a timestamp is {@code now + D}. */
    public Instant now() {
        return now;
    }

    /** The zone of date conditions (default UTC). */
    public ZoneId zone() {
        return zone;
    }

    /** {@code now} as a local date in {@link #zone()}; {@code {relative: D}} against a date is {@code today + D}. */
    public LocalDate today() {
        return today;
    }

    /** Whether the member before the change was given; {@code changed} is false without it. */
    public boolean hasPrevious() {
        return roots[FieldPath.Root.PREVIOUS.ordinal()] != null;
    }

    /** The value at a path, empty when it is missing. */
    public Optional<Object> valueAt(FieldPath path) {
        return Optional.ofNullable(new PathReader(path).read(this));
    }

    /** {@link #today()} as an epoch day: a cheap key for memoising relative dates. */
    long todayEpochDay() {
        return todayEpochDay;
    }

    Map<String, ?> member() {
        return member;
    }

    @Nullable Object root(int index) {
        return roots[index];
    }

    /** Builds a context; {@link #now(Instant)} is required, every map defaults to empty, the zone to UTC. */
    public static final class Builder {
        private Map<String, ?> member = Map.of();
        private @Nullable Map<String, ?> previous;
        private Map<String, ?> event = Map.of();
        private Map<String, ?> organization = Map.of();
        private final Map<String, Object> steps = new HashMap<>();
        private @Nullable Instant now;
        private ZoneId zone = ZoneOffset.UTC;

        private Builder() {}

        /** The member's fields, custom fields included (default: none). */
        public Builder member(Map<String, ?> member) {
            this.member = copy(member, "member");
            return this;
        }

        /**
         * A member: its fields, and its id under {@code id}. A {@link Member} never changes, so its fields are read
         * in place rather than copied, and a condition touches only the fields it names.
         */
        public Builder member(Member member) {
            this.member = new MemberView(member.id(), member.fields());
            return this;
        }

        /** The member before the change that triggered the evaluation (default: absent). */
        public Builder previous(Map<String, ?> previous) {
            this.previous = copy(previous, "previous");
            return this;
        }

        /**
         * The trigger event of an execution ({@code type}, {@code occurred_at} and its payload fields), read in
         * place: an {@link ExecutionRecord}'s trigger data never changes.
         */
        public Builder event(ExecutionRecord execution) {
            this.event = execution.trigger();
            return this;
        }

        /** The trigger event: {@code type}, {@code occurred_at} and its payload fields (default: none). */
        public Builder event(Map<String, ?> event) {
            this.event = copy(event, "event");
            return this;
        }

        /** The organization's fields (default: none). */
        public Builder organization(Map<String, ?> organization) {
            this.organization = copy(organization, "organization");
            return this;
        }

        /** What step {@code stepId} returned, read by {@code steps.<stepId>.output.*}; a later call replaces it. */
        public Builder stepOutput(String stepId, Object output) {
            steps.put(Objects.requireNonNull(stepId, "stepId"), Objects.requireNonNull(output, "output"));
            return this;
        }

        /** The instant of evaluation (required). */
        public Builder now(Instant now) {
            this.now = Objects.requireNonNull(now, "now");
            return this;
        }

        /** The zone in which {@code today} and date-only comparisons are read (default UTC). */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** @throws IllegalStateException when {@code now} was not given */
        public EvaluationContext build() {
            if (now == null) {
                throw new IllegalStateException("an evaluation context needs now(Instant)");
            }
            return new EvaluationContext(this, now);
        }

        // a HashMap because field values may be null (null means missing), which Map.copyOf refuses; the
        // context never hands the map out, so it needs no unmodifiable wrapper (one indirection less per read)
        private static Map<String, ?> copy(Map<String, ?> source, String what) {
            Objects.requireNonNull(source, what);
            Map<String, Object> copy = new HashMap<>(capacity(source.size()));
            // forEach, not the copy constructor: an unmodifiable source wraps every entry it iterates
            source.forEach(copy::put);
            return copy;
        }

        /** A HashMap capacity that holds {@code size} entries without resizing. */
        private static int capacity(int size) {
            return (int) (size / 0.75f) + 1;
        }
    }
}
