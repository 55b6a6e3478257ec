package dev.tether;

/**
 * What a session does when the same lazy relationship keeps loading for one object at a time — the
 * N+1 pattern — set with {@link Session#setLazyLoadGuard}. A development and test guard: turn it on
 * in tests so that a loop that runs one query per object fails the build.
 *
 * <p>A lazy load of an object loaded by a query normally serves the object's peers too (one IN
 * query per batch), so it does not count. What counts is a load that served one object alone:
 * objects fetched one by one with {@code session.get}, or batching turned off.
 */
public enum LazyLoadGuard {
  /** No detection (the default). */
  OFF,
  /** Logs a warning (logger {@code dev.tether.query}) naming the relationship and the fix. */
  LOG,
  /** Throws a {@link LazyLoadException} naming the relationship and the option to add. */
  RAISE
}
