/**
 * Tether in Spring Framework transactions: {@link dev.tether.spring.TetherTransactionManager} binds
 * one Tether session to each Spring transaction (shared with {@code JdbcTemplate} on the same
 * {@code DataSource}), and {@link dev.tether.spring.TetherSessions} hands out the current
 * transaction's session, directly or as an injectable proxy.
 */
package dev.tether.spring;
