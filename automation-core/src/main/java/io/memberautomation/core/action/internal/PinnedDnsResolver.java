package io.memberautomation.core.action.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The only "DNS" one webhook call's HTTP client has: it answers the call's own host with the addresses
 * {@link DestinationGuard} already checked, and nothing else. So the client connects where the check looked,
 * and a name that rebinds between the check and the connection gains nothing.
 */
public final class PinnedDnsResolver implements DnsResolver {
    private final String host;
    private final InetAddress[] checked;

    public PinnedDnsResolver(String host, List<InetAddress> checked) {
        if (checked.isEmpty()) {
            throw new IllegalArgumentException("no checked address for " + host);
        }
        this.host = host.toLowerCase(Locale.ROOT);
        this.checked = checked.toArray(new InetAddress[0]);
    }

    /** The checked addresses for the call's host; any other name is an error, never a lookup. */
    @Override
    public InetAddress[] resolve(String name) throws UnknownHostException {
        if (!host.equals(name.toLowerCase(Locale.ROOT))) {
            throw new UnknownHostException(name + " is not the host this call checked");
        }
        return checked.clone();
    }

    /** The name as given: asking DNS for a canonical name would be a second, unchecked lookup. */
    @Override
    public String resolveCanonicalHostname(String name) {
        return name;
    }
}
