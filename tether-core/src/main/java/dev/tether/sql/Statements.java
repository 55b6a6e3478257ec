package dev.tether.sql;

import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the SQL the unit of work and the loaders run, from the mapping and the dialect.
 * Identifiers come only from the mapping and are quoted; values are always {@code ?} parameters.
 * Rendered texts are cached per model, keyed by its class's binary name: simple names are not
 * unique in a registry (two nested {@code Item} classes), and a shared key would run one model's
 * SELECT or DELETE against the other's table.
 */
public final class Statements {
  private final Dialect dialect;
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  public Statements(Dialect dialect) {
    this.dialect = dialect;
  }

  /**
   * The cached text of {@code SELECT <all columns> FROM t WHERE a = ? AND b = ? ORDER BY <order>},
   * rendered once by {@code render} (the query layer's renderer, so that every load of rows has one
   * SQL shape).
   */
  public String selectWhere(
      ModelMapping m,
      List<ColumnMapping> where,
      List<RelationshipMapping.Ordering> orderBy,
      java.util.function.Supplier<String> render) {
    StringBuilder key = new StringBuilder("S|").append(cacheName(m));
    where.forEach(c -> key.append('|').append(c.name()));
    key.append("|o");
    orderBy.forEach(o -> key.append('|').append(o.column().name()).append(o.descending()));
    return cache.computeIfAbsent(key.toString(), k -> render.get());
  }

  /**
   * {@code INSERT INTO t (a, b) VALUES (?, ?)} of {@code columns} alone, one row per parameter set:
   * the table's other columns take their defaults.
   */
  public String insertColumns(dev.tether.mapping.TableMapping table, List<ColumnMapping> columns) {
    StringJoiner names = new StringJoiner(", ");
    StringJoiner marks = new StringJoiner(", ");
    for (ColumnMapping c : columns) {
      names.add(q(c.name()));
      marks.add("?");
    }
    return "INSERT INTO " + q(table.name()) + " (" + names + ") VALUES (" + marks + ")";
  }

  /** {@code DELETE FROM t WHERE a = ? AND b = ?}. */
  public String deleteWhere(dev.tether.mapping.TableMapping table, List<ColumnMapping> where) {
    return "DELETE FROM " + q(table.name()) + " WHERE " + conditions(where);
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

  /**
   * {@code UPDATE t SET a = ?, b = ? WHERE key = ?}; for a versioned model {@code UPDATE t SET a =
   * ?, version = ? WHERE key = ? AND version = ?} (the new version, then the loaded one).
   */
  public String update(ModelMapping m, List<ColumnMapping> set) {
    StringJoiner s = new StringJoiner(", ");
    set.forEach(c -> s.add(q(c.name()) + " = ?"));
    ColumnMapping version = m.version();
    if (version != null) {
      s.add(q(version.name()) + " = ?");
    }
    return "UPDATE " + q(m.table().name()) + " SET " + s + " WHERE " + rowConditions(m);
  }

  /**
   * {@code UPDATE t SET a = ? WHERE key = ?}: the key alone, never the version (a step inside a
   * flush whose versioned UPDATE of the same row follows).
   */
  public String updateColumnsByKey(ModelMapping m, List<ColumnMapping> set) {
    StringJoiner s = new StringJoiner(", ");
    set.forEach(c -> s.add(q(c.name()) + " = ?"));
    return "UPDATE " + q(m.table().name()) + " SET " + s + " WHERE " + conditions(m.keyColumns());
  }

  /**
   * {@code DELETE FROM t WHERE key = ?}; for a versioned model {@code DELETE FROM t WHERE key = ?
   * AND version = ?}.
   */
  public String delete(ModelMapping m) {
    return cache.computeIfAbsent(
        "D|" + cacheName(m),
        k -> "DELETE FROM " + q(m.table().name()) + " WHERE " + rowConditions(m));
  }

  /** The key condition of one row, and its version when the model is versioned. */
  private String rowConditions(ModelMapping m) {
    List<ColumnMapping> where = new java.util.ArrayList<>(m.keyColumns());
    if (m.version() != null) {
      where.add(m.version());
    }
    return conditions(where);
  }

  /** Names {@code m} uniquely in cache keys. */
  private static String cacheName(ModelMapping m) {
    return m.type().getName();
  }

  private String conditions(List<ColumnMapping> where) {
    StringJoiner j = new StringJoiner(" AND ");
    where.forEach(c -> j.add(q(c.name()) + " = ?"));
    return j.toString();
  }

  private String q(String identifier) {
    return dialect.quote(identifier);
  }
}
