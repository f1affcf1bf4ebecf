package io.memberautomation.examples.simulate;

import io.memberautomation.spi.delivery.WebhookRequest;
import io.memberautomation.spi.delivery.WebhookResponse;
import io.memberautomation.spi.delivery.WebhookTransport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers webhook calls from a script instead of the network: per URL the scripted answers in order, the
 * last one repeating once the list runs out; a URL with no script answers 404.
 */
final class ScriptedWebhookTransport implements WebhookTransport {
    static final int UNSCRIPTED_STATUS = 404;

    private final Map<String, List<WebhookResponse>> scripts;
    private final Map<String, Integer> calls = new HashMap<>();

    ScriptedWebhookTransport(Map<String, List<WebhookResponse>> scripts) {
        this.scripts = Map.copyOf(scripts);
    }

    @Override
    public synchronized WebhookResponse send(WebhookRequest request) {
        List<WebhookResponse> script = scripts.get(request.url());
        if (script == null) {
            return new WebhookResponse(UNSCRIPTED_STATUS, Map.of(),
                    Optional.of("the scenario scripts no answer for " + request.url()));
        }
        int call = calls.merge(request.url(), 1, Integer::sum) - 1;
        return script.get(Math.min(call, script.size() - 1));
    }
}
