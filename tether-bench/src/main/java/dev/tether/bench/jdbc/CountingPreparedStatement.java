package dev.tether.bench.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A prepared statement that counts executions (a SELECT when its SQL is one), batches with their
 * parameter sets, and the rows of its result sets.
 */
final class CountingPreparedStatement extends ForwardingPreparedStatement {
  private final Counters counters;
  private final Connection connection;
  private final boolean select;
  private long pending;

  CountingPreparedStatement(
      PreparedStatement delegate, Counters counters, Connection connection, boolean select) {
    super(delegate);
    this.counters = counters;
    this.connection = connection;
    this.select = select;
  }

  @Override
  public boolean execute() throws SQLException {
    counters.executed(select);
    return delegate.execute();
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    counters.executed(select);
    return CountingResultSet.wrap(delegate.executeQuery(), counters, this);
  }

  @Override
  public int executeUpdate() throws SQLException {
    counters.executed(false);
    return delegate.executeUpdate();
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    counters.executed(false);
    return delegate.executeLargeUpdate();
  }

  @Override
  public void addBatch() throws SQLException {
    pending++;
    delegate.addBatch();
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
    counters.batch(select, pending);
    pending = 0;
    return delegate.executeBatch();
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    counters.batch(select, pending);
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
