/**
 * The SQLite dialect (file or in-memory databases, the embedded default).
 *
 * <p>A leaf: may import only the root API, {@code mapping} and {@code sql}; never another dialect.
 */
package dev.tether.sql.sqlite;
