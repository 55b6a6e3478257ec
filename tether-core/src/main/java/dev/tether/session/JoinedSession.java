package dev.tether.session;

import dev.tether.ExternalTransaction;
import dev.tether.SessionStateException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What the owner of a joined transaction calls ({@link ExternalTransaction.Participant}), carried
 * to the session: flush before COMMIT, the session's end of transaction after it, and in-memory
 * images for the owner's savepoints. Kept apart from the session so that nothing on {@code Session}
 * itself can be called by mistake.
 */
final class JoinedSession implements ExternalTransaction.Participant {
  private final SessionImpl session;
  private final JoinedTransaction transaction;

  /** The owner's savepoints of the current transaction, and what the session looked like. */
  private final Map<Object, Image> savepoints = new IdentityHashMap<>();

  private record Image(Savepoint objects, int rollbacksAsked) {}

  JoinedSession(SessionImpl session, JoinedTransaction transaction) {
    this.session = session;
    this.transaction = transaction;
  }

  @Override
  public void flush() {
    if (!session.closed()) {
      session.flush();
    }
  }

  @Override
  public void beforeCommit() {
    if (transaction.rollbacksAsked() > 0) {
      throw new SessionStateException(
          "external-transaction-rollback-only",
          "The transaction cannot commit: a flush of the Tether session that joined it failed (or"
              + " the session was closed before the transaction ended), so part of its changes may"
              + " be written. Roll the transaction back.");
    }
    flush();
  }

  @Override
  public void afterCompletion(boolean committed) {
    boolean statementsSent = transaction.active();
    transaction.ended();
    savepoints.clear();
    if (session.closed()) {
      return;
    }
    if (committed) {
      session.ownerCommitted();
    } else {
      session.ownerRolledBack(statementsSent);
    }
  }

  @Override
  public void savepointSet(Object savepoint) {
    if (!session.closed()) {
      savepoints.put(savepoint, new Image(session.ownerSavepoint(), transaction.rollbacksAsked()));
    }
  }

  @Override
  public void savepointRolledBack(Object savepoint) {
    Image image = savepoints.remove(savepoint);
    if (image == null || session.closed()) {
      return;
    }
    image.objects().rollback();
    transaction.rollbacksAsked(image.rollbacksAsked());
  }
}
