package io.memberautomation.core.store;

import io.memberautomation.core.tck.DefinitionStoreContract;
import io.memberautomation.spi.store.Persistence;

class InMemoryDefinitionStoreTest extends DefinitionStoreContract {
    @Override
    protected Persistence newPersistence() {
        return new InMemoryPersistence();
    }
}
