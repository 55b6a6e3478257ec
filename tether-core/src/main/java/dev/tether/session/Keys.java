package dev.tether.session;

import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ColumnType;
import dev.tether.mapping.ModelMapping;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Identity keys: the primary-key value of a row, normalised so that {@code 1}, {@code 1L} and
 * {@code (short) 1} find the same object. A single-column key is its value; a composite key is an
 * immutable {@code List} of its column values in declaration order.
 */
final class Keys {
  private Keys() {}

  /** The key of {@code owner}'s current fields, or {@code null} while any part is null. */
  static Object of(ModelMapping m, Object owner) {
    List<ColumnMapping> cols = m.keyColumns();
    if (cols.size() == 1) {
      return normalize(cols.get(0), cols.get(0).get(owner));
    }
    Object[] parts = new Object[cols.size()];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = normalize(cols.get(i), cols.get(i).get(owner));
      if (parts[i] == null) {
        return null;
      }
    }
    return List.of(parts);
  }

  /** The key of a row read with all of {@code m}'s columns. */
  static Object fromRow(ModelMapping m, Object[] row) {
    List<ColumnMapping> cols = m.keyColumns();
    if (cols.size() == 1) {
      return normalize(cols.get(0), row[cols.get(0).index()]);
    }
    Object[] parts = new Object[cols.size()];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = normalize(cols.get(i), row[cols.get(i).index()]);
    }
    return List.of(parts);
  }

  /**
   * A key given by the application ({@code session.get}); a composite key as a list or array of its
   * parts in declaration order.
   */
  static Object normalize(ModelMapping m, Object key) {
    List<ColumnMapping> cols = m.keyColumns();
    if (key == null) {
      return null; // a pending object has no key yet
    }
    if (cols.size() == 1) {
      ColumnMapping id = cols.get(0);
      Class<?> expected = id.boxedType();
      if (key.getClass() == expected) {
        return key; // already normal: no conversion, no new box (the identity map's hot path)
      }
      boolean fits =
          expected.isInstance(key)
              || (key instanceof Number
                  && (id.type() == ColumnType.INTEGER || id.type() == ColumnType.LONG));
      if (!fits) {
        throw new IllegalArgumentException(
            m.name()
                + "."
                + id.fieldName()
                + " is a "
                + expected.getSimpleName()
                + " key; session.get was given "
                + (key instanceof List<?> l
                    ? l.size() + " values " + l
                    : key.getClass().getSimpleName() + " " + key)
                + ". Pass one "
                + expected.getSimpleName()
                + ".");
      }
      return normalize(id, key);
    }
    Object[] parts =
        key instanceof Collection<?> c
            ? c.toArray()
            : key instanceof Object[] a ? a.clone() : new Object[] {key};
    if (parts.length != cols.size() || Arrays.asList(parts).contains(null)) {
      throw new IllegalArgumentException(
          m.name()
              + " has a composite primary key ("
              + String.join(", ", cols.stream().map(ColumnMapping::fieldName).toList())
              + "): pass all "
              + cols.size()
              + " parts, e.g. session.get("
              + m.name()
              + ".class, "
              + String.join(", ", cols.stream().map(ColumnMapping::fieldName).toList())
              + ").");
    }
    for (int i = 0; i < parts.length; i++) {
      parts[i] = normalize(cols.get(i), parts[i]);
    }
    return List.of(parts);
  }

  /** The values to bind for {@code WHERE key = ?} of a normalised key. */
  static Object[] values(ModelMapping m, Object key) {
    return m.keyColumns().size() == 1 ? new Object[] {key} : ((List<?>) key).toArray();
  }

  /** The types of the key columns, for binding. */
  static ColumnType[] types(ModelMapping m) {
    return m.keyColumns().stream().map(ColumnMapping::type).toArray(ColumnType[]::new);
  }

  private static Object normalize(ColumnMapping c, Object v) {
    if (v instanceof Number n) {
      if (c.type() == ColumnType.INTEGER) {
        return n instanceof Integer ? n : Integer.valueOf(n.intValue());
      }
      if (c.type() == ColumnType.LONG) {
        return n instanceof Long ? n : Long.valueOf(n.longValue());
      }
    }
    return v;
  }
}
