package dev.tether.sql;

import dev.tether.ValueConversionException;
import dev.tether.mapping.ValueErrors;
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

  /** Told once, at close, how many rows were read or what failed; {@code null}: nobody listens. */
  private final Outcome outcome;

  private long read;
  private boolean closed;

  /** How a cursor's reading ended, for the statement listeners. */
  @FunctionalInterface
  interface Outcome {
    void ended(long rows, RuntimeException failure);
  }

  Cursor(
      Dialect dialect,
      String sql,
      SqlConnection connection,
      PreparedStatement statement,
      ResultSet rows,
      ResultColumn[] columns,
      Outcome outcome) {
    this.outcome = outcome;
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
      int i = 0;
      try {
        for (; i < columns.length; i++) {
          row[i] = columns[i].read(dialect, rows, i + 1);
        }
      } catch (ValueConversionException e) {
        close(false, e);
        throw e;
      } catch (RuntimeException | SQLException e) {
        if (e instanceof SQLException se && dialect.isConnectionFailure(se)) {
          throw se;
        }
        // a computed column (mapped ones name their field themselves): the driver refused to
        // convert its value
        ValueConversionException named =
            ValueErrors.readResult(
                i + 1, label(i + 1), rawValue(i + 1), columns[i].javaType(), sql, e);
        close(false, named);
        throw named;
      }
      read++;
      return row;
    } catch (SQLException e) {
      dev.tether.DatabaseException failure = dialect.translate(e, sql);
      close(false, failure);
      throw failure;
    }
  }

  private String label(int i) {
    try {
      return rows.getMetaData().getColumnLabel(i);
    } catch (SQLException | RuntimeException e) {
      return null;
    }
  }

  private Object rawValue(int i) {
    try {
      return rows.getString(i);
    } catch (SQLException | RuntimeException e) {
      return null;
    }
  }

  /** Closes the result and gives the statement back to its connection's cache. */
  @Override
  public void close() {
    close(true, null);
  }

  private void close(boolean reusable, RuntimeException failure) {
    if (closed) {
      return;
    }
    closed = true;
    if (outcome != null) {
      outcome.ended(failure == null ? read : -1, failure);
    }
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
