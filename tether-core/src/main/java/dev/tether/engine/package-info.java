/**
 * What a {@code Database} stands on, below the sessions: the dialect chosen from a URL or a data
 * source, the connection pool, the SQL executor and the rendered-statement cache, and the schema
 * DDL ({@code createAll}, {@code dropAll}). Knows nothing of sessions or objects; the session layer
 * above opens its transactions through it.
 */
package dev.tether.engine;
