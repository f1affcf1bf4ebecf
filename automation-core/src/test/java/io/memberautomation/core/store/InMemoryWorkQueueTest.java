package io.memberautomation.core.store;

import io.memberautomation.core.tck.WorkQueueContract;
import io.memberautomation.spi.store.Persistence;

class InMemoryWorkQueueTest extends WorkQueueContract {
    @Override
    protected Persistence newPersistence() {
        return new InMemoryPersistence();
    }
}
