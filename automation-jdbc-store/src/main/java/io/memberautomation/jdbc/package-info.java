/**
 * The durable persistence of the member automation engine on PostgreSQL (production) and H2 (embedded):
 * {@link io.memberautomation.jdbc.JdbcPersistence} implements every storage SPI over one
 * {@link javax.sql.DataSource}; {@link io.memberautomation.jdbc.JdbcMemberDirectory} is a member directory
 * over a documented table; {@link io.memberautomation.jdbc.OutboxDrainer} reads a transactional outbox a
 * host writes; {@link io.memberautomation.jdbc.Reconciler} repairs waiting executions that lost their timers.
 *
 * <p>The module needs nothing but a {@code DataSource} at runtime: the host brings its JDBC driver and pool.
 * The schema ships as versioned SQL files per database under {@code io/memberautomation/jdbc/schema/}, with
 * Flyway-style names, for a migration tool to apply or for {@code autoCreateSchema(true)} to apply itself.
 */
@NullMarked
package io.memberautomation.jdbc;

import org.jspecify.annotations.NullMarked;
