package dev.tether;

import java.time.Duration;

/**
 * A transaction's boundary, as {@link StatementListener#onTransaction} hears it: it began (a
 * connection was taken from the pool and the transaction started on it), committed or rolled back.
 *
 * @param boundary which boundary
 * @param duration how long the boundary took (for {@link Boundary#BEGIN}, including the wait for a
 *     pooled connection)
 * @param failure what made it fail, or {@code null}; a failed COMMIT's outcome may be unknown
 *     ({@link CommitOutcomeUnknownException})
 */
public record TransactionEvent(Boundary boundary, Duration duration, RuntimeException failure) {
  /** A transaction's boundaries. */
  public enum Boundary {
    /** The transaction began. */
    BEGIN,
    /** It committed. */
    COMMIT,
    /** It rolled back. */
    ROLLBACK
  }

  /** Whether the boundary was crossed without failure. */
  public boolean succeeded() {
    return failure == null;
  }
}
