/**
 * The PostgreSQL dialect, kept within the SQL that PostgreSQL-compatible distributed engines
 * (CockroachDB, YugabyteDB) accept.
 *
 * <p>A leaf: may import only the root API, {@code mapping} and {@code sql}; never another dialect.
 */
package dev.tether.sql.postgresql;
