package dev.tether.engine;

import dev.tether.DatabaseException;
import dev.tether.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javax.sql.DataSource;

/**
 * Where sessions get their connection: a pool, an application-owned data source, or the single
 * shared connection that an in-memory SQLite database must use (each new connection would see an
 * empty database).
 */
public abstract class ConnectionSource {
  public abstract Connection acquire() throws SQLException;

  public abstract void release(Connection c) throws SQLException;

  /**
   * A connection for a read-only transaction: a replica's when replicas are configured ({@link
   * ReplicaRouting}), else the same as {@link #acquire}.
   *
   * @param isolation the level the transaction will set at BEGIN, {@code null} for the pool's
   */
  public Connection acquireReadOnly(dev.tether.Isolation isolation) throws SQLException {
    return acquire();
  }

  /**
   * Told that a read-write transaction on {@code c} (from {@link #acquire}) has just committed,
   * before {@code c} is released; never throws. No-op unless replicas are configured.
   */
  public void committed(Connection c) {}

  /**
   * {@code task}, made to carry this thread's read-your-writes position to the thread that runs it;
   * {@code task} itself when there are no replicas.
   */
  public Runnable carryingCommits(Runnable task) {
    return task;
  }

  public abstract void close();

  /**
   * After a connection turned out dead: lets the pool drop its idle connections, which a server
   * restart or failover killed all at once, so the next ones are new. No-op without a pool.
   */
  public void discardIdle() {}

  static ConnectionSource of(DataSource ds, boolean closeable) {
    return of(ds, closeable, null);
  }

  /**
   * {@code ds}'s connections; with a {@code setup} dialect, each physical connection gets the
   * dialect's per-connection setup ({@link Dialect#prepare}, e.g. SQLite's {@code PRAGMA
   * foreign_keys = ON}) the first time Tether acquires it. A pool hands out a new proxy per
   * checkout, so connections are recognised by what {@code unwrap(Connection.class)} returns,
   * weakly held: a connection the pool closes is forgotten.
   */
  static ConnectionSource of(DataSource ds, boolean closeable, Dialect setup) {
    boolean needsSetup = setup != null && !setup.connectionInitSql().isEmpty();
    Set<Connection> prepared =
        needsSetup
            ? Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()))
            : null;
    return new ConnectionSource() {
      @Override
      public Connection acquire() throws SQLException {
        Connection c = ds.getConnection();
        if (needsSetup) {
          try {
            prepare(c);
          } catch (SQLException | RuntimeException e) {
            try {
              c.close();
            } catch (SQLException closing) {
              e.addSuppressed(closing);
            }
            throw e;
          }
        }
        return c;
      }

      private void prepare(Connection c) throws SQLException {
        Connection physical = physical(c);
        if (prepared.contains(physical)) {
          return;
        }
        if (!c.getAutoCommit()) {
          // SQLite ignores PRAGMA foreign_keys inside a transaction; Tether sets autocommit itself
          // right after acquiring, so this changes nothing the caller relies on
          c.setAutoCommit(true);
        }
        // on the driver's connection, as a pool's own init SQL would run: connection set-up, not
        // application work for wrappers that count or trace statements
        setup.prepare(physical);
        prepared.add(physical);
      }

      @Override
      public void release(Connection c) throws SQLException {
        c.close();
      }

      @Override
      public void discardIdle() {
        if (ds instanceof com.zaxxer.hikari.HikariDataSource pool
            && pool.getHikariPoolMXBean() != null) {
          pool.getHikariPoolMXBean().softEvictConnections();
        }
      }

      @Override
      public void close() {
        if (closeable && ds instanceof AutoCloseable a) {
          try {
            a.close();
          } catch (Exception e) {
            throw new DatabaseException("close", "closing the pool failed: " + e, null, e);
          }
        }
      }
    };
  }

  /** The driver's connection behind a pool's proxy, or {@code c} when it does not say. */
  private static Connection physical(Connection c) {
    try {
      Connection inner = c.unwrap(Connection.class);
      return inner != null ? inner : c;
    } catch (SQLException | RuntimeException e) {
      return c;
    }
  }

  static ConnectionSource shared(Connection c) {
    return new ConnectionSource() {
      @Override
      public Connection acquire() {
        return c;
      }

      @Override
      public void release(Connection c) {}

      @Override
      public void close() {
        try {
          c.close();
        } catch (SQLException e) {
          throw new DatabaseException("close", "closing the connection failed: " + e, null, e);
        }
      }
    };
  }
}
