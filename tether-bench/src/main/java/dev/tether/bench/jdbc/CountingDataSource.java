package dev.tether.bench.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The one data source every contender (raw JDBC, Tether, Hibernate) is handed: it wraps the pool
 * and counts statements, batches and rows read into {@link #counters()}. Callable statements are
 * passed through uncounted (no contender uses them).
 */
public final class CountingDataSource implements DataSource {
  private final DataSource delegate;
  private final Counters counters = new Counters();

  public CountingDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  public Counters counters() {
    return counters;
  }

  /** The pool underneath, for the harness's own uncounted setup and checks. */
  public DataSource uncounted() {
    return delegate;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return new CountingConnection(delegate.getConnection(), counters);
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return new CountingConnection(delegate.getConnection(user, password), counters);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || delegate.isWrapperFor(iface);
  }
}
