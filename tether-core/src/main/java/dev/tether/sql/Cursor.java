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
  private final PreparedStatement statement;
  private final ResultSet rows;
  private final ResultColumn[] columns;
  private boolean closed;

  Cursor(
      Dialect dialect,
      String sql,
      PreparedStatement statement,
      ResultSet rows,
      ResultColumn[] columns) {
    this.dialect = dialect;
    this.sql = sql;
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
      close();
      throw dialect.translate(e, sql);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      rows.close();
      statement.close();
    } catch (SQLException e) {
      throw dialect.translate(e, sql);
    }
  }
}
