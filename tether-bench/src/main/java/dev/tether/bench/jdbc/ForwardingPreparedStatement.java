package dev.tether.bench.jdbc;

/**
 * A {@link java.sql.PreparedStatement} that forwards every call to another; subclasses override
 * what they observe.
 *
 * <p>Written out method by method (no {@code java.lang.reflect.Proxy}) so that the JIT inlines the
 * forwarding and the counting wrapper costs every contender next to nothing.
 */
@SuppressWarnings("deprecation")
abstract class ForwardingPreparedStatement implements java.sql.PreparedStatement {
  protected final java.sql.PreparedStatement delegate;

  ForwardingPreparedStatement(java.sql.PreparedStatement delegate) {
    this.delegate = delegate;
  }

  @Override
  public <T> T unwrap(java.lang.Class<T> a0) throws java.sql.SQLException {
    return delegate.unwrap(a0);
  }

  @Override
  public boolean execute() throws java.sql.SQLException {
    return delegate.execute();
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
  public int executeUpdate() throws java.sql.SQLException {
    return delegate.executeUpdate();
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
  public java.sql.ParameterMetaData getParameterMetaData() throws java.sql.SQLException {
    return delegate.getParameterMetaData();
  }

  @Override
  public java.sql.ResultSet executeQuery() throws java.sql.SQLException {
    return delegate.executeQuery();
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
  public java.sql.ResultSetMetaData getMetaData() throws java.sql.SQLException {
    return delegate.getMetaData();
  }

  @Override
  public java.sql.SQLWarning getWarnings() throws java.sql.SQLException {
    return delegate.getWarnings();
  }

  @Override
  public void addBatch() throws java.sql.SQLException {
    delegate.addBatch();
  }

  @Override
  public void clearParameters() throws java.sql.SQLException {
    delegate.clearParameters();
  }

  @Override
  public void setArray(int a0, java.sql.Array a1) throws java.sql.SQLException {
    delegate.setArray(a0, a1);
  }

  @Override
  public void setAsciiStream(int a0, java.io.InputStream a1) throws java.sql.SQLException {
    delegate.setAsciiStream(a0, a1);
  }

  @Override
  public void setAsciiStream(int a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
    delegate.setAsciiStream(a0, a1, a2);
  }

  @Override
  public void setAsciiStream(int a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
    delegate.setAsciiStream(a0, a1, a2);
  }

  @Override
  public void setBigDecimal(int a0, java.math.BigDecimal a1) throws java.sql.SQLException {
    delegate.setBigDecimal(a0, a1);
  }

  @Override
  public void setBinaryStream(int a0, java.io.InputStream a1) throws java.sql.SQLException {
    delegate.setBinaryStream(a0, a1);
  }

  @Override
  public void setBinaryStream(int a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
    delegate.setBinaryStream(a0, a1, a2);
  }

  @Override
  public void setBinaryStream(int a0, java.io.InputStream a1, long a2)
      throws java.sql.SQLException {
    delegate.setBinaryStream(a0, a1, a2);
  }

  @Override
  public void setBlob(int a0, java.io.InputStream a1) throws java.sql.SQLException {
    delegate.setBlob(a0, a1);
  }

  @Override
  public void setBlob(int a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
    delegate.setBlob(a0, a1, a2);
  }

  @Override
  public void setBlob(int a0, java.sql.Blob a1) throws java.sql.SQLException {
    delegate.setBlob(a0, a1);
  }

  @Override
  public void setBoolean(int a0, boolean a1) throws java.sql.SQLException {
    delegate.setBoolean(a0, a1);
  }

  @Override
  public void setByte(int a0, byte a1) throws java.sql.SQLException {
    delegate.setByte(a0, a1);
  }

  @Override
  public void setBytes(int a0, byte[] a1) throws java.sql.SQLException {
    delegate.setBytes(a0, a1);
  }

  @Override
  public void setCharacterStream(int a0, java.io.Reader a1) throws java.sql.SQLException {
    delegate.setCharacterStream(a0, a1);
  }

  @Override
  public void setCharacterStream(int a0, java.io.Reader a1, int a2) throws java.sql.SQLException {
    delegate.setCharacterStream(a0, a1, a2);
  }

  @Override
  public void setCharacterStream(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    delegate.setCharacterStream(a0, a1, a2);
  }

  @Override
  public void setClob(int a0, java.io.Reader a1) throws java.sql.SQLException {
    delegate.setClob(a0, a1);
  }

  @Override
  public void setClob(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    delegate.setClob(a0, a1, a2);
  }

  @Override
  public void setClob(int a0, java.sql.Clob a1) throws java.sql.SQLException {
    delegate.setClob(a0, a1);
  }

  @Override
  public void setDate(int a0, java.sql.Date a1) throws java.sql.SQLException {
    delegate.setDate(a0, a1);
  }

  @Override
  public void setDate(int a0, java.sql.Date a1, java.util.Calendar a2)
      throws java.sql.SQLException {
    delegate.setDate(a0, a1, a2);
  }

  @Override
  public void setDouble(int a0, double a1) throws java.sql.SQLException {
    delegate.setDouble(a0, a1);
  }

  @Override
  public void setFloat(int a0, float a1) throws java.sql.SQLException {
    delegate.setFloat(a0, a1);
  }

  @Override
  public void setInt(int a0, int a1) throws java.sql.SQLException {
    delegate.setInt(a0, a1);
  }

  @Override
  public void setLong(int a0, long a1) throws java.sql.SQLException {
    delegate.setLong(a0, a1);
  }

  @Override
  public void setNCharacterStream(int a0, java.io.Reader a1) throws java.sql.SQLException {
    delegate.setNCharacterStream(a0, a1);
  }

  @Override
  public void setNCharacterStream(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    delegate.setNCharacterStream(a0, a1, a2);
  }

  @Override
  public void setNClob(int a0, java.io.Reader a1) throws java.sql.SQLException {
    delegate.setNClob(a0, a1);
  }

  @Override
  public void setNClob(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    delegate.setNClob(a0, a1, a2);
  }

  @Override
  public void setNClob(int a0, java.sql.NClob a1) throws java.sql.SQLException {
    delegate.setNClob(a0, a1);
  }

  @Override
  public void setNString(int a0, java.lang.String a1) throws java.sql.SQLException {
    delegate.setNString(a0, a1);
  }

  @Override
  public void setNull(int a0, int a1) throws java.sql.SQLException {
    delegate.setNull(a0, a1);
  }

  @Override
  public void setNull(int a0, int a1, java.lang.String a2) throws java.sql.SQLException {
    delegate.setNull(a0, a1, a2);
  }

  @Override
  public void setObject(int a0, java.lang.Object a1) throws java.sql.SQLException {
    delegate.setObject(a0, a1);
  }

  @Override
  public void setObject(int a0, java.lang.Object a1, int a2) throws java.sql.SQLException {
    delegate.setObject(a0, a1, a2);
  }

  @Override
  public void setObject(int a0, java.lang.Object a1, int a2, int a3) throws java.sql.SQLException {
    delegate.setObject(a0, a1, a2, a3);
  }

  @Override
  public void setRef(int a0, java.sql.Ref a1) throws java.sql.SQLException {
    delegate.setRef(a0, a1);
  }

  @Override
  public void setRowId(int a0, java.sql.RowId a1) throws java.sql.SQLException {
    delegate.setRowId(a0, a1);
  }

  @Override
  public void setSQLXML(int a0, java.sql.SQLXML a1) throws java.sql.SQLException {
    delegate.setSQLXML(a0, a1);
  }

  @Override
  public void setShort(int a0, short a1) throws java.sql.SQLException {
    delegate.setShort(a0, a1);
  }

  @Override
  public void setString(int a0, java.lang.String a1) throws java.sql.SQLException {
    delegate.setString(a0, a1);
  }

  @Override
  public void setTime(int a0, java.sql.Time a1) throws java.sql.SQLException {
    delegate.setTime(a0, a1);
  }

  @Override
  public void setTime(int a0, java.sql.Time a1, java.util.Calendar a2)
      throws java.sql.SQLException {
    delegate.setTime(a0, a1, a2);
  }

  @Override
  public void setTimestamp(int a0, java.sql.Timestamp a1) throws java.sql.SQLException {
    delegate.setTimestamp(a0, a1);
  }

  @Override
  public void setTimestamp(int a0, java.sql.Timestamp a1, java.util.Calendar a2)
      throws java.sql.SQLException {
    delegate.setTimestamp(a0, a1, a2);
  }

  @Override
  public void setURL(int a0, java.net.URL a1) throws java.sql.SQLException {
    delegate.setURL(a0, a1);
  }

  @Deprecated
  @Override
  public void setUnicodeStream(int a0, java.io.InputStream a1, int a2)
      throws java.sql.SQLException {
    delegate.setUnicodeStream(a0, a1, a2);
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
  public long executeLargeUpdate() throws java.sql.SQLException {
    return delegate.executeLargeUpdate();
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
  public void setObject(int a0, java.lang.Object a1, java.sql.SQLType a2)
      throws java.sql.SQLException {
    delegate.setObject(a0, a1, a2);
  }

  @Override
  public void setObject(int a0, java.lang.Object a1, java.sql.SQLType a2, int a3)
      throws java.sql.SQLException {
    delegate.setObject(a0, a1, a2, a3);
  }

  @Override
  public void setLargeMaxRows(long a0) throws java.sql.SQLException {
    delegate.setLargeMaxRows(a0);
  }
}
