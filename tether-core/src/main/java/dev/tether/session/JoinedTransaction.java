package dev.tether.session;

import dev.tether.ExternalTransaction;
import dev.tether.SessionStateException;
import dev.tether.sql.Executor;
import dev.tether.sql.SqlConnection;
import java.sql.Connection;

/**
 * The transaction of a session that joined one someone else owns ({@code Database.join}): its
 * statements run on the owner's connection, which it never begins, commits, rolls back, closes or
 * switches to autocommit. Where a session's own transaction would roll back (a failed flush, a
 * close before the end), this one marks the transaction rollback-only, and {@link JoinedSession}
 * refuses the owner's commit.
 */
final class JoinedTransaction extends Transaction {
  private final ExternalTransaction owner;
  private SqlConnection connection;

  /** Rollbacks asked for in the owner's current transaction (failed flushes, an early close). */
  private int rollbacksAsked;

  JoinedTransaction(ExternalTransaction owner, Executor executor, boolean readOnly) {
    super(null, executor, null, readOnly);
    this.owner = owner;
  }

  @Override
  void requireOwner(String action) {
    throw new SessionStateException(
        "external-transaction",
        "Cannot "
            + action
            + ": this session joined a transaction that its owner ends (Database.join, e.g. a"
            + " Spring @Transactional method). flush() writes the session's changes now; the"
            + " owner's commit flushes the rest, and its rollback undoes them. Throw (or mark the"
            + " transaction rollback-only) to roll back.");
  }

  @Override
  boolean endedBySession() {
    return false;
  }

  @Override
  boolean active() {
    return connection != null;
  }

  @Override
  SqlConnection connection() {
    if (connection == null) {
      Connection c = owner.connection();
      if (c == null) {
        throw new SessionStateException(
            "external-transaction",
            "The transaction this session joined has no connection (ExternalTransaction.connection()"
                + " returned null): has its owner ended it?");
      }
      connection = new SqlConnection(c, SqlConnection.DEFAULT_CAPACITY);
    }
    return connection;
  }

  /** The connection is the owner's: losing it is the owner's to handle (and retry). */
  @Override
  boolean lostConnection(RuntimeException failure) {
    return false;
  }

  @Override
  void commit() {
    requireOwner("commit");
  }

  /** Where a session would roll back its own transaction: the owner must roll back. */
  @Override
  void rollback() {
    if (connection != null) {
      rollbacksAsked++;
      release();
    }
  }

  @Override
  void releaseAfterCommit() {
    release();
  }

  /** Closes the statements cached on the owner's connection; the connection stays open. */
  @Override
  void release() {
    SqlConnection c = connection;
    connection = null;
    if (c != null) {
      c.close();
    }
  }

  /** How many rollbacks were asked for in this transaction; more than 0 forbids its commit. */
  int rollbacksAsked() {
    return rollbacksAsked;
  }

  /** Back to {@code count}: the owner rolled back to a savepoint set when it was that. */
  void rollbacksAsked(int count) {
    rollbacksAsked = count;
  }

  /** The owner's transaction ended: the next one starts clean. */
  void ended() {
    release();
    rollbacksAsked = 0;
  }
}
