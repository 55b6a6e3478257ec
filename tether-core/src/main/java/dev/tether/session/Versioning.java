package dev.tether.session;

import dev.tether.StaleObjectException;
import dev.tether.TetherException;
import dev.tether.attribute.InstanceState;
import dev.tether.engine.Engine;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ColumnType;
import dev.tether.mapping.ModelMapping;
import java.util.ArrayList;
import java.util.List;

/**
 * Optimistic locking for {@code @Version} models, used by {@link UnitOfWork}: stamps version 1 on
 * insert, writes UPDATEs and DELETEs that carry {@code AND version = ?} (the snapshot's value) and
 * fails the flush with {@link StaleObjectException} when one matches no row. The new version goes
 * into the field only after its UPDATE succeeded; a failed flush puts it back ({@link
 * Journal#restoreSnapshot}).
 */
final class Versioning {
  private final SessionState session;

  Versioning(SessionState session) {
    this.session = session;
  }

  /** Before an INSERT: a null or zero version becomes 1. */
  static void stamp(InstanceState s) {
    ColumnMapping v = s.mapping().version();
    if (v != null && !(v.get(s.owner()) instanceof Number n && n.longValue() != 0)) {
      v.set(s.owner(), next(v, null));
    }
  }

  /**
   * UPDATEs {@code rows} of versioned {@code m}: {@code cols}, then version + 1, by key and
   * version.
   */
  void update(ModelMapping m, List<ColumnMapping> cols, List<InstanceState> rows) {
    ColumnMapping v = m.version();
    List<ColumnType> types = new ArrayList<>();
    cols.forEach(c -> types.add(c.type()));
    types.add(v.type());
    addRowTypes(m, types);
    List<Object[]> params = new ArrayList<>();
    List<Object> nextVersions = new ArrayList<>();
    for (InstanceState s : rows) {
      Object expected = s.snapshot()[v.index()];
      Object next = next(v, expected);
      List<Object> row = new ArrayList<>();
      cols.forEach(c -> row.add(c.get(s.owner())));
      row.add(next);
      addRowValues(s, expected, row);
      params.add(row.toArray());
      nextVersions.add(next);
    }
    run(m, engine().statements().update(m, cols), types, params, rows, "update");
    for (int i = 0; i < rows.size(); i++) {
      v.set(rows.get(i).owner(), nextVersions.get(i));
    }
  }

  /** DELETEs {@code rows} of versioned {@code m} by key and version. */
  void delete(ModelMapping m, List<InstanceState> rows) {
    ColumnMapping v = m.version();
    List<ColumnType> types = new ArrayList<>();
    addRowTypes(m, types);
    List<Object[]> params = new ArrayList<>();
    for (InstanceState s : rows) {
      List<Object> row = new ArrayList<>();
      addRowValues(s, s.snapshot()[v.index()], row);
      params.add(row.toArray());
    }
    run(m, engine().statements().delete(m), types, params, rows, "delete");
  }

  private void run(
      ModelMapping m,
      String sql,
      List<ColumnType> types,
      List<Object[]> params,
      List<InstanceState> rows,
      String action) {
    int[] counts =
        engine()
            .executor()
            .batchCounted(session.connection(), sql, types.toArray(new ColumnType[0]), params);
    for (int i = 0; i < rows.size(); i++) {
      if (counts[i] == 0) {
        throw FlushMessages.staleVersion(m, rows.get(i), action);
      }
      if (counts[i] < 0) {
        throw new TetherException(
            "row-count-unknown",
            "The database driver did not report how many rows `"
                + sql
                + "` changed, so Tether cannot tell whether "
                + rows.get(i).describe()
                + " was still at the version this session loaded. The flush was rolled back."
                + " Turn off the driver's bulk batch protocol (for MariaDB Connector/J:"
                + " useBulkStmts=false).");
      }
    }
  }

  private static void addRowTypes(ModelMapping m, List<ColumnType> types) {
    types.addAll(List.of(Keys.types(m)));
    types.add(m.version().type());
  }

  private static void addRowValues(InstanceState s, Object expected, List<Object> row) {
    row.addAll(List.of(Keys.values(s.mapping(), s.key())));
    row.add(expected);
  }

  /** The version after {@code current}, in the field's type ({@code null} counts as 0). */
  private static Object next(ColumnMapping v, Object current) {
    long n = current instanceof Number x ? x.longValue() + 1 : 1;
    return v.type() == ColumnType.LONG ? (Object) n : (Object) Math.toIntExact(n);
  }

  private Engine engine() {
    return session.engine();
  }
}
