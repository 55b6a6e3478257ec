package dev.tether.spring.boot;

import dev.tether.StatementListener;

/**
 * Logs every statement Tether sends at INFO on {@code dev.tether.sql} ({@code
 * tether.log-sql=true}); a bean, so an application can see that it is on. Tether itself logs them
 * at DEBUG on the same logger.
 */
public final class SqlLogger implements StatementListener {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("dev.tether.sql");

  private long statements;

  @Override
  public void onStatement(String sql, int rows) {
    statements++;
    if (LOG.isInfoEnabled()) {
      LOG.info(rows == 1 ? sql : sql + " [batch of " + rows + "]");
    }
  }

  /** How many statements were logged so far. */
  public long statements() {
    return statements;
  }
}
