package io.memberautomation.core.store;

import io.memberautomation.core.tck.TimerStoreContract;
import io.memberautomation.spi.store.Persistence;

class InMemoryTimerStoreTest extends TimerStoreContract {
    @Override
    protected Persistence newPersistence() {
        return new InMemoryPersistence();
    }
}
