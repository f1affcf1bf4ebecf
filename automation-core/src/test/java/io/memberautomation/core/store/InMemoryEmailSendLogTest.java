package io.memberautomation.core.store;

import io.memberautomation.core.tck.EmailSendLogContract;
import io.memberautomation.spi.delivery.EmailSendLog;

class InMemoryEmailSendLogTest extends EmailSendLogContract {
    @Override
    protected EmailSendLog newLog() {
        return new InMemoryEmailSendLog();
    }
}
