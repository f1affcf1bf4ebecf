package io.memberautomation.core.schedule;

import io.memberautomation.core.model.ZoneChoice;
import io.memberautomation.spi.member.Member;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Resolves a {@link ZoneChoice} with the format's fallbacks: the member's zone, else the automation's,
 * else the organization's, else UTC.
 *
 * @param automationZone the automation's {@code timezone}
 * @param organizationZone the organization's zone
 */
public record ZoneResolver(Optional<ZoneId> automationZone, Optional<ZoneId> organizationZone) {

    /** The automation's zone, else the organization's, else UTC. */
    public ZoneId automationOrFallback() {
        return automationZone.or(() -> organizationZone).orElse(ZoneOffset.UTC);
    }

    public ZoneId resolve(ZoneChoice choice, Optional<Member> member) {
        if (choice instanceof ZoneChoice.Fixed fixed) {
            return fixed.zone();
        }
        if (choice instanceof ZoneChoice.Member) {
            Optional<ZoneId> own = member.flatMap(Member::timezone);
            if (own.isPresent()) {
                return own.get();
            }
        }
        return automationOrFallback();
    }
}
