package io.memberautomation.core.store;

import io.memberautomation.core.tck.MessageLedgerContract;
import io.memberautomation.spi.delivery.MessageLedger;

class InMemoryMessageLedgerTest extends MessageLedgerContract {
    @Override
    protected MessageLedger newLedger() {
        return new InMemoryMessageLedger();
    }
}
