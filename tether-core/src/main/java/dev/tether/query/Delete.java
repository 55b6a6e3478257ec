package dev.tether.query;

import dev.tether.mapping.ModelMapping;
import dev.tether.query.internal.QueryContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A bulk {@code DELETE ... WHERE ...}: removes every matching row in one statement, without loading
 * objects and without cascades (the database's {@code ON DELETE} rules apply). Made by {@code
 * session.bulkDelete(Parent.class)}.
 *
 * <pre>{@code
 * int gone = session.bulkDelete(Child.class).where(Child_.name.like("tmp%")).execute();
 * }</pre>
 *
 * <p><b>Effect on the session.</b> Pending changes are flushed first. When the session holds
 * objects of the model, the keys of the matching rows are read first (one SELECT); after the DELETE
 * those objects leave the session (detached: they have no row any more), and loaded relationships
 * that lead to the model are expired, so that no collection keeps a deleted row.
 *
 * @param <T> the model
 */
public final class Delete<T> {
  private final QueryContext ctx;
  private final Class<T> model;
  private final List<Condition> where = new ArrayList<>();

  private Delete(QueryContext ctx, Class<T> model) {
    this.ctx = ctx;
    this.model = model;
  }

  /** A bulk delete of {@code model} rows (the session's {@code bulkDelete(Class)}). */
  static <T> Delete<T> of(QueryContext ctx, Class<T> model) {
    return new Delete<>(ctx, model);
  }

  /** Only rows matching all of {@code conditions}; without any, every row. */
  public Delete<T> where(Condition... conditions) {
    where.addAll(List.of(conditions));
    return this;
  }

  /** Runs the DELETE; returns the number of rows removed. */
  public int execute() {
    ctx.autoflush();
    SqlWriter w = new SqlWriter(ctx.executor().dialect(), ctx.metadata(), true);
    ModelMapping m = w.model(model);
    List<Object[]> keys = Bulk.matchingKeys(ctx, m, where);
    SqlWriter.Source table = w.add(m, null);
    w.append("DELETE FROM ");
    w.from(table);
    Bulk.where(w, where);
    int n = ctx.executor().update(ctx.connection(), w.text(), w.types(), w.values());
    if (keys != null) {
      ctx.bulkDeleted(m, keys);
    }
    return n;
  }
}
