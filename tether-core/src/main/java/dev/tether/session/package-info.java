/**
 * The session and its engine: identity map, unit of work, flush planning (topological order),
 * cascades, transactions, and the choice of dialect for a connection.
 *
 * <p>The top layer: may import the root API and every other internal package ({@code mapping},
 * {@code attribute}, {@code sql} and its dialects, {@code query}, {@code schema}); nothing below
 * imports it.
 */
package dev.tether.session;
