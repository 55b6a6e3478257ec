package dev.tether.query;

import dev.tether.QueryException;
import dev.tether.mapping.ColumnFill;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ModelMapping;
import dev.tether.query.internal.QueryContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bulk {@code UPDATE ... SET ... WHERE ...}: changes every matching row in one statement, without
 * loading objects. Made by {@code session.bulkUpdate(Parent.class)}.
 *
 * <pre>{@code
 * int changed = session.bulkUpdate(Child.class)
 *     .set(Child_.name, "renamed")
 *     .where(Child_.parentId.eq(7))
 *     .execute();
 * }</pre>
 *
 * <p><b>Effect on the session.</b> Pending changes are flushed first. When the session holds
 * objects of the model, the keys of the matching rows are read first (one SELECT) and, after the
 * UPDATE, those objects get the new values in their fields, as if loaded (SQLAlchemy's {@code
 * synchronize_session="fetch"}). A {@code @Version} column is not incremented: concurrent editors
 * are not told.
 *
 * @param <T> the model
 */
public final class Update<T> {
  private final QueryContext ctx;
  private final Class<T> model;
  private final Map<ColumnAttribute<T, ?>, Object> set = new LinkedHashMap<>();
  private final List<Condition> where = new ArrayList<>();

  private Update(QueryContext ctx, Class<T> model) {
    this.ctx = ctx;
    this.model = model;
  }

  /** A bulk update of {@code model} rows (the session's {@code bulkUpdate(Class)}). */
  static <T> Update<T> of(QueryContext ctx, Class<T> model) {
    return new Update<>(ctx, model);
  }

  /** Sets {@code column} to {@code value} (bound as a parameter) in every matching row. */
  public <V> Update<T> set(ColumnAttribute<T, V> column, V value) {
    set.put(column, value);
    return this;
  }

  /** Only rows matching all of {@code conditions}; without any, every row. */
  public Update<T> where(Condition... conditions) {
    where.addAll(List.of(conditions));
    return this;
  }

  /** Runs the UPDATE; returns the number of rows it matched. */
  public int execute() {
    if (set.isEmpty()) {
      throw new QueryException(
          "update-nothing", "update(" + model.getSimpleName() + ") sets nothing: call set(...).");
    }
    ctx.autoflush();
    SqlWriter w = new SqlWriter(ctx.executor().dialect(), ctx.metadata(), true);
    ModelMapping m = w.model(model);
    List<Object[]> keys = Bulk.matchingKeys(ctx, m, where);
    SqlWriter.Source table = w.add(m, null);
    w.append("UPDATE ");
    w.from(table);
    w.append(" SET ");
    Map<ColumnMapping, Object> values = new LinkedHashMap<>();
    for (Map.Entry<ColumnAttribute<T, ?>, Object> e : set.entrySet()) {
      ColumnMapping c = w.column(e.getKey());
      if (c.primaryKey()) {
        throw new QueryException(
            "update-primary-key",
            "update("
                + model.getSimpleName()
                + ").set("
                + e.getKey()
                + ", ...): a primary key is not changed by a bulk update; the session's identity"
                + " map could not follow it.");
      }
      if (c.fill() == ColumnFill.DATABASE_ALWAYS) {
        throw new QueryException(
            "update-database-column",
            "update("
                + model.getSimpleName()
                + ").set("
                + e.getKey()
                + ", ...): "
                + c.describe()
                + " is written by the database on every UPDATE ("
                + (c.computedExpression() != null ? "@Computed" : "@Generated(ALWAYS)")
                + "), which would refuse or overwrite the value. Set the columns it comes from.");
      }
      if (!values.isEmpty()) {
        w.append(", ");
      }
      w.identifier(c.name()).append(" = ");
      Object stored = c.toColumnValue(e.getValue()); // the session's objects hold column values
      w.bind(c.type(), stored);
      values.put(c, stored);
    }
    Bulk.where(w, where);
    int n = ctx.executor().update(ctx.connection(), w.text(), w.types(), w.values());
    if (keys != null) {
      ctx.bulkUpdated(m, keys, values);
    }
    return n;
  }
}
