/**
 * Tether for Jackson 3: {@link dev.tether.jackson.TetherModule}, the one public type (with its
 * options), writes models as JSON knowing which relationships are pairs and which are loaded, and
 * reads JSON into new models.
 *
 * <p>Everything else here is package-private. It reads Tether's mapping ({@code
 * dev.tether.mapping}) and per-object state ({@code dev.tether.attribute}: whether a relationship
 * is loaded, its contents without loading), which tether-core exports to this module only; it never
 * uses the session, query or SQL layers, so it cannot run a statement.
 */
package dev.tether.jackson;
