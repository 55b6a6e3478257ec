package dev.tether;

/**
 * Observes every statement Tether sends to the database, and the transactions they run in: for
 * tests that assert the SQL and the number of statements, and for metrics and tracing. Register
 * with {@link Database#addStatementListener}. A listener is called on the thread that runs the
 * statement, so it must be quick and thread-safe; an exception it throws from {@link
 * #afterStatement} or {@link #onTransaction} is logged and ignored (the statement's outcome
 * stands).
 *
 * <pre>{@code
 * db.addStatementListener(new StatementListener() {
 *   public void onStatement(String sql, int parameterSets) {}
 *   public void afterStatement(StatementEvent e) {
 *     timers.timer("db.statement", "ok", String.valueOf(e.succeeded())).record(e.duration());
 *   }
 * });
 * }</pre>
 */
@FunctionalInterface
public interface StatementListener {
  /**
   * Called before a statement runs; {@code rows} is the number of parameter sets (1 unless the
   * statement is a batch).
   */
  void onStatement(String sql, int rows);

  /** Called after each statement that {@link #onStatement} announced: its duration and outcome. */
  default void afterStatement(StatementEvent event) {}

  /** Called at each transaction boundary of a session: begin, commit, rollback. */
  default void onTransaction(TransactionEvent event) {}
}
