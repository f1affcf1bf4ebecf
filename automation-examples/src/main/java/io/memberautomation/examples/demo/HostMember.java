package io.memberautomation.examples.demo;

import io.memberautomation.spi.member.Member;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One member as the organisation's own records hold it: what the simulated staff and members read before
 * they act (who is due to renew, who is gold). Mutable, unlike the engine's values, because it is the
 * simulation's running state; it is confined to the thread that drives the demo. The engine sees a member
 * only as the {@link Member} that {@link #toMember} makes and as the changes the host reports.
 */
final class HostMember {
    final String id;
    final String firstName;
    final String lastName;
    final ZoneId zone;
    /** How likely the member is to come to an event, 0 to 1; the host's guess, never stored. */
    final double engagement;
    final Optional<String> email;
    final boolean emailOptOut;
    final Optional<String> phone;
    final boolean smsOptOut;
    final LocalDate joinedOn;
    final boolean autoRenew;
    final List<String> tags;
    String status;
    String tier;
    LocalDate renewalDate;
    int eventsAttended;
    Optional<LocalDate> lastAttended;
    boolean paymentOutstanding;

    HostMember(String id, String firstName, String lastName, ZoneId zone, double engagement, Optional<String> email,
               boolean emailOptOut, Optional<String> phone, boolean smsOptOut, LocalDate joinedOn, boolean autoRenew,
               List<String> tags) {
        this.id = id;
        this.firstName = firstName;
        this.lastName = lastName;
        this.zone = zone;
        this.engagement = engagement;
        this.email = email;
        this.emailOptOut = emailOptOut;
        this.phone = phone;
        this.smsOptOut = smsOptOut;
        this.joinedOn = joinedOn;
        this.autoRenew = autoRenew;
        this.tags = List.copyOf(tags);
        this.status = "active";
        this.tier = "standard";
        this.renewalDate = joinedOn.plusYears(1);
        this.lastAttended = Optional.empty();
    }

    boolean active() {
        return status.equals("active");
    }

    String name() {
        return firstName + " " + lastName;
    }

    /** The member record the engine's directory stores; dates as ISO text, as a host's JSON would have them. */
    Member toMember(String organizationId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("first_name", firstName);
        fields.put("last_name", lastName);
        email.ifPresent(address -> fields.put(Member.EMAIL, address));
        fields.put(Member.EMAIL_OPT_OUT, emailOptOut);
        phone.ifPresent(number -> fields.put(Member.PHONE, number));
        fields.put(Member.SMS_OPT_OUT, smsOptOut);
        fields.put(Member.STATUS, status);
        fields.put("tier", tier);
        fields.put(Member.TIMEZONE, zone.getId());
        fields.put("joined_at", joinedOn.toString());
        fields.put("renewal_date", renewalDate.toString());
        fields.put("auto_renew", autoRenew);
        fields.put("events_attended", (long) eventsAttended);
        lastAttended.ifPresent(date -> fields.put("last_attended_at", date.toString()));
        fields.put("payment_status", "current");
        fields.put(Member.TAGS, new ArrayList<>(tags));
        return new Member(id, organizationId, fields);
    }
}
