/**
 * The typed query builder ({@code session.select(...)}) and the loading strategies (lazy, selectin,
 * joined, raise, write-only).
 *
 * <p>May import the root API, {@code mapping}, {@code attribute} and {@code sql}; never {@code
 * schema}, {@code session} or a dialect package.
 */
package dev.tether.query;
