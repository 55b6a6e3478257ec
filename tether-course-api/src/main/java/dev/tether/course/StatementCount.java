package dev.tether.course;

import dev.tether.StatementListener;

/**
 * Counts the SQL statements of the request being handled on this thread, which {@link CourseApi}
 * returns as the {@code X-Statements} header: {@code curl -i} shows what each endpoint costs.
 */
final class StatementCount implements StatementListener {
  private final ThreadLocal<int[]> count = ThreadLocal.withInitial(() -> new int[1]);

  @Override
  public void onStatement(String sql, int rows) {
    count.get()[0]++;
  }

  void reset() {
    count.get()[0] = 0;
  }

  int get() {
    return count.get()[0];
  }
}
