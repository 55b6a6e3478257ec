package dev.tether.query;

import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ModelMapping;
import dev.tether.query.internal.QueryContext;
import dev.tether.sql.ResultColumn;
import java.util.List;

/** What bulk UPDATE and DELETE share: their WHERE, and the keys of the rows they will touch. */
final class Bulk {
  private Bulk() {}

  static void where(SqlWriter w, List<Condition> where) {
    if (!where.isEmpty()) {
      w.append(" WHERE ");
      Condition.and(where.toArray(Condition[]::new)).render(w);
    }
  }

  /**
   * The primary keys of the rows {@code where} matches, read when the session holds objects of
   * {@code m} (it must update or drop them); otherwise null, and no statement is sent.
   */
  static List<Object[]> matchingKeys(QueryContext ctx, ModelMapping m, List<Condition> where) {
    if (!ctx.holdsAny(m)) {
      return null;
    }
    SqlWriter w = new SqlWriter(ctx.executor().dialect(), ctx.metadata(), true);
    SqlWriter.Source table = w.add(m, null);
    w.append(" FROM ");
    w.from(table);
    where(w, where);
    StringBuilder list = new StringBuilder("SELECT ");
    ResultColumn[] read = new ResultColumn[m.keyColumns().size()];
    for (int i = 0; i < read.length; i++) {
      ColumnMapping c = m.keyColumns().get(i);
      list.append(i == 0 ? "" : ", ").append(table.qualifier).append('.');
      list.append(w.dialect().quote(c.name()));
      read[i] = ResultColumn.of(c);
    }
    return ctx.executor().query(ctx.connection(), list + w.text(), w.types(), w.values(), read);
  }
}
