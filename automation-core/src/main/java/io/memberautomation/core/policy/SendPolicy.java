package io.memberautomation.core.policy;

import io.memberautomation.spi.member.Channel;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An organization's sending rules per channel. Built with {@link #builder()}; every rule is off unless set.
 *
 * @param dailyCaps      at most this many messages per member per local day
 * @param quietHours     no messages in this local window; they wait for its end
 * @param ratePerSecond  at most this many messages per second across the organization (per engine node)
 */
public record SendPolicy(Map<Channel, Integer> dailyCaps, Map<Channel, QuietHours> quietHours,
                         Map<Channel, Integer> ratePerSecond) {

    public static final SendPolicy NONE = builder().build();

    public SendPolicy {
        dailyCaps = Map.copyOf(dailyCaps);
        quietHours = Map.copyOf(quietHours);
        ratePerSecond = Map.copyOf(ratePerSecond);
        dailyCaps.forEach((channel, cap) -> {
            if (cap < 1) {
                throw new IllegalArgumentException("a daily cap for " + channel + " must be at least 1: " + cap);
            }
        });
        ratePerSecond.forEach((channel, rate) -> {
            if (rate < 1) {
                throw new IllegalArgumentException("a rate for " + channel + " must be at least 1 a second: " + rate);
            }
        });
    }

    public Optional<Integer> dailyCap(Channel channel) {
        return Optional.ofNullable(dailyCaps.get(channel));
    }

    public Optional<QuietHours> quietHours(Channel channel) {
        return Optional.ofNullable(quietHours.get(channel));
    }

    public Optional<Integer> ratePerSecond(Channel channel) {
        return Optional.ofNullable(ratePerSecond.get(channel));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Set-once rules per channel. */
    public static final class Builder {
        private final Map<Channel, Integer> caps = new EnumMap<>(Channel.class);
        private final Map<Channel, QuietHours> quiet = new EnumMap<>(Channel.class);
        private final Map<Channel, Integer> rates = new EnumMap<>(Channel.class);

        private Builder() {}

        public Builder dailyCap(Channel channel, int perDay) {
            once(caps.put(Objects.requireNonNull(channel, "channel"), perDay), "daily cap", channel);
            return this;
        }

        public Builder quietHours(Channel channel, QuietHours window) {
            once(quiet.put(Objects.requireNonNull(channel, "channel"), window), "quiet hours", channel);
            return this;
        }

        public Builder ratePerSecond(Channel channel, int perSecond) {
            once(rates.put(Objects.requireNonNull(channel, "channel"), perSecond), "rate", channel);
            return this;
        }

        public SendPolicy build() {
            return new SendPolicy(caps, quiet, rates);
        }

        private static void once(Object previous, String what, Channel channel) {
            if (previous != null) {
                throw new IllegalStateException("the " + what + " for " + channel + " was already set");
            }
        }
    }
}
