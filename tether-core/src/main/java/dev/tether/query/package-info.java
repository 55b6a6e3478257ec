/**
 * The typed query builder ({@code session.select(...)}) and the loading strategies (lazy, selectin,
 * joined, raise, write-only). Exported: its public types are API (README "Modules and the public
 * API"); the machinery beside them (SQL rendering, fetching, lazy loading) is package-private, and
 * what the session needs reaches it through {@code dev.tether.query.internal}.
 *
 * <p>May import the root API, {@code mapping}, {@code attribute}, {@code sql} and {@code
 * query.internal}; never {@code schema}, {@code session} or a dialect package.
 */
package dev.tether.query;
