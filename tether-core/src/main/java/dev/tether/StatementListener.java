package dev.tether;

/**
 * Observes every statement Tether sends to the database: for tests that assert the SQL and the
 * number of statements, and for metrics. Register with {@link Database#addStatementListener}.
 */
@FunctionalInterface
public interface StatementListener {
  /**
   * Called before a statement runs; {@code rows} is the number of parameter sets (1 unless the
   * statement is a batch).
   */
  void onStatement(String sql, int rows);
}
