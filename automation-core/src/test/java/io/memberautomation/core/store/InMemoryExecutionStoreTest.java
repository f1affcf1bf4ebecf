package io.memberautomation.core.store;

import io.memberautomation.core.tck.ExecutionStoreContract;
import io.memberautomation.spi.store.Persistence;

class InMemoryExecutionStoreTest extends ExecutionStoreContract {
    @Override
    protected Persistence newPersistence() {
        return new InMemoryPersistence();
    }
}
