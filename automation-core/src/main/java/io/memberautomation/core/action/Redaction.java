package io.memberautomation.core.action;

import io.memberautomation.spi.member.Member;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets and sensitive member data out of what the engine writes down: step logs (their detail and
 * error) and its own log lines. Two rules, both case-insensitive:
 * <ul>
 *   <li>a name is <em>sensitive</em> when it is one of the configured member fields
 *       ({@link #DEFAULT_SENSITIVE_FIELDS} unless the host gives its own) or contains one of
 *       {@link #SECRET_NAME_PARTS} ({@code Authorization}, {@code api_key}, {@code x-auth-token},
 *       {@code webhook-signature}, ...); {@code secretRef} is not, since it holds a name, not a secret;
 *       a dotted path ({@code member.ssn}) is judged by its last part;</li>
 *   <li>in a map, the value under a sensitive name becomes {@value #REDACTED}, and so do the {@code seen}
 *       and {@code expected} values of a condition explanation whose {@code field} is sensitive;</li>
 *   <li>in any text, the values a step was given under sensitive names (params, nested headers and body
 *       fields, URL query params) and the member's sensitive field values are replaced by
 *       {@value #REDACTED} wherever they appear, so an answer that echoes a token is caught too. Values
 *       shorter than {@value #MIN_SCRUBBED_LENGTH} characters are left in free text (replacing them would
 *       mangle ordinary words); under a sensitive name they are still redacted.</li>
 * </ul>
 * What it does not do: step outputs kept in an execution's state for later steps are data, not logs, and
 * stay as the action returned them; a secret spelled differently (re-encoded, split) in free text is not
 * recognised. Thread-safe and immutable.
 */
public final class Redaction {
    public static final String REDACTED = "[redacted]";
    /** Member fields treated as sensitive unless the host configures its own list. */
    public static final Set<String> DEFAULT_SENSITIVE_FIELDS = Set.of("ssn", "social_security_number", "password",
            "tax_id", "national_id", "iban", "card_number");
    /** A name containing any of these is a secret's name. */
    public static final List<String> SECRET_NAME_PARTS = List.of("authorization", "token", "secret", "password",
            "api_key", "apikey", "cookie", "signature");
    public static final int MIN_SCRUBBED_LENGTH = 4;

    private static final Set<String> NOT_SECRET = Set.of("secretref");
    private static final Pattern QUERY_PARAM = Pattern.compile("[?&]([^=&#\\s]+)=([^&#\\s\"']*)");
    private static final int MAX_CACHED_NAMES = 10_000;

    private final Set<String> sensitiveFields;
    private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();

    private Redaction(Set<String> sensitiveFields) {
        Set<String> lower = new LinkedHashSet<>();
        for (String field : sensitiveFields) {
            lower.add(Objects.requireNonNull(field, "sensitive field").toLowerCase(Locale.ROOT));
        }
        this.sensitiveFields = Set.copyOf(lower);
    }

    /** With {@link #DEFAULT_SENSITIVE_FIELDS}. */
    public static Redaction defaults() {
        return new Redaction(DEFAULT_SENSITIVE_FIELDS);
    }

    /** With these sensitive member fields instead of the defaults; secret-looking names are always redacted. */
    public static Redaction withSensitiveFields(Set<String> sensitiveFields) {
        return new Redaction(sensitiveFields);
    }

    /** Whether values under this name (a key, a header, a field path) are redacted. */
    public boolean isSensitive(String name) {
        Boolean known = verdicts.get(name);
        if (known != null) {
            return known;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String last = lower.substring(lower.lastIndexOf('.') + 1);
        boolean sensitive = !NOT_SECRET.contains(last) && (sensitiveFields.contains(last)
                || SECRET_NAME_PARTS.stream().anyMatch(last::contains));
        if (verdicts.size() < MAX_CACHED_NAMES) {
            verdicts.put(name, sensitive);
        }
        return sensitive;
    }

    /**
     * The secret values present in a step's params and in the member's fields, longest first: what
     * {@link #scrub} and {@link #redact} replace in free text.
     */
    public List<String> secretValues(Map<String, ?> params, Optional<Member> member) {
        Set<String> values = new LinkedHashSet<>();
        collect(params, false, values);
        member.ifPresent(m -> m.fields().forEach((name, value) -> {
            if (value != null && isSensitive(name)) {
                leaves(value, values);
            }
        }));
        values.removeIf(value -> value.length() < MIN_SCRUBBED_LENGTH);
        List<String> ordered = new ArrayList<>(values);
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(ordered);
    }

    /** The text with every one of the secret values replaced by {@value #REDACTED}. */
    public String scrub(String text, List<String> secretValues) {
        String out = text;
        for (String secret : secretValues) {
            if (out.contains(secret)) {
                out = out.replace(secret, REDACTED);
            }
        }
        return out;
    }

    /**
     * A copy of the map with values under sensitive names redacted and secret values scrubbed from every
     * string, at any depth; the map itself when nothing needed to change.
     */
    public Map<String, Object> redact(Map<String, ?> map, List<String> secretValues) {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) redactValue(map, secretValues);
        return result;
    }

    private Object redactValue(Object value, List<String> secretValues) {
        if (value instanceof String text) {
            return scrub(text, secretValues);
        }
        if (value instanceof Map<?, ?> map) {
            return redactMap(map, secretValues);
        }
        if (value instanceof List<?> list) {
            List<Object> out = null;
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                Object redacted = item == null ? null : redactValue(item, secretValues);
                if (redacted != item && out == null) {
                    out = new ArrayList<>(list.subList(0, i));
                }
                if (out != null) {
                    out.add(redacted);
                }
            }
            return out == null ? list : Collections.unmodifiableList(out);
        }
        return value;
    }

    private Object redactMap(Map<?, ?> map, List<String> secretValues) {
        Object field = map.get("field");
        boolean sensitiveLeaf = field instanceof String path && isSensitive(path);
        Map<Object, Object> out = null;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            Object redacted;
            if (value == null) {
                redacted = null;
            } else if (isSensitive(key) || (sensitiveLeaf && (key.equals("seen") || key.equals("expected")))) {
                redacted = REDACTED;
            } else {
                redacted = redactValue(value, secretValues);
            }
            if (redacted != value && out == null) {
                out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> before : map.entrySet()) {
                    if (before.getKey() == entry.getKey()) {
                        break;
                    }
                    out.put(before.getKey(), before.getValue());
                }
            }
            if (out != null) {
                out.put(entry.getKey(), redacted);
            }
        }
        return out == null ? map : Collections.unmodifiableMap(out);
    }

    /** Values under sensitive names, at any depth, and sensitive query params of any URL-like string. */
    private void collect(Object value, boolean underSensitiveName, Set<String> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> {
                if (inner != null) {
                    collect(inner, underSensitiveName || isSensitive(String.valueOf(key)), into);
                }
            });
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> {
                if (item != null) {
                    collect(item, underSensitiveName, into);
                }
            });
        } else if (underSensitiveName) {
            leaves(value, into);
        } else if (value instanceof String text && text.indexOf('=') > 0) {
            Matcher param = QUERY_PARAM.matcher(text);
            while (param.find()) {
                if (isSensitive(param.group(1)) && !param.group(2).isEmpty()) {
                    into.add(param.group(2));
                    try {
                        into.add(URLDecoder.decode(param.group(2), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException malformedEscape) {
                        // the raw text is already collected; a broken %-escape has no decoded form
                    }
                }
            }
        }
    }

    /** A secret's text, and for {@code "Bearer abc"} also the credential after the scheme; never a flag. */
    private static void leaves(Object value, Set<String> into) {
        if (value instanceof Boolean) {
            return;
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            (value instanceof Map<?, ?> map ? map.values() : (Collection<?>) value).forEach(inner -> {
                if (inner != null) {
                    leaves(inner, into);
                }
            });
            return;
        }
        String text = String.valueOf(value).strip();
        into.add(text);
        String[] words = text.split("\\s+");
        for (int i = 1; i < words.length; i++) {
            into.add(words[i]);
        }
    }
}
