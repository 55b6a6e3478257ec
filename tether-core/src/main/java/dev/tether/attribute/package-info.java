/**
 * Per-instance state: the {@code One}/{@code Many} relationship containers, back-population events
 * that keep both sides in sync, collection bookkeeping and dirty tracking.
 *
 * <p>May import the root API and {@code mapping}; never JDBC or {@code sql}, {@code query}, {@code
 * schema}, {@code session}: in-memory sync runs no SQL.
 */
package dev.tether.attribute;
