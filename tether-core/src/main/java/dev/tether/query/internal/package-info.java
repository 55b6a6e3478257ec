/**
 * The query layer's internal side, which the module does not export: {@link
 * dev.tether.query.internal.QueryContext} (what a query needs from the session that runs it) and
 * {@link dev.tether.query.internal.Queries} (the session's door into {@code dev.tether.query}: it
 * builds the selects and bulk statements {@code Session} hands out and runs lazy loads).
 *
 * <p>Part of the query layer: may import the root API, {@code mapping}, {@code attribute} and
 * {@code sql}. {@code dev.tether.query} uses {@code QueryContext}; in the other direction only
 * {@code Queries} names {@code dev.tether.query}'s API types, and {@code dev.tether.query} installs
 * the implementation (the JDK's {@code SharedSecrets} pattern), so the query builder's constructors
 * stay out of the public API.
 */
package dev.tether.query.internal;
