package dev.tether.session;

import dev.tether.attribute.InstanceState;
import dev.tether.mapping.ModelMapping;
import java.util.List;
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
    expectOneEach(counts, i -> FlushMessages.staleRow(m, rows.get(i), action, counts[i], sql));
  }
}
