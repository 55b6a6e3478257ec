package dev.tether.bench.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A result set that counts the rows read from it. */
final class CountingResultSet extends ForwardingResultSet {
  private final Counters counters;
  private final Statement statement;

  CountingResultSet(ResultSet delegate, Counters counters, Statement statement) {
    super(delegate);
    this.counters = counters;
    this.statement = statement;
  }

  static ResultSet wrap(ResultSet rs, Counters counters, Statement statement) {
    return rs == null ? null : new CountingResultSet(rs, counters, statement);
  }

  @Override
  public boolean next() throws SQLException {
    boolean more = delegate.next();
    if (more) {
      counters.rowsRead++;
    }
    return more;
  }

  @Override
  public Statement getStatement() throws SQLException {
    return statement;
  }
}
