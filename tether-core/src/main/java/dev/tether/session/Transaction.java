package dev.tether.session;

import dev.tether.DatabaseException;
import dev.tether.TransactionEvent.Boundary;
import dev.tether.engine.ConnectionSource;
import dev.tether.sql.Dialect;
import dev.tether.sql.SqlConnection;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A session's JDBC transaction: begun on the first statement that needs it, on a connection taken
 * from the pool (a pooled connection that died while idle is replaced before anything is sent on
 * it), then committed or rolled back, and its connection given back with its cached statements
 * closed. Knows nothing of objects: {@link SessionImpl} decides when, and what the outcome means
 * for the objects it holds. {@link JoinedTransaction} is the variant for a transaction someone else
 * owns.
 */
class Transaction {
  /** Connections a new transaction tries before giving up (see {@link #begin}). */
  private static final int BEGIN_ATTEMPTS = 3;

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger("dev.tether.session");

  private final ConnectionSource connections;
  private final Dialect dialect;

  /** Tells the statement listeners of each boundary. */
  private final dev.tether.sql.Executor executor;

  /** The level to set at BEGIN, or {@code null} when the connections already run at it. */
  private final dev.tether.Isolation isolation;

  private final boolean readOnly;
  private SqlConnection connection;

  /**
   * @param isolation the level to ask for at each BEGIN; {@code null} for the connections' own
   */
  Transaction(
      ConnectionSource connections,
      dev.tether.sql.Executor executor,
      dev.tether.Isolation isolation,
      boolean readOnly) {
    this.connections = connections;
    this.executor = executor;
    this.dialect = executor.dialect();
    this.isolation = isolation;
    this.readOnly = readOnly;
  }

  /**
   * Refuses {@code action} (commit, roll back) when the transaction is not the session's to end; a
   * session's own transaction allows both.
   */
  void requireOwner(String action) {}

  /**
   * Whether the session ends this transaction itself, and so restores its objects as soon as a
   * flush fails; a joined one waits for its owner to say how far it rolled back.
   */
  boolean endedBySession() {
    return true;
  }

  /** Whether this session's transactions are read-only. */
  boolean readOnly() {
    return readOnly;
  }

  /** Whether a transaction is open (a statement has run since the last commit or rollback). */
  boolean active() {
    return connection != null;
  }

  /** The transaction's connection, begun on first use. */
  SqlConnection connection() {
    if (connection == null) {
      long start = executor.boundaryStart();
      try {
        connection = begin();
      } catch (RuntimeException e) {
        executor.boundary(Boundary.BEGIN, start, e);
        throw e;
      }
      executor.boundary(Boundary.BEGIN, start, null);
    }
    return connection;
  }

  /**
   * A connection with a transaction begun. A pooled connection that the server or a failover closed
   * while it sat idle fails at its first round trip (switching autocommit off, for MariaDB);
   * nothing has been sent on it yet, so it is discarded and another one tried, a few times at most.
   */
  private SqlConnection begin() {
    SQLException failure = null;
    for (int attempt = 0; attempt < BEGIN_ATTEMPTS; attempt++) {
      Connection c = null;
      try {
        try {
          c = readOnly ? connections.acquireReadOnly(isolation) : connections.acquire();
        } catch (SQLException noConnection) {
          if (failure != null) {
            noConnection.addSuppressed(failure);
          }
          throw noConnection(noConnection);
        }
        dialect.beginTransaction(c, isolation, readOnly);
        return new SqlConnection(c, SqlConnection.DEFAULT_CAPACITY);
      } catch (SQLException e) {
        if (failure != null) {
          e.addSuppressed(failure);
        }
        failure = e;
        if (c == null) {
          break;
        }
        try {
          // a broken connection is dropped by the pool; a live one (SQLite busy) goes back
          connections.release(c);
        } catch (SQLException closing) {
          e.addSuppressed(closing);
        }
        if (!dialect.isConnectionFailure(e)) {
          break;
        }
        connections.discardIdle(); // its idle siblings likely died with it
      }
    }
    throw dialect.translate(failure, null);
  }

  /**
   * No connection to begin on: every one of the pool is taken past the connection timeout, or the
   * server does not answer. Code {@code connect}; nothing was sent, so a new attempt is safe.
   */
  private DatabaseException noConnection(SQLException e) {
    return new DatabaseException(
        "connect",
        "No connection to begin a transaction on: "
            + e.getMessage()
            + " (a busy pool waits up to Database.builder(...).connectionTimeout; a larger"
            + " poolSize, or shorter transactions, help)",
        e.getSQLState(),
        e);
  }

  /**
   * Whether {@code failure} is the loss of the connection; if so the pool's idle connections are
   * dropped too, since they likely died with it and a retry must not meet them.
   */
  boolean lostConnection(RuntimeException failure) {
    if (failure.getCause() instanceof SQLException cause && dialect.isConnectionFailure(cause)) {
      connections.discardIdle();
      return true;
    }
    return false;
  }

  /** COMMIT; the connection stays with the transaction until {@link #release}. */
  void commit() {
    long start = executor.boundaryStart();
    try {
      connection.jdbc().commit();
    } catch (SQLException e) {
      DatabaseException failure = dialect.translate(e, "COMMIT");
      executor.boundary(Boundary.COMMIT, start, failure);
      throw failure;
    }
    executor.boundary(Boundary.COMMIT, start, null);
    if (!readOnly) {
      connections.committed(connection.jdbc()); // read-your-writes on replicas; never throws
    }
  }

  /**
   * ROLLBACK, if a transaction is open, then gives the connection back. On a connection already
   * lost (a server or replica killed under the transaction) there is nothing to roll back: the
   * server discarded the transaction with the connection, so that is no failure; the pool's idle
   * connections are dropped, so that the next transaction starts on a new one.
   */
  void rollback() {
    if (connection != null) {
      long start = executor.boundaryStart();
      try {
        connection.jdbc().rollback();
        executor.boundary(Boundary.ROLLBACK, start, null);
      } catch (SQLException e) {
        DatabaseException failure = dialect.translate(e, "ROLLBACK");
        executor.boundary(Boundary.ROLLBACK, start, failure);
        if (!dialect.isConnectionFailure(e) && !closed(connection.jdbc())) {
          throw failure;
        }
        LOG.debug("ROLLBACK on a lost connection: the server discarded the transaction", e);
        connections.discardIdle(); // its idle siblings likely died with it
      } finally {
        release();
      }
    }
  }

  /** Whether {@code c} is closed (a pool closes its proxy when a statement found it broken). */
  private static boolean closed(Connection c) {
    try {
      return c.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  /**
   * {@link #release} after a successful COMMIT: a failure to give the connection back (the pool
   * found it broken) is logged, not thrown, since the transaction is committed whatever happens to
   * the connection now, and a caller told otherwise might apply it twice.
   */
  void releaseAfterCommit() {
    try {
      release();
    } catch (RuntimeException e) {
      LOG.warn("the transaction was committed; returning its connection to the pool failed", e);
    }
  }

  /** Closes the transaction's cached statements and gives its connection back. */
  void release() {
    SqlConnection c = connection;
    connection = null;
    c.close();
    try {
      if (readOnly) {
        dialect.endReadOnlyTransaction(c.jdbc());
      }
    } catch (SQLException e) {
      // the pool gets it back anyway, and checks it: a broken connection is dropped there
      LOG.debug("ending a read-only transaction's connection settings failed", e);
    }
    try {
      connections.release(c.jdbc());
    } catch (SQLException e) {
      throw dialect.translate(e, null);
    }
  }
}
