package io.memberautomation.core.action;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a webhook's host name into addresses, once per call: {@link DefaultWebhookTransport} checks every
 * address it returns and then connects to one of those same addresses, never asking again. A host replaces
 * it to route through its own DNS, or in tests to answer names without a network.
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * The addresses of a name (never an empty name, never an IP literal: the transport reads those itself).
     *
     * @throws UnknownHostException when the name has no address
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver, {@link InetAddress#getAllByName(String)}. */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
