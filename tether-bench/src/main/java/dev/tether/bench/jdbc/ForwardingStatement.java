package dev.tether.bench.jdbc;

/**
 * A {@link java.sql.Statement} that forwards every call to another; subclasses override what they
 * observe.
 *
 * <p>Written out method by method (no {@code java.lang.reflect.Proxy}) so that the JIT inlines the
 * forwarding and the counting wrapper costs every contender next to nothing.
 */
@SuppressWarnings("deprecation")
abstract class ForwardingStatement implements java.sql.Statement {
  protected final java.sql.Statement delegate;

  ForwardingStatement(java.sql.Statement delegate) {
    this.delegate = delegate;
  }

  @Override
  public <T> T unwrap(java.lang.Class<T> a0) throws java.sql.SQLException {
    return delegate.unwrap(a0);
  }

  @Override
  public boolean execute(java.lang.String a0) throws java.sql.SQLException {
    return delegate.execute(a0);
  }

  @Override
  public boolean execute(java.lang.String a0, int a1) throws java.sql.SQLException {
    return delegate.execute(a0, a1);
  }

  @Override
  public boolean execute(java.lang.String a0, int[] a1) throws java.sql.SQLException {
    return delegate.execute(a0, a1);
  }

  @Override
  public boolean execute(java.lang.String a0, java.lang.String[] a1) throws java.sql.SQLException {
    return delegate.execute(a0, a1);
  }

  @Override
  public boolean getMoreResults() throws java.sql.SQLException {
    return delegate.getMoreResults();
  }

  @Override
  public boolean getMoreResults(int a0) throws java.sql.SQLException {
    return delegate.getMoreResults(a0);
  }

  @Override
  public boolean isCloseOnCompletion() throws java.sql.SQLException {
    return delegate.isCloseOnCompletion();
  }

  @Override
  public boolean isClosed() throws java.sql.SQLException {
    return delegate.isClosed();
  }

  @Override
  public boolean isPoolable() throws java.sql.SQLException {
    return delegate.isPoolable();
  }

  @Override
  public boolean isWrapperFor(java.lang.Class<?> a0) throws java.sql.SQLException {
    return delegate.isWrapperFor(a0);
  }

  @Override
  public int executeUpdate(java.lang.String a0) throws java.sql.SQLException {
    return delegate.executeUpdate(a0);
  }

  @Override
  public int executeUpdate(java.lang.String a0, int a1) throws java.sql.SQLException {
    return delegate.executeUpdate(a0, a1);
  }

  @Override
  public int executeUpdate(java.lang.String a0, int[] a1) throws java.sql.SQLException {
    return delegate.executeUpdate(a0, a1);
  }

  @Override
  public int executeUpdate(java.lang.String a0, java.lang.String[] a1)
      throws java.sql.SQLException {
    return delegate.executeUpdate(a0, a1);
  }

  @Override
  public int getFetchDirection() throws java.sql.SQLException {
    return delegate.getFetchDirection();
  }

  @Override
  public int getFetchSize() throws java.sql.SQLException {
    return delegate.getFetchSize();
  }

  @Override
  public int getMaxFieldSize() throws java.sql.SQLException {
    return delegate.getMaxFieldSize();
  }

  @Override
  public int getMaxRows() throws java.sql.SQLException {
    return delegate.getMaxRows();
  }

  @Override
  public int getQueryTimeout() throws java.sql.SQLException {
    return delegate.getQueryTimeout();
  }

  @Override
  public int getResultSetConcurrency() throws java.sql.SQLException {
    return delegate.getResultSetConcurrency();
  }

  @Override
  public int getResultSetHoldability() throws java.sql.SQLException {
    return delegate.getResultSetHoldability();
  }

  @Override
  public int getResultSetType() throws java.sql.SQLException {
    return delegate.getResultSetType();
  }

  @Override
  public int getUpdateCount() throws java.sql.SQLException {
    return delegate.getUpdateCount();
  }

  @Override
  public int[] executeBatch() throws java.sql.SQLException {
    return delegate.executeBatch();
  }

  @Override
  public java.sql.Connection getConnection() throws java.sql.SQLException {
    return delegate.getConnection();
  }

  @Override
  public java.sql.ResultSet executeQuery(java.lang.String a0) throws java.sql.SQLException {
    return delegate.executeQuery(a0);
  }

  @Override
  public java.sql.ResultSet getGeneratedKeys() throws java.sql.SQLException {
    return delegate.getGeneratedKeys();
  }

  @Override
  public java.sql.ResultSet getResultSet() throws java.sql.SQLException {
    return delegate.getResultSet();
  }

  @Override
  public java.sql.SQLWarning getWarnings() throws java.sql.SQLException {
    return delegate.getWarnings();
  }

  @Override
  public void addBatch(java.lang.String a0) throws java.sql.SQLException {
    delegate.addBatch(a0);
  }

  @Override
  public void cancel() throws java.sql.SQLException {
    delegate.cancel();
  }

  @Override
  public void clearBatch() throws java.sql.SQLException {
    delegate.clearBatch();
  }

  @Override
  public void clearWarnings() throws java.sql.SQLException {
    delegate.clearWarnings();
  }

  @Override
  public void close() throws java.sql.SQLException {
    delegate.close();
  }

  @Override
  public void closeOnCompletion() throws java.sql.SQLException {
    delegate.closeOnCompletion();
  }

  @Override
  public void setCursorName(java.lang.String a0) throws java.sql.SQLException {
    delegate.setCursorName(a0);
  }

  @Override
  public void setEscapeProcessing(boolean a0) throws java.sql.SQLException {
    delegate.setEscapeProcessing(a0);
  }

  @Override
  public void setFetchDirection(int a0) throws java.sql.SQLException {
    delegate.setFetchDirection(a0);
  }

  @Override
  public void setFetchSize(int a0) throws java.sql.SQLException {
    delegate.setFetchSize(a0);
  }

  @Override
  public void setMaxFieldSize(int a0) throws java.sql.SQLException {
    delegate.setMaxFieldSize(a0);
  }

  @Override
  public void setMaxRows(int a0) throws java.sql.SQLException {
    delegate.setMaxRows(a0);
  }

  @Override
  public void setPoolable(boolean a0) throws java.sql.SQLException {
    delegate.setPoolable(a0);
  }

  @Override
  public void setQueryTimeout(int a0) throws java.sql.SQLException {
    delegate.setQueryTimeout(a0);
  }

  @Override
  public boolean isSimpleIdentifier(java.lang.String a0) throws java.sql.SQLException {
    return delegate.isSimpleIdentifier(a0);
  }

  @Override
  public java.lang.String enquoteIdentifier(java.lang.String a0, boolean a1)
      throws java.sql.SQLException {
    return delegate.enquoteIdentifier(a0, a1);
  }

  @Override
  public java.lang.String enquoteLiteral(java.lang.String a0) throws java.sql.SQLException {
    return delegate.enquoteLiteral(a0);
  }

  @Override
  public java.lang.String enquoteNCharLiteral(java.lang.String a0) throws java.sql.SQLException {
    return delegate.enquoteNCharLiteral(a0);
  }

  @Override
  public long executeLargeUpdate(java.lang.String a0) throws java.sql.SQLException {
    return delegate.executeLargeUpdate(a0);
  }

  @Override
  public long executeLargeUpdate(java.lang.String a0, int a1) throws java.sql.SQLException {
    return delegate.executeLargeUpdate(a0, a1);
  }

  @Override
  public long executeLargeUpdate(java.lang.String a0, int[] a1) throws java.sql.SQLException {
    return delegate.executeLargeUpdate(a0, a1);
  }

  @Override
  public long executeLargeUpdate(java.lang.String a0, java.lang.String[] a1)
      throws java.sql.SQLException {
    return delegate.executeLargeUpdate(a0, a1);
  }

  @Override
  public long getLargeMaxRows() throws java.sql.SQLException {
    return delegate.getLargeMaxRows();
  }

  @Override
  public long getLargeUpdateCount() throws java.sql.SQLException {
    return delegate.getLargeUpdateCount();
  }

  @Override
  public long[] executeLargeBatch() throws java.sql.SQLException {
    return delegate.executeLargeBatch();
  }

  @Override
  public void setLargeMaxRows(long a0) throws java.sql.SQLException {
    delegate.setLargeMaxRows(a0);
  }
}
