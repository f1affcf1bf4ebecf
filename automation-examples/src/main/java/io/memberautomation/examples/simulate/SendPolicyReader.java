package io.memberautomation.examples.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import io.memberautomation.core.policy.QuietHours;
import io.memberautomation.core.policy.SendPolicy;
import io.memberautomation.spi.member.Channel;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code organization.sendPolicy}: per channel ({@code email}, {@code sms}) a {@code dailyCap}, a
 * {@code quietHours} window ({@code { "start": "21:00", "end": "08:00" }}) and a {@code ratePerSecond}.
 */
final class SendPolicyReader {
    private final Problems problems;

    SendPolicyReader(Problems problems) {
        this.problems = problems;
    }

    SendPolicy read(JsonNode node, String path) {
        SendPolicy.Builder builder = SendPolicy.builder();
        JsonFields.open(node, path, problems, "a send policy", List.of("email", "sms")).ifPresent(channels -> {
            for (Channel channel : Channel.values()) {
                String key = channel.name().toLowerCase(Locale.ROOT);
                channels.optional(key).flatMap(rules -> JsonFields.open(rules, channels.at(key), problems,
                        "the rules for " + key, List.of("dailyCap", "quietHours", "ratePerSecond")))
                        .ifPresent(rules -> channel(rules, channel, builder));
            }
        });
        return builder.build();
    }

    private void channel(JsonFields rules, Channel channel, SendPolicy.Builder builder) {
        positive(rules, "dailyCap").ifPresent(cap -> builder.dailyCap(channel, cap));
        positive(rules, "ratePerSecond").ifPresent(rate -> builder.ratePerSecond(channel, rate));
        rules.optional("quietHours").flatMap(window -> JsonFields.open(window, rules.at("quietHours"), problems,
                "quiet hours", List.of("start", "end"))).ifPresent(window -> {
                    Optional<LocalTime> start = time(window, "start");
                    Optional<LocalTime> end = time(window, "end");
                    if (start.isPresent() && end.isPresent()) {
                        if (start.get().equals(end.get())) {
                            problems.add(window.at("end"), "invalid_value", "quiet hours need start and end to differ");
                        } else {
                            builder.quietHours(channel, new QuietHours(start.get(), end.get()));
                        }
                    }
                });
    }

    private Optional<Integer> positive(JsonFields rules, String key) {
        return rules.optional(key).flatMap(value -> {
            if (!value.isInt() || value.intValue() < 1) {
                problems.add(rules.at(key), "invalid_value", key + " must be a whole number of at least 1");
                return Optional.empty();
            }
            return Optional.of(value.intValue());
        });
    }

    private Optional<LocalTime> time(JsonFields window, String key) {
        return window.requiredText(key, "quiet hours").flatMap(text -> {
            try {
                return Optional.of(LocalTime.parse(text));
            } catch (DateTimeParseException e) {
                problems.add(window.at(key), "invalid_time", "expected a local time HH:mm, got \"" + text + "\"");
                return Optional.empty();
            }
        });
    }
}
