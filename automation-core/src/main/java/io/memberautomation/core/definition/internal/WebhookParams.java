package io.memberautomation.core.definition.internal;

import io.memberautomation.core.definition.ParamProblem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code webhook}: url, method, headers, body, secretRef. */
final class WebhookParams {
    private WebhookParams() {}

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** A placeholder is rendered per member at run time, so only the text around it can be checked now. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^{}]*}}");

    static List<ParamProblem> validate(Map<String, Object> params) {
        ParamChecker check = new ParamChecker("webhook", params,
                List.of("url", "method", "headers", "body", "secretRef"));
        check.requiredText("url").ifPresent(url -> checkUrl(url, check));
        check.optionalText("method").ifPresent(method -> {
            if (!METHODS.contains(method)) {
                check.invalid("method", Values.quote(method) + " is not one of " + String.join(", ", METHODS));
            }
        });
        check.value("headers").ifPresent(headers -> checkHeaders(headers, check));
        check.optionalText("secretRef");
        return check.problems();
    }

    private static void checkUrl(String url, ParamChecker check) {
        String probe = PLACEHOLDER.matcher(url).replaceAll("x");
        try {
            URI uri = new URI(probe);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                check.invalid("url", Values.quote(url) + " is not an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            check.invalid("url", Values.quote(url) + " is not a URL: " + e.getReason());
        }
    }

    private static void checkHeaders(Object headers, ParamChecker check) {
        if (!(headers instanceof Map<?, ?> map)) {
            check.invalid("headers", "expected an object of header names to strings, got "
                    + ParamChecker.describe(headers));
            return;
        }
        map.forEach((name, value) -> {
            if (!(value instanceof String)) {
                check.add(ParamProblem.invalid(JsonPath.ROOT.key("headers").key(String.valueOf(name)).relative(),
                        "a header value must be a string, got " + ParamChecker.describe(value)));
            }
        });
    }
}
