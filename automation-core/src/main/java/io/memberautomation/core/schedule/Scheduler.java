package io.memberautomation.core.schedule;

import io.memberautomation.core.interpreter.CompiledAutomation;
import io.memberautomation.core.interpreter.Organizations;
import io.memberautomation.core.model.AutomationStatus;
import io.memberautomation.core.model.Schedule;
import io.memberautomation.core.model.TriggerType;
import io.memberautomation.core.registry.AutomationRegistry;
import io.memberautomation.core.trigger.Enroller;
import io.memberautomation.core.trigger.TriggerEvent;
import io.memberautomation.spi.Clock;
import io.memberautomation.spi.member.Member;
import io.memberautomation.spi.member.MemberChange;
import io.memberautomation.spi.member.MemberDirectory;
import io.memberautomation.spi.member.MemberPage;
import io.memberautomation.spi.store.DueTimer;
import io.memberautomation.spi.store.TimerKind;
import io.memberautomation.spi.store.TimerStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled automations as durable SCHEDULE timers: one per cron automation (its next fire), one per
 * member of a date-based automation (that member's next fire). Timers are planned when an automation is
 * activated or saved and when a member changes; they are fired by whichever node claims them.
 *
 * <p>Each fire enrolls under an event id derived from the fire ({@code cron:<automation>:<fire time>...},
 * {@code date:<automation>:<member>:<date value>}), so a fire repeated after a crash enrolls nobody twice
 * and a date-based automation fires once per member per date value.
 */
public final class Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    /** A fire claimed later than this after its time was missed while no engine ran. */
    public static final Duration MISFIRE_THRESHOLD = Duration.ofMinutes(1);

    private final AutomationRegistry registry;
    private final TimerStore timers;
    private final MemberDirectory members;
    private final Enroller enroller;
    private final Organizations organizations;
    private final Clock clock;
    private final String nodeId;
    private final Duration lease;
    private final int audienceBatch;

    public Scheduler(AutomationRegistry registry, TimerStore timers, MemberDirectory members, Enroller enroller,
                     Organizations organizations, Clock clock, String nodeId, Duration lease, int audienceBatch) {
        this.registry = registry;
        this.timers = timers;
        this.members = members;
        this.enroller = enroller;
        this.organizations = organizations;
        this.clock = clock;
        this.nodeId = nodeId;
        this.lease = lease;
        this.audienceBatch = audienceBatch;
    }

    /** Plans an automation's timers after it was saved or its status changed. */
    public void plan(CompiledAutomation automation) {
        Optional<Schedule> schedule = automation.automation().trigger().schedule();
        if (schedule.isEmpty() || registry.status(automation.organizationId(), automation.id()) != AutomationStatus.ACTIVE) {
            return;
        }
        if (schedule.get() instanceof Schedule.Cron cron) {
            planCron(automation, cron);
        } else {
            planAllMembers(automation, (Schedule.DateBased) schedule.get());
        }
    }

    /** Moves the member's date-based fires after a change of the member. */
    public void memberChanged(MemberChange change) {
        Member member = change.after();
        for (CompiledAutomation automation : registry.routes(member.organizationId(), TriggerType.SCHEDULED)) {
            if (automation.automation().trigger().schedule().orElseThrow() instanceof Schedule.DateBased dated) {
                planMember(automation, dated, member);
            }
        }
    }

    /** Fires every due schedule timer; returns how many fired. */
    public int fireDue() {
        int fired = 0;
        while (true) {
            List<DueTimer> due = timers.claimDueSchedules(nodeId, 100, clock.now(), lease);
            if (due.isEmpty()) {
                return fired;
            }
            for (DueTimer timer : due) {
                try {
                    fire(timer);
                    fired++;
                } catch (RuntimeException e) {
                    LOG.warn("schedule timer {} could not fire now; it is retried when its lease lapses: {}",
                            timer.id(), e.toString());
                }
            }
        }
    }

    private void fire(DueTimer timer) {
        Optional<CompiledAutomation> automation = registry.latest(timer.organizationId(), timer.targetId());
        AutomationStatus status = registry.status(timer.organizationId(), timer.targetId());
        Optional<Schedule> schedule = automation.flatMap(a -> a.automation().trigger().schedule());
        if (schedule.isEmpty() || status == AutomationStatus.ARCHIVED || status == AutomationStatus.DRAFT) {
            timers.completeSchedule(timer, Optional.empty());
            return;
        }
        if (schedule.get() instanceof Schedule.Cron cron) {
            fireCron(automation.get(), cron, timer, status == AutomationStatus.ACTIVE);
        } else {
            fireDate(automation.get(), (Schedule.DateBased) schedule.get(), timer, status == AutomationStatus.ACTIVE);
        }
    }

    // ---- cron -------------------------------------------------------------------------------------

    private void planCron(CompiledAutomation automation, Schedule.Cron cron) {
        String id = cronTimerId(automation);
        ZoneId zone = cronZone(automation, cron);
        Optional<DueTimer> existing = timers.find(id);
        if (existing.isPresent() && cron.cron().equals(existing.get().data().get("cron"))
                && zone.getId().equals(existing.get().data().get("zone"))) {
            return;
        }
        CronTimes times = CronTimes.parse(cron.cron());
        LocalDateTime from = LocalDateTime.ofInstant(clock.now(), zone);
        times.nextLocal(from).ifPresentOrElse(next -> timers.schedule(cronTimer(automation, cron, zone, next)),
                () -> timers.cancel(id));
    }

    private void fireCron(CompiledAutomation automation, Schedule.Cron cron, DueTimer timer, boolean active) {
        Instant now = clock.now();
        ZoneId zone = cronZone(automation, cron);
        boolean missed = Duration.between(timer.dueAt(), now).compareTo(MISFIRE_THRESHOLD) > 0;
        if (active && !(missed && cron.misfire() == Schedule.Misfire.SKIP)) {
            String fireId = "cron:" + automation.id() + ":" + timer.dueAt();
            Map<String, Object> payload = Map.of("fire_time", timer.dueAt().toString(), "missed", missed);
            if (cron.audience() == Schedule.Audience.ORGANIZATION) {
                enroller.enroll(new TriggerEvent(Optional.of(fireId), automation.organizationId(), TriggerType.SCHEDULED,
                        Optional.empty(), payload, Optional.of(timer.dueAt())), List.of(automation), 0, true);
            } else {
                enrollAudience(automation, fireId, payload);
            }
        } else if (active) {
            LOG.info("automation {} missed its cron fire at {}; misfire policy skip", automation.id(), timer.dueAt());
        }
        LocalDateTime fired = LocalDateTime.parse(String.valueOf(timer.data().get("local")));
        LocalDateTime after = missed ? LocalDateTime.ofInstant(now, zone) : fired;
        Optional<DueTimer> next = CronTimes.parse(cron.cron()).nextLocal(after)
                .map(local -> cronTimer(automation, cron, zone, local));
        timers.completeSchedule(timer, next);
    }

    private void enrollAudience(CompiledAutomation automation, String fireId, Map<String, Object> payload) {
        Optional<String> cursor = Optional.empty();
        do {
            MemberPage page = members.page(automation.organizationId(), cursor, audienceBatch);
            if (!page.members().isEmpty()) {
                String pageId = fireId + ":after:" + cursor.orElse("");
                enroller.enrollAudience(automation, pageId, page.members(), payload);
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());
    }

    private DueTimer cronTimer(CompiledAutomation automation, Schedule.Cron cron, ZoneId zone, LocalDateTime local) {
        return new DueTimer(cronTimerId(automation), automation.organizationId(), TimerKind.SCHEDULE, automation.id(),
                Optional.empty(), CronTimes.toInstant(local, zone),
                Map.of("cron", cron.cron(), "zone", zone.getId(), "local", local.toString()));
    }

    private ZoneId cronZone(CompiledAutomation automation, Schedule.Cron cron) {
        return cron.timezone().orElseGet(() -> zones(automation).automationOrFallback());
    }

    private static String cronTimerId(CompiledAutomation automation) {
        return "cron/" + automation.organizationId() + "/" + automation.id();
    }

    // ---- date-based -------------------------------------------------------------------------------

    private void planAllMembers(CompiledAutomation automation, Schedule.DateBased schedule) {
        Optional<String> cursor = Optional.empty();
        do {
            MemberPage page = members.page(automation.organizationId(), cursor, audienceBatch);
            for (Member member : page.members()) {
                planMember(automation, schedule, member);
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());
    }

    private void planMember(CompiledAutomation automation, Schedule.DateBased schedule, Member member) {
        String id = dateTimerId(automation, member.id());
        Optional<DateFires.Fire> fire = DateFires.fireFor(schedule, member, zones(automation));
        if (fire.isEmpty() || !fire.get().at().isAfter(clock.now())) {
            timers.cancel(id);
            return;
        }
        Optional<DueTimer> existing = timers.find(id);
        if (existing.isPresent() && existing.get().dueAt().equals(fire.get().at())) {
            return;
        }
        timers.schedule(new DueTimer(id, automation.organizationId(), TimerKind.SCHEDULE, automation.id(),
                Optional.of(member.id()), fire.get().at(), Map.of("date", fire.get().dateValue().toString())));
    }

    private void fireDate(CompiledAutomation automation, Schedule.DateBased schedule, DueTimer timer, boolean active) {
        Optional<Member> member = timer.memberId().flatMap(id -> members.find(timer.organizationId(), id));
        Optional<DateFires.Fire> fire = member.flatMap(m -> DateFires.fireFor(schedule, m, zones(automation)));
        if (fire.isEmpty()) {
            timers.completeSchedule(timer, Optional.empty());
            return;
        }
        if (!fire.get().at().equals(timer.dueAt())) {
            boolean future = fire.get().at().isAfter(clock.now());
            timers.completeSchedule(timer, future ? Optional.of(new DueTimer(timer.id(), timer.organizationId(),
                    TimerKind.SCHEDULE, timer.targetId(), timer.memberId(), fire.get().at(),
                    Map.of("date", fire.get().dateValue().toString()))) : Optional.empty());
            return;
        }
        if (active) {
            String eventId = "date:" + automation.id() + ":" + member.get().id() + ":" + fire.get().dateValue();
            Map<String, Object> payload = Map.of("date_field", schedule.dateField().toString(),
                    "date_value", fire.get().dateValue().toString(), "fire_time", timer.dueAt().toString());
            enroller.enroll(new TriggerEvent(Optional.of(eventId), automation.organizationId(), TriggerType.SCHEDULED,
                    Optional.of(member.get().id()), payload, Optional.of(timer.dueAt())), List.of(automation), 0, true);
        }
        timers.completeSchedule(timer, Optional.empty());
    }

    private static String dateTimerId(CompiledAutomation automation, String memberId) {
        return "date/" + automation.organizationId() + "/" + automation.id() + "/" + memberId;
    }

    private ZoneResolver zones(CompiledAutomation automation) {
        return new ZoneResolver(automation.timezone(), organizations.zone(automation.organizationId()));
    }
}
