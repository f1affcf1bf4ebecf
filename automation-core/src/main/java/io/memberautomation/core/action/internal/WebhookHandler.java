package io.memberautomation.core.action.internal;

import io.memberautomation.core.action.BuiltInActions;
import io.memberautomation.core.action.SecretResolver;
import io.memberautomation.spi.action.ActionContext;
import io.memberautomation.spi.action.ActionHandler;
import io.memberautomation.spi.action.ActionResult;
import io.memberautomation.spi.action.ParamProblem;
import io.memberautomation.spi.delivery.DeliveryException;
import io.memberautomation.spi.delivery.WebhookRequest;
import io.memberautomation.spi.delivery.WebhookResponse;
import io.memberautomation.spi.delivery.WebhookTransport;
import io.memberautomation.spi.member.Member;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code webhook}: one HTTP call through the host's transport; the HTTP status decides the outcome. */
final class WebhookHandler implements ActionHandler {
    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** Enough of a failed answer's body for a person reading the step log. */
    private static final int FAILURE_BODY_CHARS = 2000;

    private final WebhookTransport transport;
    private final Duration timeout;
    private final SecretResolver secrets;

    WebhookHandler(WebhookTransport transport, Duration timeout, SecretResolver secrets) {
        this.transport = transport;
        this.timeout = timeout;
        this.secrets = secrets;
    }

    @Override
    public String type() {
        return BuiltInActions.WEBHOOK;
    }

    @Override
    public List<ParamProblem> validateParams(Map<String, Object> params) {
        List<ParamProblem> problems = new ArrayList<>();
        Optional<String> url = Params.text(params, "url");
        if (url.isEmpty()) {
            problems.add(new ParamProblem("url", "webhook needs a url"));
        } else if (!url.get().contains("{{") && !url.get().toLowerCase(Locale.ROOT).matches("https?://.+")) {
            problems.add(new ParamProblem("url", "webhook url must be an absolute http(s) URL"));
        }
        Params.text(params, "method").filter(m -> !m.contains("{{"))
                .filter(m -> !METHODS.contains(m.toUpperCase(Locale.ROOT)))
                .ifPresent(m -> problems.add(new ParamProblem("method", "method must be one of " + METHODS)));
        if (params.containsKey("headers") && !(params.get("headers") instanceof Map)) {
            problems.add(new ParamProblem("headers", "headers must be an object of names to values"));
        }
        return problems;
    }

    @Override
    public ActionResult execute(ActionContext context) {
        Optional<String> url = Params.text(context.params(), "url");
        if (url.isEmpty()) {
            return ActionResult.permanentFailure("webhook needs a url param");
        }
        String method = Params.text(context.params(), "method").orElse("POST").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            return ActionResult.permanentFailure("webhook method must be one of " + METHODS + ", not " + method);
        }
        Object headers = context.params().getOrDefault("headers", Map.of());
        if (!(headers instanceof Map<?, ?> headerMap)) {
            return ActionResult.permanentFailure("webhook headers must be an object of names to values");
        }
        Map<String, String> headerValues = headerValues(headerMap);
        Optional<String> body = body(context, method);
        Optional<String> secretRef = Params.text(context.params(), "secretRef");
        if (secretRef.isPresent()) {
            Optional<byte[]> key = secrets.resolve(context.organizationId(), secretRef.get());
            if (key.isEmpty() || key.get().length == 0) {
                return ActionResult.permanentFailure("unknown secretRef " + secretRef.get());
            }
            headerValues.keySet().removeIf(name -> name.equalsIgnoreCase(WebhookSignature.ID)
                    || name.equalsIgnoreCase(WebhookSignature.TIMESTAMP)
                    || name.equalsIgnoreCase(WebhookSignature.SIGNATURE));
            headerValues.putAll(WebhookSignature.headers(context.idempotencyKey(), context.now(), body.orElse(""),
                    key.get()));
        }
        WebhookRequest request = new WebhookRequest(context.organizationId(), url.get(), method, headerValues, body,
                context.idempotencyKey(), secretRef, timeout);
        WebhookResponse response;
        try {
            response = transport.send(request);
        } catch (DeliveryException e) {
            return Results.fromDelivery(e, Map.of("url", request.url()));
        }
        return outcome(request.url(), response, context.now());
    }

    private static Map<String, String> headerValues(Map<?, ?> headers) {
        Map<String, String> values = new LinkedHashMap<>();
        headers.forEach((name, value) -> values.put(String.valueOf(name), String.valueOf(value)));
        return values;
    }

    /** The body param as JSON (a string as it is); without one, the event and member id for POST, PUT, PATCH. */
    private static Optional<String> body(ActionContext context, String method) {
        Object body = context.params().get("body");
        if (body instanceof String text) {
            return Optional.of(text);
        }
        if (body != null) {
            return Optional.of(Json.write(body));
        }
        if (method.equals("GET") || method.equals("DELETE")) {
            return Optional.empty();
        }
        Map<String, Object> standard = new LinkedHashMap<>();
        standard.put("event", context.event());
        context.member().map(Member::id).ifPresent(id -> standard.put("member_id", id));
        return Optional.of(Json.write(standard));
    }

    /** The step output names the URL called, so a step log (and a dry run's report) says where each attempt went. */
    private static ActionResult outcome(String url, WebhookResponse response, Instant now) {
        int status = response.status();
        String text = response.body().orElse("");
        if (status >= 200 && status < 300) {
            Map<String, Object> output = new LinkedHashMap<>();
            Optional<Object> answer = text.isBlank() ? Optional.empty() : Json.parse(text);
            if (answer.isPresent() && answer.get() instanceof Map<?, ?> fields) {
                fields.forEach((key, value) -> output.put(String.valueOf(key), value));
            } else {
                output.put("body", text);
            }
            output.put("status", status);
            output.put("url", url);
            return ActionResult.success(output);
        }
        Map<String, Object> output = Map.of("status", status,
                "body", text.length() > FAILURE_BODY_CHARS ? text.substring(0, FAILURE_BODY_CHARS) : text,
                "url", url);
        String message = "webhook answered " + status;
        if (status >= 500 || status == 429) {
            Optional<Instant> notBefore = RetryAfter.parse(response.header("Retry-After"), now);
            return new ActionResult.Failure(message, true, notBefore, output);
        }
        return new ActionResult.Failure(message, false, Optional.empty(), output);
    }
}
