package io.memberautomation.jdbc;

/**
 * The clock that decides when a lease on queued work or on a claimed schedule ends. Due times are always
 * on the engine's clock; this is only about liveness: when another node may take over work whose node
 * stopped extending its lease.
 */
public enum LeaseClock {
    /**
     * The database's {@code CURRENT_TIMESTAMP} (the default): every node measures leases against the one
     * clock they share, so nodes whose clocks disagree neither take work from a live node nor keep work
     * they gave up.
     */
    DATABASE,
    /**
     * The {@code now} the engine passes with each claim and heartbeat: for tests that move a test clock
     * past a lease (the SPI's contract suites do), with nodes that share that clock.
     */
    ENGINE
}
