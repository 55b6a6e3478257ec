package dev.tether.session;

import dev.tether.StaleObjectException;
import dev.tether.attribute.InstanceState;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ModelMapping;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.IntFunction;

/**
 * The flush's check that each UPDATE or DELETE of one row matched exactly that row (SQLAlchemy's
 * {@code StaleDataError}): zero means another transaction deleted the row (or changed its key)
 * first, more than one means the table has no key that makes the row unique. A count the driver
 * does not report ({@code SUCCESS_NO_INFO}) cannot be checked and passes; a versioned row needs
 * exact counts and asks for them itself ({@link Versioning}).
 */
final class RowCounts {
  private RowCounts() {}

  /**
   * Throws {@code mismatch.apply(i)} for the first statement {@code i} that did not match 1 row.
   */
  static void expectOneEach(int[] counts, IntFunction<? extends RuntimeException> mismatch) {
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] >= 0 && counts[i] != 1) {
        throw mismatch.apply(i);
      }
    }
  }

  /** The check for the UPDATEs or DELETEs of model rows, one per object of {@code rows}. */
  static void expectOneEach(
      int[] counts, ModelMapping m, List<InstanceState> rows, String action, String sql) {
    expectOneEach(counts, i -> stale(m, rows.get(i), action, counts[i], sql));
  }

  private static StaleObjectException stale(
      ModelMapping m, InstanceState s, String action, int count, String sql) {
    StringJoiner key = new StringJoiner(", ");
    for (ColumnMapping c : m.keyColumns()) {
      key.add(c.fieldName() + " = " + c.get(s.owner()));
    }
    String what = m.name() + " (" + key + ")";
    String message =
        count == 0
            ? "Cannot "
                + action
                + " "
                + what
                + ": the "
                + action
                + " matched no row. Another transaction deleted the row, or changed its key,"
                + " after this session loaded it. The flush was rolled back and this session's"
                + " changes are still pending: roll back, then reload the object (a new session,"
                + " or session.refresh(obj)) and reapply the change, or discard it."
            : "Cannot "
                + action
                + " "
                + what
                + ": the "
                + action
                + " matched "
                + count
                + " rows where it expected 1, so the key "
                + m.keyColumns().stream().map(ColumnMapping::toString).toList()
                + " does not identify one row in the database (no PRIMARY KEY or UNIQUE constraint"
                + " on it). The flush was rolled back. Map a key that the table enforces.";
    return new StaleObjectException(message + " [SQL: " + sql + "]", m.type(), s.key(), null);
  }
}
