package io.memberautomation.core.policy;

import io.memberautomation.core.schedule.DelayTargets;
import io.memberautomation.spi.delivery.MessageLedger;
import io.memberautomation.spi.member.Channel;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides, just before an email or SMS goes out, whether it may: quiet hours defer it to the window's end,
 * a daily cap skips it (or defers it to the member's next local day), the organization's rate limit defers
 * it to the next second with room. The interpreter turns a deferral into a durable timer and logs the
 * reason; nothing waits in a thread.
 *
 * <p>Caps count what the {@link MessageLedger} recorded, so they hold across nodes sharing a store; the
 * rate limit is counted per engine node.
 */
public final class SendGate {

    /** What the gate decided. */
    public sealed interface Decision {
        record Proceed() implements Decision {}

        record Skip(String reason) implements Decision {}

        record Defer(Instant until, String reason) implements Decision {}
    }

    private static final Decision PROCEED = new Decision.Proceed();

    private record RateKey(String organizationId, Channel channel) {}

    private static final class Window {
        long second = Long.MIN_VALUE;
        int used;
    }

    private final Map<String, SendPolicy> policies;
    private final MessageLedger ledger;
    private final Map<RateKey, Window> windows = new ConcurrentHashMap<>();

    public SendGate(Map<String, SendPolicy> policies, MessageLedger ledger) {
        this.policies = Map.copyOf(policies);
        this.ledger = ledger;
    }

    /** The channel an action type sends on, if it sends to a member. */
    public static Optional<Channel> channelOf(String actionType) {
        return switch (actionType) {
            case "send_email" -> Optional.of(Channel.EMAIL);
            case "send_sms" -> Optional.of(Channel.SMS);
            default -> Optional.empty();
        };
    }

    /**
     * @param zone        the member's zone (their local day and local time)
     * @param deferCapped whether a capped message waits for the next local day instead of being skipped
     */
    public Decision check(String organizationId, String memberId, Channel channel, boolean deferCapped, Instant now,
                          ZoneId zone) {
        SendPolicy policy = policies.getOrDefault(organizationId, SendPolicy.NONE);
        ZonedDateTime local = now.atZone(zone);
        Optional<QuietHours> quiet = policy.quietHours(channel);
        if (quiet.isPresent() && quiet.get().contains(local.toLocalTime())) {
            return new Decision.Defer(DelayTargets.nextOccurrence(local, quiet.get().end(), zone),
                    "quiet hours " + quiet.get().start() + "-" + quiet.get().end() + " for " + name(channel));
        }
        Optional<Integer> cap = policy.dailyCap(channel);
        if (cap.isPresent()) {
            Instant dayStart = local.toLocalDate().atStartOfDay(zone).toInstant();
            Instant nextDay = local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            if (ledger.count(organizationId, memberId, channel, dayStart, nextDay) >= cap.get()) {
                String reason = "frequency cap of " + cap.get() + " " + name(channel) + " a day reached";
                return deferCapped ? new Decision.Defer(nextDay, reason) : new Decision.Skip(reason);
            }
        }
        Optional<Integer> rate = policy.ratePerSecond(channel);
        if (rate.isPresent() && !takeToken(new RateKey(organizationId, channel), rate.get(), now)) {
            return new Decision.Defer(Instant.ofEpochSecond(now.getEpochSecond() + 1),
                    "rate limit of " + rate.get() + " " + name(channel) + " a second for the organization");
        }
        return PROCEED;
    }

    /** Records a message that went out, for the caps. */
    public void sent(String organizationId, String memberId, Channel channel, Instant at, String idempotencyKey) {
        if (policies.getOrDefault(organizationId, SendPolicy.NONE).dailyCap(channel).isPresent()) {
            ledger.record(organizationId, memberId, channel, at, idempotencyKey);
        }
    }

    private boolean takeToken(RateKey key, int perSecond, Instant now) {
        Window window = windows.computeIfAbsent(key, k -> new Window());
        synchronized (window) {
            long second = now.getEpochSecond();
            if (window.second != second) {
                window.second = second;
                window.used = 0;
            }
            if (window.used >= perSecond) {
                return false;
            }
            window.used++;
            return true;
        }
    }

    private static String name(Channel channel) {
        return channel == Channel.EMAIL ? "emails" : "SMS";
    }
}
