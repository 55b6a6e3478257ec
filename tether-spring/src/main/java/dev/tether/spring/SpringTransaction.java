package dev.tether.spring;

import dev.tether.ExternalTransaction;
import java.sql.Connection;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.transaction.IllegalTransactionStateException;

/**
 * One Spring transaction as Tether sees it ({@link ExternalTransaction}): the connection Spring
 * bound to it, and the session's {@link ExternalTransaction.Participant} for {@link
 * TransactionSession} to call at the transaction's boundaries.
 */
final class SpringTransaction implements ExternalTransaction {
  private final JdbcTransactionObjectSupport transaction;
  private Participant participant;

  SpringTransaction(Object transaction) {
    if (!(transaction instanceof JdbcTransactionObjectSupport jdbc)) {
      throw new IllegalTransactionStateException(
          "TetherTransactionManager needs a JDBC transaction object, got " + transaction);
    }
    this.transaction = jdbc;
  }

  @Override
  public Connection connection() {
    ConnectionHolder holder = transaction.getConnectionHolder();
    return holder == null ? null : holder.getConnection();
  }

  @Override
  public void enlist(Participant participant) {
    this.participant = participant;
  }

  Participant participant() {
    return participant;
  }
}
