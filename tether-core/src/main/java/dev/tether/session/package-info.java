/**
 * The session: identity map, unit of work (the flush in named parts), cascades, merge, autoflush,
 * transactions and savepoints, and turning rows into tracked objects.
 *
 * <p>The top layer: may import the root API and every other internal package ({@code mapping},
 * {@code attribute}, {@code sql}, {@code query}, {@code schema}, {@code engine}); nothing below
 * imports it.
 */
package dev.tether.session;
