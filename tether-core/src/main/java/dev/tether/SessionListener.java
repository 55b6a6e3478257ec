package dev.tether;

/**
 * Observes every session of a {@link Database}: flushes and the end of each transaction. Register
 * it with {@link Database#addSessionListener}; override only the events needed.
 *
 * <pre>{@code
 * db.addSessionListener(new SessionListener() {
 *   @Override public void afterCommit(Session session) {
 *     outbox.send();       // what the transaction queued, now that it is durable
 *   }
 *   @Override public void afterRollback(Session session) {
 *     outbox.discard();
 *   }
 * });
 * }</pre>
 *
 * <p>When each runs:
 *
 * <ul>
 *   <li>{@link #beforeFlush} and {@link #afterFlush}: around every flush that has something to
 *       write (explicit, before a commit, or an autoflush before a query); a flush of a session
 *       without changes runs neither. Objects added, deleted or changed in {@code beforeFlush} are
 *       written by the same flush. {@code afterFlush} runs once the rows are written and the
 *       session's memory agrees with them, inside the transaction; changes made there wait for the
 *       next flush.
 *   <li>{@link #afterCommit}: after each successful {@code commit()}.
 *   <li>{@link #afterRollback}: once each time a database transaction of the session is rolled
 *       back: by {@code rollback()}, by a failed flush or commit, or by {@code close()} with
 *       uncommitted work. A {@code rollback()} with no transaction open, or the rollback of a
 *       savepoint ({@link NestedTransaction}), does not run it.
 * </ul>
 *
 * So every transaction ends with exactly one {@code afterCommit} or {@code afterRollback}; {@link
 * Database#inTransaction} runs a retried attempt in a session of its own, so each failed attempt
 * ends with an {@code afterRollback}. An exception thrown here reaches the caller as an {@link
 * EventException}; from a flush event it fails the flush (rolled back, changes kept pending).
 */
public interface SessionListener {
  /** Before a flush computes what to write; changes made here are flushed too. */
  default void beforeFlush(Session session) {}

  /** After a flush has written its rows, before the transaction ends. */
  default void afterFlush(Session session) {}

  /** After the session's transaction committed. */
  default void afterCommit(Session session) {}

  /** After the session's database transaction was rolled back. */
  default void afterRollback(Session session) {}
}
