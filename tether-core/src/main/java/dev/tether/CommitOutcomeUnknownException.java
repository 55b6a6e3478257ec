package dev.tether;

/**
 * The connection failed while COMMIT was in flight, so Tether cannot know whether the transaction
 * was committed: the database may have applied every write, or none. Tether never retries such a
 * transaction by itself ({@code Database.inTransaction} rethrows this at once), since a retry could
 * apply the writes twice. Check in a new session whether the writes are there (a unique business
 * key, an idempotency token) before doing the work again. CockroachDB calls this an ambiguous
 * result; every database that acknowledges COMMIT over a network has it.
 *
 * <p>The session is usable afterwards, and its objects are as after {@code rollback()}: new ones
 * transient again, loaded ones back to their values at the transaction's start. That is right if
 * the COMMIT did not happen and must be checked against the database if it did. {@link #getCause()}
 * is the driver's failure, as an ordinary {@code DatabaseException}.
 */
public class CommitOutcomeUnknownException extends DatabaseException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code cause}, the COMMIT's failure. */
  public CommitOutcomeUnknownException(DatabaseException cause) {
    super(
        "commit-outcome-unknown",
        "The connection failed while COMMIT was in flight ("
            + cause.getMessage()
            + "): the transaction may or may not have been committed. Tether did not retry it;"
            + " check in a new session whether its writes are there before doing the work again.",
        cause.sqlState(),
        cause);
  }
}
