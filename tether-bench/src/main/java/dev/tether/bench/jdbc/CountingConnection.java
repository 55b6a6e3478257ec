package dev.tether.bench.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** A connection whose statements count what they execute. */
final class CountingConnection extends ForwardingConnection {
  private final Counters counters;

  CountingConnection(Connection delegate, Counters counters) {
    super(delegate);
    this.counters = counters;
  }

  private Statement wrap(Statement s) {
    return new CountingStatement(s, counters, this);
  }

  private PreparedStatement wrap(PreparedStatement ps, String sql) {
    return new CountingPreparedStatement(ps, counters, this, Counters.isSelect(sql));
  }

  @Override
  public Statement createStatement() throws SQLException {
    return wrap(delegate.createStatement());
  }

  @Override
  public Statement createStatement(int a0, int a1) throws SQLException {
    return wrap(delegate.createStatement(a0, a1));
  }

  @Override
  public Statement createStatement(int a0, int a1, int a2) throws SQLException {
    return wrap(delegate.createStatement(a0, a1, a2));
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    return wrap(delegate.prepareStatement(sql), sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int a1) throws SQLException {
    return wrap(delegate.prepareStatement(sql, a1), sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] a1) throws SQLException {
    return wrap(delegate.prepareStatement(sql, a1), sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] a1) throws SQLException {
    return wrap(delegate.prepareStatement(sql, a1), sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int a1, int a2) throws SQLException {
    return wrap(delegate.prepareStatement(sql, a1, a2), sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int a1, int a2, int a3)
      throws SQLException {
    return wrap(delegate.prepareStatement(sql, a1, a2, a3), sql);
  }
}
