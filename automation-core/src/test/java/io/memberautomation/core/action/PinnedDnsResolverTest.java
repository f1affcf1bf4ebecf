package io.memberautomation.core.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memberautomation.core.action.internal.PinnedDnsResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resolver HttpClient is given: the call's checked addresses, and no lookup ever. */
class PinnedDnsResolverTest {
    private static final InetAddress CHECKED = address(93, 184, 215, 14);

    @Test
    void resolve_whenAskedForTheCallsHostInAnyCase_answersTheCheckedAddresses() throws UnknownHostException {
        PinnedDnsResolver resolver = new PinnedDnsResolver("hooks.example", List.of(CHECKED));

        assertThat(resolver.resolve("Hooks.Example")).containsExactly(CHECKED);
    }

    @Test
    void resolve_whenAskedForAnotherName_throwsWithoutLookingItUp() {
        PinnedDnsResolver resolver = new PinnedDnsResolver("hooks.example", List.of(CHECKED));

        assertThatThrownBy(() -> resolver.resolve("localhost"))
                .isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("not the host this call checked");
    }

    @Test
    void resolve_whenCallerChangesTheAnswer_keepsItsOwnCopy() throws UnknownHostException {
        PinnedDnsResolver resolver = new PinnedDnsResolver("hooks.example", List.of(CHECKED));

        resolver.resolve("hooks.example")[0] = address(127, 0, 0, 1);

        assertThat(resolver.resolve("hooks.example")).containsExactly(CHECKED);
    }

    @Test
    void resolveCanonicalHostname_whenAsked_returnsTheNameUnresolved() {
        PinnedDnsResolver resolver = new PinnedDnsResolver("hooks.example", List.of(CHECKED));

        assertThat(resolver.resolveCanonicalHostname("hooks.example")).isEqualTo("hooks.example");
    }

    @Test
    void create_whenNoAddressWasChecked_throws() {
        assertThatThrownBy(() -> new PinnedDnsResolver("hooks.example", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
