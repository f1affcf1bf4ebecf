package io.memberautomation.examples.demo;

import io.memberautomation.spi.AutomationException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The demo's command-line options, checked.
 *
 * @param members      how many members the organisation starts with
 * @param days         how many days to simulate
 * @param jdbcUrl      a database to run on instead of embedded H2
 * @param jdbcUser     its user
 * @param jdbcPassword its password
 * @param report       where the Markdown report is written
 * @param seed         the seed of every random choice, so a run can be repeated
 */
record DemoOptions(int members, int days, Optional<String> jdbcUrl, Optional<String> jdbcUser,
                   Optional<String> jdbcPassword, Path report, long seed) {
    static final int DEFAULT_MEMBERS = 5000;
    static final int DEFAULT_DAYS = 60;
    static final String DEFAULT_REPORT = "demo-report.md";
    static final long DEFAULT_SEED = 42;
    static final int MAX_MEMBERS = 200_000;
    static final int MAX_DAYS = 366;

    static final String USAGE = """
            usage: demo [--members N] [--days N] [--seed N] [--report PATH]
                        [--jdbc-url URL [--jdbc-user USER] [--jdbc-password PASSWORD]]
              --members N        members the organisation starts with (default %d, at most %d)
              --days N           simulated days (default %d, at most %d)
              --seed N           seed of the generated members and activity (default %d)
              --report PATH      the Markdown report to write (default %s)
              --jdbc-url URL     run on this database (PostgreSQL) instead of embedded H2; it should be
                                 empty, since the engine runs every automation it finds there
              --jdbc-user USER, --jdbc-password PASSWORD   its credentials
            """.formatted(DEFAULT_MEMBERS, MAX_MEMBERS, DEFAULT_DAYS, MAX_DAYS, DEFAULT_SEED, DEFAULT_REPORT);

    DemoOptions {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(jdbcUser, "jdbcUser");
        Objects.requireNonNull(jdbcPassword, "jdbcPassword");
        Objects.requireNonNull(report, "report");
        if (members < 1 || members > MAX_MEMBERS) {
            throw new BadOptionException("--members must be within 1.." + MAX_MEMBERS + ": " + members);
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new BadOptionException("--days must be within 1.." + MAX_DAYS + ": " + days);
        }
        if (jdbcUrl.isEmpty() && (jdbcUser.isPresent() || jdbcPassword.isPresent())) {
            throw new BadOptionException("--jdbc-user and --jdbc-password need --jdbc-url");
        }
    }

    /** Whether the run uses embedded H2 rather than a database the user named. */
    boolean embedded() {
        return jdbcUrl.isEmpty();
    }

    /**
     * Reads {@code --name value} and {@code --name=value} options.
     *
     * @throws BadOptionException naming the first problem
     */
    static DemoOptions parse(List<String> args) {
        int members = DEFAULT_MEMBERS;
        int days = DEFAULT_DAYS;
        long seed = DEFAULT_SEED;
        Optional<String> url = Optional.empty();
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        Path report = Path.of(DEFAULT_REPORT);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size() && name.startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new BadOptionException(name.startsWith("--") ? name + " needs a value"
                        : "unexpected argument: " + arg);
            }
            switch (name) {
                case "--members" -> members = integer(name, value);
                case "--days" -> days = integer(name, value);
                case "--seed" -> seed = number(name, value);
                case "--report" -> report = path(value);
                case "--jdbc-url" -> url = Optional.of(text(name, value));
                case "--jdbc-user" -> user = Optional.of(text(name, value));
                case "--jdbc-password" -> password = Optional.of(value);
                default -> throw new BadOptionException("unknown option: " + name);
            }
        }
        return new DemoOptions(members, days, url, user, password, report, seed);
    }

    private static int integer(String name, String value) {
        long number = number(name, value);
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw new BadOptionException(name + " is out of range: " + value);
        }
        return (int) number;
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BadOptionException(name + " needs a whole number: \"" + value + "\"");
        }
    }

    private static String text(String name, String value) {
        if (value.isBlank()) {
            throw new BadOptionException(name + " must not be empty");
        }
        return value;
    }

    private static Path path(String value) {
        if (value.isBlank()) {
            throw new BadOptionException("--report must not be empty");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new BadOptionException("--report is not a usable path: " + e.getMessage());
        }
    }

    /** An option the demo cannot run with; the command prints it with the usage and exits with 2. */
    static final class BadOptionException extends AutomationException {
        BadOptionException(String message) {
            super(message);
        }
    }
}
