package dev.tether.spring;

import dev.tether.Database;
import dev.tether.ExternalTransaction;
import dev.tether.Session;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The Tether session of one Spring transaction, bound as a transaction resource under its {@link
 * Database} (what {@link TetherSessions#current} finds), and the synchronization that carries the
 * transaction's boundaries to it: flush before commit, the in-memory end of the transaction after
 * it, savepoints, and suspension by {@code REQUIRES_NEW}.
 */
final class TransactionSession implements TransactionSynchronization {
  private final Database database;
  private final Session session;
  private final SpringTransaction transaction;

  TransactionSession(Database database, Session session, SpringTransaction transaction) {
    this.database = database;
    this.session = session;
    this.transaction = transaction;
  }

  Session session() {
    return session;
  }

  ExternalTransaction.Participant participant() {
    return transaction.participant();
  }

  /** Before the connection's own synchronization, as JPA's entity managers do. */
  @Override
  public int getOrder() {
    return DataSourceUtils.CONNECTION_SYNCHRONIZATION_ORDER - 100;
  }

  @Override
  public void suspend() {
    TransactionSynchronizationManager.unbindResource(database);
  }

  @Override
  public void resume() {
    TransactionSynchronizationManager.bindResource(database, this);
  }

  @Override
  public void flush() {
    participant().flush();
  }

  @Override
  public void savepoint(Object savepoint) {
    participant().savepointSet(savepoint);
  }

  @Override
  public void savepointRollback(Object savepoint) {
    participant().savepointRolledBack(savepoint);
  }

  @Override
  public void beforeCommit(boolean readOnly) {
    participant().beforeCommit();
  }

  @Override
  public void afterCompletion(int status) {
    TransactionSynchronizationManager.unbindResourceIfPossible(database);
    try {
      participant().afterCompletion(status == STATUS_COMMITTED);
    } finally {
      session.close();
    }
  }
}
