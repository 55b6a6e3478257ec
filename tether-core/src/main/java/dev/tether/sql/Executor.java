package dev.tether.sql;

import dev.tether.StatementEvent;
import dev.tether.StatementListener;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ColumnType;
import dev.tether.mapping.ValueErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs SQL on a JDBC connection: binds every value as a parameter through the dialect, logs the
 * statement (logger {@code dev.tether.sql}: SQL at DEBUG, values at TRACE), tells the statement
 * listeners, and translates driver errors into Tether's exceptions.
 */
public final class Executor {
  private static final Logger LOG = LoggerFactory.getLogger("dev.tether.sql");

  /**
   * The most parameter sets sent in one JDBC batch, as Hibernate's recommended {@code
   * hibernate.jdbc.batch_size} and the bench's raw JDBC do: the driver holds every set's bound
   * values until the batch runs, so an unbounded batch costs memory in proportion to the flush.
   */
  public static final int MAX_BATCH = 1000;

  private final Dialect dialect;
  private final List<StatementListener> listeners = new CopyOnWriteArrayList<>();

  public Executor(Dialect dialect) {
    this.dialect = dialect;
  }

  public Dialect dialect() {
    return dialect;
  }

  public void addListener(StatementListener l) {
    listeners.add(l);
  }

  public void removeListener(StatementListener l) {
    listeners.remove(l);
  }

  /**
   * The start of a transaction boundary ({@link System#nanoTime}), or 0 when no listener is there
   * to hear of it; pass it to {@link #boundary}.
   */
  public long boundaryStart() {
    return listeners.isEmpty() ? 0 : System.nanoTime();
  }

  /**
   * Tells the listeners that a transaction crossed {@code boundary} (failed if {@code failure}).
   */
  public void boundary(
      dev.tether.TransactionEvent.Boundary boundary, long start, RuntimeException failure) {
    if (start == 0) {
      return;
    }
    dev.tether.TransactionEvent event =
        new dev.tether.TransactionEvent(
            boundary, java.time.Duration.ofNanos(System.nanoTime() - start), failure);
    for (StatementListener l : listeners) {
      try {
        l.onTransaction(event);
      } catch (RuntimeException e) {
        LOG.warn("a statement listener failed in onTransaction; the transaction goes on", e);
      }
    }
  }

  /** One use of a borrowed statement. */
  @FunctionalInterface
  private interface Use<T> {
    T on(PreparedStatement ps) throws SQLException;
  }

  /**
   * Runs {@code use} on {@code c}'s statement for {@code sql} and gives it back: to the cache when
   * the use completed, closed when it threw (its state is then unknown). Driver errors are
   * translated.
   */
  private <T> T using(SqlConnection c, String sql, Use<T> use) {
    PreparedStatement ps = null;
    boolean ok = false;
    try {
      ps = c.borrow(sql);
      T result = use.on(ps);
      ok = true;
      return result;
    } catch (SQLException e) {
      throw dialect.translate(e, sql);
    } finally {
      c.release(sql, ps, ok);
    }
  }

  /** Reads rows: one {@code Object[]} per row, values converted per {@code columns}. */
  public List<Object[]> query(
      SqlConnection c,
      String sql,
      ColumnType[] paramTypes,
      Object[] params,
      List<ColumnMapping> columns) {
    long start = announce(sql, 1, params);
    return observed(
        sql,
        1,
        start,
        () ->
            using(
                c,
                sql,
                ps -> {
                  bindAll(ps, sql, paramTypes, params);
                  List<Object[]> rows = new ArrayList<>();
                  try (ResultSet rs = ps.executeQuery()) {
                    int n = columns.size();
                    while (rs.next()) {
                      Object[] row = new Object[n];
                      for (int i = 0; i < n; i++) {
                        row[i] = dialect.read(rs, i + 1, columns.get(i));
                      }
                      rows.add(row);
                    }
                  }
                  return rows;
                }),
        List::size);
  }

  /** Reads rows whose columns are described one by one (computed values, several models). */
  public List<Object[]> query(
      SqlConnection c,
      String sql,
      ColumnType[] paramTypes,
      Object[] params,
      ResultColumn[] columns) {
    try (Cursor rows = cursor(c, sql, paramTypes, params, columns, 0)) {
      List<Object[]> out = new ArrayList<>();
      for (Object[] row = rows.next(); row != null; row = rows.next()) {
        out.add(row);
      }
      return out;
    }
  }

  /**
   * Opens a result to read row by row; with a {@code fetchSize} above 0 the driver streams it in
   * batches of that many rows ({@link Dialect#streamResults}). The caller closes the cursor.
   */
  public Cursor cursor(
      SqlConnection c,
      String sql,
      ColumnType[] paramTypes,
      Object[] params,
      ResultColumn[] columns,
      int fetchSize) {
    long start = announce(sql, 1, params);
    PreparedStatement ps = null;
    boolean ok = false;
    try {
      // a streaming statement keeps its fetch size and driver mode: never cached
      ps = fetchSize > 0 ? c.borrowUncached(sql) : c.borrow(sql);
      if (fetchSize > 0) {
        dialect.streamResults(ps, fetchSize);
      }
      bindAll(ps, sql, paramTypes, params);
      Cursor.Outcome outcome =
          start == 0
              ? null
              : (rows, failure) -> {
                if (failure == null) {
                  completed(sql, 1, start, rows);
                } else {
                  failed(sql, 1, start, failure);
                }
              };
      // the listeners hear of a query read row by row when its cursor closes: all rows read
      Cursor cursor = new Cursor(dialect, sql, c, ps, ps.executeQuery(), columns, outcome);
      ok = true;
      return cursor;
    } catch (SQLException e) {
      throw failed(sql, 1, start, dialect.translate(e, sql));
    } catch (RuntimeException e) {
      throw failed(sql, 1, start, e);
    } finally {
      if (!ok) {
        c.release(sql, ps, false);
      }
    }
  }

  /**
   * Reads rows of SQL the application wrote: each of {@code columns} is found in the result by its
   * name (case-insensitive), in whatever order the SQL lists them; the rows come back in {@code
   * columns}' order. A column missing from the result is an error naming it.
   */
  public List<Object[]> queryByName(
      SqlConnection c,
      String sql,
      ColumnType[] paramTypes,
      Object[] params,
      List<ColumnMapping> columns) {
    long start = announce(sql, 1, params);
    return observed(
        sql,
        1,
        start,
        () ->
            using(
                c,
                sql,
                ps -> {
                  bindAll(ps, sql, paramTypes, params);
                  try (ResultSet rs = ps.executeQuery()) {
                    int[] at = positions(rs, columns, sql);
                    List<Object[]> rows = new ArrayList<>();
                    while (rs.next()) {
                      Object[] row = new Object[at.length];
                      for (int i = 0; i < at.length; i++) {
                        row[i] = dialect.read(rs, at[i], columns.get(i));
                      }
                      rows.add(row);
                    }
                    return rows;
                  }
                }),
        List::size);
  }

  /** Where each of {@code columns} is in {@code rs}, by name; a missing one is an error. */
  private static int[] positions(ResultSet rs, List<ColumnMapping> columns, String sql)
      throws SQLException {
    java.sql.ResultSetMetaData meta = rs.getMetaData();
    java.util.Map<String, Integer> positions = new java.util.HashMap<>();
    for (int i = meta.getColumnCount(); i >= 1; i--) {
      positions.put(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), i);
    }
    int[] at = new int[columns.size()];
    for (int i = 0; i < at.length; i++) {
      Integer p = positions.get(columns.get(i).name().toLowerCase(java.util.Locale.ROOT));
      if (p == null) {
        throw new dev.tether.QueryException(
            "raw-sql-column",
            "The SQL returns no column "
                + columns.get(i).name()
                + ", which "
                + columns.get(i).table().modelName()
                + "."
                + columns.get(i).fieldName()
                + " needs; it returns "
                + positions.keySet()
                + ". Select every column of the model (e.g. SELECT t.* FROM ...). [SQL: "
                + sql
                + "]");
      }
      at[i] = p;
    }
    return at;
  }

  /**
   * Runs the same INSERT ... RETURNING once per parameter set, on one prepared statement (SQLite
   * prepares natively, so a statement per set cost a parse each); returns each set's keys in
   * ascending order.
   */
  public List<List<Object>> insertReturningEach(
      SqlConnection c,
      String sql,
      ColumnType[] paramTypes,
      List<Object[]> paramSets,
      ColumnMapping key) {
    return using(
        c,
        sql,
        ps -> {
          List<List<Object>> out = new ArrayList<>(paramSets.size());
          for (Object[] params : paramSets) {
            long start = announce(sql, 1, params);
            List<Object> keys =
                observedSet(
                    sql,
                    start,
                    () -> {
                      bindAll(ps, sql, paramTypes, params);
                      List<Object> read = new ArrayList<>();
                      try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                          read.add(dialect.read(rs, 1, key));
                        }
                      }
                      return read;
                    },
                    List::size);
            keys.sort(null);
            out.add(keys);
          }
          return out;
        });
  }

  /**
   * Runs the same statement that returns rows ({@code INSERT ... RETURNING}) once per parameter
   * set, on one prepared statement; returns each set's rows, values converted per {@code columns}.
   */
  public List<List<Object[]>> queryEach(
      SqlConnection c,
      String sql,
      ColumnType[] paramTypes,
      List<Object[]> paramSets,
      List<ColumnMapping> columns) {
    return using(
        c,
        sql,
        ps -> {
          List<List<Object[]>> out = new ArrayList<>(paramSets.size());
          int n = columns.size();
          for (Object[] params : paramSets) {
            long start = announce(sql, 1, params);
            out.add(
                observedSet(
                    sql,
                    start,
                    () -> {
                      bindAll(ps, sql, paramTypes, params);
                      List<Object[]> rows = new ArrayList<>();
                      try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                          Object[] row = new Object[n];
                          for (int i = 0; i < n; i++) {
                            row[i] = dialect.read(rs, i + 1, columns.get(i));
                          }
                          rows.add(row);
                        }
                      }
                      return rows;
                    },
                    List::size));
          }
          return out;
        });
  }

  /**
   * Runs the same statement once per parameter set, on one prepared statement, each execution on
   * its own (not a JDBC batch: each set is a whole multi-row statement).
   */
  public void updateEach(
      SqlConnection c, String sql, ColumnType[] paramTypes, List<Object[]> paramSets) {
    using(
        c,
        sql,
        ps -> {
          for (Object[] params : paramSets) {
            long start = announce(sql, 1, params);
            observedSet(
                sql,
                start,
                () -> {
                  bindAll(ps, sql, paramTypes, params);
                  return ps.executeUpdate();
                },
                Integer::longValue);
          }
          return null;
        });
  }

  /** Runs one statement; returns the update count. */
  public int update(SqlConnection c, String sql, ColumnType[] paramTypes, Object[] params) {
    long start = announce(sql, 1, params);
    return observed(
        sql,
        1,
        start,
        () ->
            using(
                c,
                sql,
                ps -> {
                  bindAll(ps, sql, paramTypes, params);
                  return ps.executeUpdate();
                }),
        Integer::longValue);
  }

  /**
   * Runs one statement per parameter set as JDBC batches of at most {@link #MAX_BATCH} sets;
   * returns the update counts in order. A batch that fails closes its statement (the driver may
   * keep part of the batch), so no later use sees it.
   */
  public int[] batch(SqlConnection c, String sql, ColumnType[] paramTypes, List<Object[]> rows) {
    if (rows.size() == 1) {
      return new int[] {update(c, sql, paramTypes, rows.get(0))};
    }
    int[] counts = new int[rows.size()];
    for (int from = 0; from < rows.size(); from += MAX_BATCH) {
      List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + MAX_BATCH));
      long start = announce(sql, part.size(), part.isEmpty() ? null : part.get(0));
      int[] done =
          observed(
              sql,
              part.size(),
              start,
              () ->
                  using(
                      c,
                      sql,
                      ps -> {
                        for (Object[] row : part) {
                          bindAll(ps, sql, paramTypes, row);
                          ps.addBatch();
                        }
                        return ps.executeBatch();
                      }),
              Executor::rowsOf);
      System.arraycopy(done, 0, counts, from, Math.min(done.length, part.size()));
    }
    return counts;
  }

  /**
   * {@link #batch}, with every count exact: where the driver's batch does not report row counts
   * ({@link Dialect#batchReportsRowCounts}), one statement per parameter set.
   */
  public int[] batchCounted(
      SqlConnection c, String sql, ColumnType[] paramTypes, List<Object[]> rows) {
    if (rows.size() < 2 || dialect.batchReportsRowCounts(c.jdbc())) {
      return batch(c, sql, paramTypes, rows);
    }
    int[] counts = new int[rows.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = update(c, sql, paramTypes, rows.get(i));
    }
    return counts;
  }

  /** Runs DDL or other parameterless SQL. */
  public void execute(Connection c, String sql) {
    long start = announce(sql, 1, null);
    try (Statement st = c.createStatement()) {
      st.execute(sql);
      completed(sql, 1, start, -1);
    } catch (SQLException e) {
      throw failed(sql, 1, start, dialect.translate(e, sql));
    }
  }

  private void bindAll(PreparedStatement ps, String sql, ColumnType[] types, Object[] values)
      throws SQLException {
    int i = 0;
    try {
      for (; i < values.length; i++) {
        dialect.bind(ps, i + 1, types[i], values[i]);
      }
    } catch (RuntimeException e) {
      // a value of another type than its column's, or one the dialect cannot store (a year
      // after 9999 on SQLite): the dialect's bind throws nothing else
      throw ValueErrors.bind(i + 1, values[i], types[i], sql, e);
    }
  }

  /**
   * Logs the statement and tells the listeners it is about to run; returns the time it starts
   * ({@link System#nanoTime}), or 0 when no listener is there to be told how it went.
   */
  private long announce(String sql, int rows, Object[] params) {
    if (LOG.isDebugEnabled()) {
      LOG.debug(rows == 1 ? sql : sql + " [batch of " + rows + "]");
    }
    if (params != null && LOG.isTraceEnabled()) {
      LOG.trace("  values: {}", describe(params));
    }
    if (listeners.isEmpty()) {
      return 0;
    }
    for (StatementListener l : listeners) {
      l.onStatement(sql, rows);
    }
    return System.nanoTime();
  }

  /** A statement's work, run by {@link #observed}. */
  @FunctionalInterface
  private interface Work<T> {
    T run();
  }

  /** A statement's work on the JDBC statement, run by {@link #observedSet}. */
  @FunctionalInterface
  private interface JdbcWork<T> {
    T run() throws SQLException;
  }

  /** Runs {@code work}, then tells the listeners how it went (rows from {@code rows}). */
  private <T> T observed(
      String sql, int sets, long start, Work<T> work, java.util.function.ToLongFunction<T> rows) {
    if (start == 0) {
      return work.run();
    }
    T result;
    try {
      result = work.run();
    } catch (RuntimeException e) {
      throw failed(sql, sets, start, e);
    }
    completed(sql, sets, start, rows.applyAsLong(result));
    return result;
  }

  /**
   * One parameter set's execution of a statement run once per set: a driver error is translated
   * (and reported) here, so that the listeners hear of each set.
   */
  private <T> T observedSet(
      String sql, long start, JdbcWork<T> work, java.util.function.ToLongFunction<T> rows)
      throws SQLException {
    if (start == 0) {
      return work.run();
    }
    T result;
    try {
      result = work.run();
    } catch (SQLException e) {
      throw failed(sql, 1, start, dialect.translate(e, sql));
    } catch (RuntimeException e) {
      throw failed(sql, 1, start, e);
    }
    completed(sql, 1, start, rows.applyAsLong(result));
    return result;
  }

  private void completed(String sql, int sets, long start, long rows) {
    if (start != 0) {
      tell(
          new StatementEvent(
              sql, sets, java.time.Duration.ofNanos(System.nanoTime() - start), rows, null));
    }
  }

  /** Tells the listeners {@code failure} ended the statement; returns it, to be thrown. */
  private RuntimeException failed(String sql, int sets, long start, RuntimeException failure) {
    if (start != 0) {
      tell(
          new StatementEvent(
              sql, sets, java.time.Duration.ofNanos(System.nanoTime() - start), -1, failure));
    }
    return failure;
  }

  private void tell(StatementEvent event) {
    for (StatementListener l : listeners) {
      try {
        l.afterStatement(event);
      } catch (RuntimeException e) {
        LOG.warn(
            "a statement listener failed in afterStatement; the statement's outcome stands", e);
      }
    }
  }

  /** The rows a batch changed, as far as the driver says (-1 when it does not). */
  private static long rowsOf(int[] counts) {
    long sum = 0;
    for (int n : counts) {
      if (n < 0) {
        return -1;
      }
      sum += n;
    }
    return sum;
  }

  private static String describe(Object[] params) {
    Object[] shown = params.clone();
    for (int i = 0; i < shown.length; i++) {
      if (shown[i] instanceof byte[] b) {
        shown[i] = "byte[" + b.length + "]";
      }
    }
    return Arrays.toString(shown);
  }
}
