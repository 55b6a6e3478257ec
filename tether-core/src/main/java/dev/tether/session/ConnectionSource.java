package dev.tether.session;

import dev.tether.DatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Where sessions get their connection: a pool, an application-owned data source, or the single
 * shared connection that an in-memory SQLite database must use (each new connection would see an
 * empty database).
 */
abstract class ConnectionSource {
  abstract Connection acquire() throws SQLException;

  abstract void release(Connection c) throws SQLException;

  abstract void close();

  /**
   * After a connection turned out dead: lets the pool drop its idle connections, which a server
   * restart or failover killed all at once, so the next ones are new. No-op without a pool.
   */
  void discardIdle() {}

  static ConnectionSource of(DataSource ds, boolean closeable) {
    return new ConnectionSource() {
      @Override
      Connection acquire() throws SQLException {
        return ds.getConnection();
      }

      @Override
      void release(Connection c) throws SQLException {
        c.close();
      }

      @Override
      void discardIdle() {
        if (ds instanceof com.zaxxer.hikari.HikariDataSource pool
            && pool.getHikariPoolMXBean() != null) {
          pool.getHikariPoolMXBean().softEvictConnections();
        }
      }

      @Override
      void close() {
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

  static ConnectionSource shared(Connection c) {
    return new ConnectionSource() {
      @Override
      Connection acquire() {
        return c;
      }

      @Override
      void release(Connection c) {}

      @Override
      void close() {
        try {
          c.close();
        } catch (SQLException e) {
          throw new DatabaseException("close", "closing the connection failed: " + e, null, e);
        }
      }
    };
  }
}
