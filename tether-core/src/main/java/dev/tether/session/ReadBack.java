package dev.tether.session;

import dev.tether.attribute.InstanceState;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ColumnType;
import dev.tether.mapping.ModelMapping;
import dev.tether.sql.Executor;
import dev.tether.sql.SqlConnection;
import dev.tether.sql.Statements;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads columns of rows the session holds by their keys, {@link #SELECT_ROWS} rows per {@code
 * SELECT ... WHERE key IN (...)}, into their objects: the values the database wrote during a
 * statement that could not return them ({@link FetchedColumns}, and {@link SessionQueries} after a
 * bulk UPDATE).
 */
final class ReadBack {
  /** The most rows one SELECT reads back, as many as one JDBC batch writes. */
  static final int SELECT_ROWS = Executor.MAX_BATCH;

  private ReadBack() {}

  /**
   * Sets {@code cols} of each of {@code rows} (objects of {@code m}) to the row's values; a row not
   * found fails, naming {@code action} (the statement that should have written it).
   */
  static void select(
      Executor executor,
      Statements statements,
      SqlConnection connection,
      ModelMapping m,
      List<InstanceState> rows,
      List<ColumnMapping> cols,
      String action) {
    List<ColumnMapping> read = new ArrayList<>(m.keyColumns());
    read.addAll(cols);
    ColumnType[] keyTypes = Keys.types(m);
    int per =
        Math.max(1, Math.min(SELECT_ROWS, executor.dialect().maxParameters() / keyTypes.length));
    for (int from = 0; from < rows.size(); from += per) {
      List<InstanceState> part = rows.subList(from, Math.min(rows.size(), from + per));
      ColumnType[] types = new ColumnType[part.size() * keyTypes.length];
      Object[] params = new Object[types.length];
      int i = 0;
      for (InstanceState s : part) {
        Object[] key = Keys.values(m, Keys.of(m, s.owner()));
        for (int k = 0; k < key.length; k++, i++) {
          types[i] = keyTypes[k];
          params[i] = key[k];
        }
      }
      String sql = statements.selectByKeys(m, cols, part.size());
      List<Object[]> found = executor.query(connection, sql, types, params, read);
      assignByKey(m, part, read, found, action, sql);
    }
  }

  /**
   * Gives each of {@code rows} the values of the row of {@code found} with its key (the first
   * columns of {@code read}); a row not found is an error.
   */
  static void assignByKey(
      ModelMapping m,
      List<InstanceState> rows,
      List<ColumnMapping> read,
      List<Object[]> found,
      String action,
      String sql) {
    int keyCount = m.keyColumns().size();
    Map<Object, InstanceState> byKey = new HashMap<>(rows.size() * 2);
    for (InstanceState s : rows) {
      byKey.put(Keys.of(m, s.owner()), s);
    }
    for (Object[] r : found) {
      Object key = Keys.normalize(m, keyCount == 1 ? r[0] : Arrays.copyOf(r, keyCount));
      InstanceState s = byKey.remove(key);
      if (s != null) {
        assign(s, read, r, keyCount);
      }
    }
    if (!byKey.isEmpty()) {
      throw FlushMessages.fetchedRowMissing(byKey.values().iterator().next(), action, sql);
    }
  }

  /** Sets {@code s}'s fields {@code cols[from..]} from {@code row[from..]}. */
  static void assign(InstanceState s, List<ColumnMapping> cols, Object[] row, int from) {
    Object owner = s.owner();
    for (int i = from; i < cols.size(); i++) {
      cols.get(i).set(owner, row[i]);
    }
  }
}
