package dev.tether.session;

import dev.tether.attribute.InstanceState;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ColumnType;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of multi-row INSERTs: {@code chunk} rows per statement, each row the values of
 * {@code cols} in order. Shared by the plain insert path ({@link Persistence}) and the one that
 * reads database-filled columns back ({@link FetchedColumns}).
 */
final class InsertChunks {
  private InsertChunks() {}

  /** The parameter types of one statement: {@code cols}' types, {@code chunk} times over. */
  static ColumnType[] types(List<ColumnMapping> cols, int chunk) {
    ColumnType[] types = new ColumnType[chunk * cols.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = cols.get(i % cols.size()).type();
    }
    return types;
  }

  /** One parameter set per statement; {@code rows}' size is a multiple of {@code chunk}. */
  static List<Object[]> params(List<InstanceState> rows, int chunk, List<ColumnMapping> cols) {
    int width = chunk * cols.size();
    List<Object[]> paramSets = new ArrayList<>(rows.size() / chunk);
    for (int from = 0; from < rows.size(); from += chunk) {
      Object[] values = new Object[width];
      int i = 0;
      for (InstanceState s : rows.subList(from, from + chunk)) {
        Object owner = s.owner();
        for (ColumnMapping c : cols) {
          values[i++] = c.get(owner);
        }
      }
      paramSets.add(values);
    }
    return paramSets;
  }
}
