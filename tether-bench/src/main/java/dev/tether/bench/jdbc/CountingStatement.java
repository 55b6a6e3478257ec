package dev.tether.bench.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A plain statement that counts executions, batches and the rows of its result sets. */
final class CountingStatement extends ForwardingStatement {
  private final Counters counters;
  private final Connection connection;
  private long pending;

  CountingStatement(Statement delegate, Counters counters, Connection connection) {
    super(delegate);
    this.counters = counters;
    this.connection = connection;
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    counters.executed(Counters.isSelect(sql));
    return delegate.execute(sql);
  }

  @Override
  public boolean execute(String sql, int a1) throws SQLException {
    counters.executed(Counters.isSelect(sql));
    return delegate.execute(sql, a1);
  }

  @Override
  public boolean execute(String sql, int[] a1) throws SQLException {
    counters.executed(Counters.isSelect(sql));
    return delegate.execute(sql, a1);
  }

  @Override
  public boolean execute(String sql, String[] a1) throws SQLException {
    counters.executed(Counters.isSelect(sql));
    return delegate.execute(sql, a1);
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    counters.executed(Counters.isSelect(sql));
    return CountingResultSet.wrap(delegate.executeQuery(sql), counters, this);
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    counters.executed(false);
    return delegate.executeUpdate(sql);
  }

  @Override
  public int executeUpdate(String sql, int a1) throws SQLException {
    counters.executed(false);
    return delegate.executeUpdate(sql, a1);
  }

  @Override
  public int executeUpdate(String sql, int[] a1) throws SQLException {
    counters.executed(false);
    return delegate.executeUpdate(sql, a1);
  }

  @Override
  public int executeUpdate(String sql, String[] a1) throws SQLException {
    counters.executed(false);
    return delegate.executeUpdate(sql, a1);
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    counters.executed(false);
    return delegate.executeLargeUpdate(sql);
  }

  @Override
  public long executeLargeUpdate(String sql, int a1) throws SQLException {
    counters.executed(false);
    return delegate.executeLargeUpdate(sql, a1);
  }

  @Override
  public long executeLargeUpdate(String sql, int[] a1) throws SQLException {
    counters.executed(false);
    return delegate.executeLargeUpdate(sql, a1);
  }

  @Override
  public long executeLargeUpdate(String sql, String[] a1) throws SQLException {
    counters.executed(false);
    return delegate.executeLargeUpdate(sql, a1);
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    pending++;
    delegate.addBatch(sql);
  }

  @Override
  public void clearBatch() throws SQLException {
    pending = 0;
    delegate.clearBatch();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    counters.batch(false, pending);
    pending = 0;
    return delegate.executeBatch();
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    counters.batch(false, pending);
    pending = 0;
    return delegate.executeLargeBatch();
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    return CountingResultSet.wrap(delegate.getResultSet(), counters, this);
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    return CountingResultSet.wrap(delegate.getGeneratedKeys(), counters, this);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connection;
  }
}
