package io.memberautomation.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The format writes every enum value in snake_case: {@code ONE_AT_A_TIME} is {@code "one_at_a_time"}. */
public final class WireName {
    private WireName() {}

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wire) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(wire)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** Every wire name of the enum, in declaration order, for error messages and the JSON Schema. */
    public static List<String> all(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireName::of).toList();
    }
}
