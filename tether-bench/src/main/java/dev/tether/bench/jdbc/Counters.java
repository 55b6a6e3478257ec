package dev.tether.bench.jdbc;

/**
 * What the contenders sent to the database, counted by {@link CountingDataSource}: statements
 * executed (an {@code executeBatch} counts once), JDBC batches and the parameter sets they carried,
 * SELECTs, and rows read from result sets. The harness is single-threaded, so plain fields suffice.
 */
public final class Counters {
  long statements;
  long batches;
  long batchedRows;
  long selects;
  long rowsRead;

  /** A copy of the current values. */
  public Snapshot snapshot() {
    return new Snapshot(statements, batches, batchedRows, selects, rowsRead);
  }

  public void reset() {
    statements = 0;
    batches = 0;
    batchedRows = 0;
    selects = 0;
    rowsRead = 0;
  }

  void executed(boolean select) {
    statements++;
    if (select) {
      selects++;
    }
  }

  void batch(boolean select, long rows) {
    statements++;
    batches++;
    batchedRows += rows;
    if (select) {
      selects++;
    }
  }

  /** Counts at one moment; {@link #minus} gives what happened in between. */
  public record Snapshot(
      long statements, long batches, long batchedRows, long selects, long rowsRead) {
    public Snapshot minus(Snapshot o) {
      return new Snapshot(
          statements - o.statements,
          batches - o.batches,
          batchedRows - o.batchedRows,
          selects - o.selects,
          rowsRead - o.rowsRead);
    }
  }

  /** Whether {@code sql} reads (SELECT or WITH ... SELECT) rather than writes. */
  static boolean isSelect(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n && (Character.isWhitespace(sql.charAt(i)) || sql.charAt(i) == '(')) {
      i++;
    }
    return sql.regionMatches(true, i, "select", 0, 6) || sql.regionMatches(true, i, "with", 0, 4);
  }
}
