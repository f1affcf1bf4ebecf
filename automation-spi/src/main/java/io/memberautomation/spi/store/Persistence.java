package io.memberautomation.spi.store;

/**
 * The stores that must share one transactional home: an {@link ExecutionStore}'s commits write timers
 * and queue entries into this persistence's {@link TimerStore} and {@link WorkQueue}.
 */
public interface Persistence {
    DefinitionStore definitions();

    ExecutionStore executions();

    WorkQueue queue();

    TimerStore timers();
}
