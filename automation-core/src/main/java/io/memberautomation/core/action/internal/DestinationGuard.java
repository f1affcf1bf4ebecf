package io.memberautomation.core.action.internal;

import io.memberautomation.core.action.HostResolver;
import io.memberautomation.spi.delivery.DeliveryException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides where a webhook may connect: resolves the host once, refuses the call if any address breaks
 * {@link AddressRules} (unless allow-listed), and hands back the checked addresses as literals, so the
 * connection goes where the check looked and DNS is never asked twice.
 */
public final class DestinationGuard {
    /** Names that reach a cloud's instance metadata service without any address rule noticing the name. */
    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata",
            "metadata.goog", "instance-data", "instance-data.ec2.internal", "metadata.azure.internal");

    private final List<Cidr> allowedBlocks;
    private final Set<String> allowedHosts;
    private final HostResolver resolver;

    public DestinationGuard(List<Cidr> allowedBlocks, Set<String> allowedHosts, HostResolver resolver) {
        this.allowedBlocks = List.copyOf(allowedBlocks);
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.resolver = resolver;
    }

    /**
     * The addresses to connect to, each one checked, in the resolver's order.
     *
     * @throws DeliveryException not retryable when the destination is refused; retryable when the name
     *                           cannot be resolved now
     */
    public List<InetAddress> check(WebhookTarget target) {
        if (target.literal().isPresent()) {
            return List.of(checkedLiteral(target, target.literal().get()));
        }
        String host = target.host();
        boolean allowedHost = allowedHosts.contains(host);
        if (!allowedHost && (host.equals("localhost") || host.endsWith(".localhost"))) {
            throw refused("refused: " + host + " is a loopback name (localhost)");
        }
        if (!allowedHost && METADATA_NAMES.contains(host)) {
            throw refused("refused: " + host + " is a cloud metadata name");
        }
        List<InetAddress> answer = resolve(host);
        List<InetAddress> checked = new ArrayList<>(answer.size());
        for (InetAddress address : answer) {
            byte[] bytes = address.getAddress();
            if (!allowedHost && !allowed(bytes)) {
                AddressRules.refusal(bytes).ifPresent(reason -> {
                    throw refused("refused: " + host + " resolves to " + InetAddressText.of(bytes) + ", " + reason);
                });
            }
            checked.add(literal(bytes));
        }
        return List.copyOf(checked);
    }

    private InetAddress checkedLiteral(WebhookTarget target, byte[] bytes) {
        String address = InetAddressText.of(bytes);
        if (!allowed(bytes)) {
            Optional<String> reason = AddressRules.refusal(bytes);
            if (reason.isPresent()) {
                throw refused(target.host().equals(address)
                        ? "refused: " + address + " is " + reason.get()
                        : "refused: " + target.host() + " means " + address + ", " + reason.get());
            }
        }
        if (!target.canonical()) {
            throw refused("refused: " + target.host() + " is a non-canonical spelling of " + address
                    + "; write the address as " + address);
        }
        return literal(bytes);
    }

    private boolean allowed(byte[] address) {
        for (Cidr block : allowedBlocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private List<InetAddress> resolve(String host) {
        List<InetAddress> answer;
        try {
            answer = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new DeliveryException("webhook host " + host + " could not be resolved", true, e);
        }
        if (answer == null || answer.isEmpty()) {
            throw new DeliveryException("webhook host " + host + " could not be resolved", true, Optional.empty());
        }
        return answer;
    }

    private static InetAddress literal(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + bytes.length + " bytes", e);
        }
    }

    private static DeliveryException refused(String message) {
        return new DeliveryException(message, false, Optional.empty());
    }
}
