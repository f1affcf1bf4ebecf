package io.memberautomation.core.store;

import io.memberautomation.spi.delivery.EmailSendLog;
import io.memberautomation.spi.delivery.EmailSendRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Email send records in memory, in the order they were made. */
public final class InMemoryEmailSendLog implements EmailSendLog {
    private final List<EmailSendRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public void record(EmailSendRecord record) {
        records.add(record);
    }

    @Override
    public List<EmailSendRecord> forMember(String organizationId, String memberId) {
        return records.stream().filter(r -> r.organizationId().equals(organizationId) && r.memberId().equals(memberId))
                .toList();
    }

    /** Every record, oldest first. */
    public List<EmailSendRecord> all() {
        return List.copyOf(records);
    }
}
