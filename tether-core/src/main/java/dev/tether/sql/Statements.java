package dev.tether.sql;

import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ModelMapping;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the SQL the unit of work and the loaders run, from the mapping and the dialect.
 * Identifiers come only from the mapping and are quoted; values are always {@code ?} parameters.
 * Rendered texts are cached per model.
 */
public final class Statements {
  private final Dialect dialect;
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  public Statements(Dialect dialect) {
    this.dialect = dialect;
  }

  /** {@code SELECT <all columns> FROM t WHERE col = ? ORDER BY <order>}. */
  public String selectWhere(ModelMapping m, ColumnMapping where, List<ColumnMapping> orderBy) {
    StringBuilder key = new StringBuilder("S|").append(m.name()).append('|').append(where.name());
    orderBy.forEach(c -> key.append('|').append(c.name()));
    return cache.computeIfAbsent(
        key.toString(),
        k -> {
          StringJoiner order = new StringJoiner(", ");
          orderBy.forEach(c -> order.add(q(c.name())));
          return "SELECT "
              + columnList(m)
              + " FROM "
              + q(m.table().name())
              + " WHERE "
              + q(where.name())
              + " = ?"
              + (orderBy.isEmpty() ? "" : " ORDER BY " + order);
        });
  }

  /** A multi-row {@code INSERT}, with {@code RETURNING key} when {@code returning} is set. */
  public String insert(
      ModelMapping m, List<ColumnMapping> columns, int rows, ColumnMapping returning) {
    StringBuilder b = new StringBuilder("INSERT INTO ").append(q(m.table().name())).append(" (");
    StringJoiner names = new StringJoiner(", ");
    StringJoiner marks = new StringJoiner(", ", "(", ")");
    for (ColumnMapping c : columns) {
      names.add(q(c.name()));
      marks.add("?");
    }
    b.append(names).append(") VALUES ");
    String row = marks.toString();
    for (int i = 0; i < rows; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(row);
    }
    if (columns.isEmpty()) {
      b.setLength(0);
      b.append("INSERT INTO ").append(q(m.table().name())).append(dialect.defaultValuesClause());
    }
    if (returning != null) {
      b.append(" RETURNING ").append(q(returning.name()));
    }
    return b.toString();
  }

  /** {@code UPDATE t SET a = ?, b = ? WHERE id = ?}. */
  public String update(ModelMapping m, List<ColumnMapping> set) {
    StringJoiner s = new StringJoiner(", ");
    set.forEach(c -> s.add(q(c.name()) + " = ?"));
    return "UPDATE " + q(m.table().name()) + " SET " + s + " WHERE " + q(m.id().name()) + " = ?";
  }

  /** {@code DELETE FROM t WHERE id = ?}. */
  public String delete(ModelMapping m) {
    return cache.computeIfAbsent(
        "D|" + m.name(),
        k -> "DELETE FROM " + q(m.table().name()) + " WHERE " + q(m.id().name()) + " = ?");
  }

  private String columnList(ModelMapping m) {
    StringJoiner j = new StringJoiner(", ");
    for (ColumnMapping c : m.columns()) {
      j.add(q(c.name()));
    }
    return j.toString();
  }

  private String q(String identifier) {
    return dialect.quote(identifier);
  }
}
