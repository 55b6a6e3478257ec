package dev.tether.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An open result read one row at a time, for streaming: the driver fetches rows in batches of the
 * fetch size, so memory stays bounded whatever the result's length. Close it (the statement and the
 * result set go with it).
 */
public final class Cursor implements AutoCloseable {
  private final Dialect dialect;
  private final String sql;
  private final SqlConnection connection;
  private final PreparedStatement statement;
  private final ResultSet rows;
  private final ResultColumn[] columns;
  private boolean closed;

  Cursor(
      Dialect dialect,
      String sql,
      SqlConnection connection,
      PreparedStatement statement,
      ResultSet rows,
      ResultColumn[] columns) {
    this.dialect = dialect;
    this.sql = sql;
    this.connection = connection;
    this.statement = statement;
    this.rows = rows;
    this.columns = columns;
  }

  /** The next row, or {@code null} at the end (the cursor then closes itself). */
  public Object[] next() {
    if (closed) {
      return null;
    }
    try {
      if (!rows.next()) {
        close();
        return null;
      }
      Object[] row = new Object[columns.length];
      for (int i = 0; i < columns.length; i++) {
        row[i] = dialect.read(rows, i + 1, columns[i].type(), columns[i].javaType());
      }
      return row;
    } catch (SQLException e) {
      close(false);
      throw dialect.translate(e, sql);
    }
  }

  /** Closes the result and gives the statement back to its connection's cache. */
  @Override
  public void close() {
    close(true);
  }

  private void close(boolean reusable) {
    if (closed) {
      return;
    }
    closed = true;
    boolean ok = false;
    try {
      rows.close();
      ok = reusable;
    } catch (SQLException e) {
      throw dialect.translate(e, sql);
    } finally {
      connection.release(sql, statement, ok);
    }
  }
}
