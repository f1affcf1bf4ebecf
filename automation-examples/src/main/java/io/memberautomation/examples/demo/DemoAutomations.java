package io.memberautomation.examples.demo;

import io.memberautomation.spi.AutomationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The demo's six automations, kept as {@code demo/<id>.automation.json} resources (the repository's
 * example test validates them like every {@code *.automation.json}). Their webhooks name
 * {@value #PLACEHOLDER_ORIGIN}; the demo points them at its local receiver, which listens on a free port,
 * when it loads them.
 */
final class DemoAutomations {
    /** The origin the files' webhook URLs use. */
    static final String PLACEHOLDER_ORIGIN = "http://127.0.0.1:8089";
    /** The automation ids, in the order the report shows them. */
    static final List<String> IDS = List.of("welcome-series", "payment-dunning", "renewal-reminder", "re-engagement",
            "vip-upgrade", "weekly-admin-digest");

    private DemoAutomations() {}

    /** The documents, in {@link #IDS} order, with their webhooks aimed at {@code receiverOrigin}. */
    static List<String> load(String receiverOrigin) {
        return IDS.stream().map(id -> resource("/demo/" + id + ".automation.json")
                .replace(PLACEHOLDER_ORIGIN + "/", receiverOrigin + "/")).toList();
    }

    static String resource(String name) {
        try (InputStream in = DemoAutomations.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new AutomationException("the demo resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AutomationException("could not read the demo resource " + name + ": " + e.getMessage(), e);
        }
    }
}
