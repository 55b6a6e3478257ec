package dev.tether.testing;

import dev.tether.StatementListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the SQL a {@link dev.tether.Database} sends, so that tests assert the statements and
 * their number, not only the results: an N+1 regression fails the build.
 *
 * <pre>{@code
 * StatementRecorder sql = new StatementRecorder();
 * db.addStatementListener(sql);
 * sql.assertStatements(2, () -> session.commit());                   // exactly two statements
 * assertThat(sql.statements()).allMatch(s -> s.startsWith("INSERT"));
 * }</pre>
 *
 * <p>Thread-safe: a test may record statements that a pool thread sends.
 */
public final class StatementRecorder implements StatementListener {
  private final List<String> statements = new ArrayList<>();
  private final List<Integer> rows = new ArrayList<>();

  /** Statements ever recorded, across {@link #clear()}: lets {@link #record} find its own. */
  private long recorded;

  @Override
  public synchronized void onStatement(String sql, int rows) {
    statements.add(sql);
    this.rows.add(rows);
    recorded++;
  }

  /** The parameter sets of each recorded statement (1, or the size of a batch), oldest first. */
  public synchronized List<Integer> batchRows() {
    return List.copyOf(rows);
  }

  /** How many statements were recorded since creation or the last {@link #clear()}. */
  public synchronized int count() {
    return statements.size();
  }

  /** A copy of the recorded statements, oldest first. */
  public synchronized List<String> statements() {
    return List.copyOf(statements);
  }

  /** Forgets every recorded statement. */
  public synchronized void clear() {
    statements.clear();
    rows.clear();
  }

  /**
   * Runs {@code action} and returns the statements it sent, recorded on their own (what was
   * recorded before is kept and not part of the result).
   */
  public List<String> record(Runnable action) {
    long before;
    synchronized (this) {
      before = recorded;
    }
    action.run();
    synchronized (this) {
      int size = statements.size();
      int sent = (int) Math.min(recorded - before, size); // fewer if the action called clear()
      return List.copyOf(statements.subList(size - sent, size));
    }
  }

  /**
   * Runs {@code action} and fails unless it sent exactly {@code expected} statements; the failure
   * lists every statement it sent, numbered. Returns those statements for further assertions.
   */
  public List<String> assertStatements(int expected, Runnable action) {
    List<String> sent = record(action);
    if (sent.size() != expected) {
      throw new AssertionError(
          "Expected "
              + plural(expected)
              + " but the action sent "
              + plural(sent.size())
              + describe(sent));
    }
    return sent;
  }

  /**
   * Runs {@code action} and fails unless it sent exactly these statements, in this order; the
   * failure shows both lists.
   */
  public List<String> assertStatements(List<String> expected, Runnable action) {
    List<String> sent = record(action);
    if (!sent.equals(expected)) {
      throw new AssertionError(
          "Expected "
              + plural(expected.size())
              + describe(expected)
              + "\nbut got"
              + describe(sent));
    }
    return sent;
  }

  /** Runs {@code action} and fails if it sent any statement (e.g. an identity-map hit). */
  public void assertNoStatements(Runnable action) {
    assertStatements(0, action);
  }

  @Override
  public synchronized String toString() {
    return "StatementRecorder" + describe(statements);
  }

  private static String plural(int n) {
    return n == 1 ? "1 statement" : n + " statements";
  }

  private static String describe(List<String> sql) {
    if (sql.isEmpty()) {
      return " (none)";
    }
    StringBuilder b = new StringBuilder(":");
    for (int i = 0; i < sql.size(); i++) {
      b.append("\n  ").append(i + 1).append(". ").append(sql.get(i));
    }
    return b.toString();
  }
}
