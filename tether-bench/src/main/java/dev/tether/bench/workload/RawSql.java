package dev.tether.bench.workload;

import dev.tether.bench.model.RChild;
import dev.tether.bench.model.RParent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * The raw contender's hand-written JDBC: multi-row {@code INSERT ... RETURNING} in chunks (the
 * fastest key-returning insert on all three databases, performance.md §6.2), {@code IN} lists and
 * batched UPDATEs.
 */
final class RawSql {
  private RawSql() {}

  static final String CHILD_COLUMNS = "id, parent_id, name, val, note";

  static String placeholders(int rows, int columns) {
    StringBuilder sb = new StringBuilder(rows * (columns * 2 + 3));
    for (int r = 0; r < rows; r++) {
      sb.append(r == 0 ? "(" : ", (");
      for (int c = 0; c < columns; c++) {
        sb.append(c == 0 ? "?" : ", ?");
      }
      sb.append(')');
    }
    return sb.toString();
  }

  static String inList(int n) {
    StringBuilder sb = new StringBuilder(n * 3);
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "?" : ", ?");
    }
    return sb.toString();
  }

  /** Inserts the parents, {@code chunk} rows per statement, and sets their generated ids. */
  static void insertParents(Connection c, List<RParent> rows, int chunk) throws SQLException {
    PreparedStatement full = null;
    try {
      for (int from = 0; from < rows.size(); from += chunk) {
        int k = Math.min(chunk, rows.size() - from);
        PreparedStatement ps;
        if (k == chunk) {
          if (full == null) {
            full = c.prepareStatement(parentInsert(k));
          }
          ps = full;
        } else {
          ps = c.prepareStatement(parentInsert(k));
        }
        int p = 1;
        for (int i = from; i < from + k; i++) {
          ps.setString(p++, rows.get(i).name);
        }
        long[] keys = keys(ps, k);
        for (int i = 0; i < k; i++) {
          rows.get(from + i).id = keys[i];
        }
        if (ps != full) {
          ps.close();
        }
      }
    } finally {
      if (full != null) {
        full.close();
      }
    }
  }

  /** Inserts the children (parent ids already set), {@code chunk} rows per statement. */
  static void insertChildren(Connection c, List<RChild> rows, int chunk) throws SQLException {
    PreparedStatement full = null;
    try {
      for (int from = 0; from < rows.size(); from += chunk) {
        int k = Math.min(chunk, rows.size() - from);
        PreparedStatement ps;
        if (k == chunk) {
          if (full == null) {
            full = c.prepareStatement(childInsert(k));
          }
          ps = full;
        } else {
          ps = c.prepareStatement(childInsert(k));
        }
        int p = 1;
        for (int i = from; i < from + k; i++) {
          RChild ch = rows.get(i);
          ps.setLong(p++, ch.parentId);
          ps.setString(p++, ch.name);
          ps.setInt(p++, ch.val);
          ps.setString(p++, ch.note);
        }
        long[] keys = keys(ps, k);
        for (int i = 0; i < k; i++) {
          rows.get(from + i).id = keys[i];
        }
        if (ps != full) {
          ps.close();
        }
      }
    } finally {
      if (full != null) {
        full.close();
      }
    }
  }

  private static String parentInsert(int rows) {
    return "INSERT INTO parent (name) VALUES " + placeholders(rows, 1) + " RETURNING id";
  }

  private static String childInsert(int rows) {
    return "INSERT INTO child (parent_id, name, val, note) VALUES "
        + placeholders(rows, 4)
        + " RETURNING id";
  }

  /** The generated keys in ascending order, which is the order of the VALUES rows. */
  private static long[] keys(PreparedStatement ps, int expected) throws SQLException {
    long[] keys = new long[expected];
    int n = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        keys[n++] = rs.getLong(1);
      }
    }
    if (n != expected) {
      throw new SQLException("expected " + expected + " keys, got " + n);
    }
    Arrays.sort(keys);
    return keys;
  }

  static RChild child(ResultSet rs) throws SQLException {
    return new RChild(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5));
  }

  /** {@code UPDATE child SET <column> = ? WHERE id = ?} as JDBC batches of 1000. */
  static void updateBatched(Connection c, String column, long[] ids, long[] values)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE child SET " + column + " = ? WHERE id = ?")) {
      for (int i = 0; i < ids.length; i++) {
        ps.setLong(1, values[i]);
        ps.setLong(2, ids[i]);
        ps.addBatch();
        if ((i + 1) % 1000 == 0) {
          ps.executeBatch();
        }
      }
      if (ids.length % 1000 != 0) {
        ps.executeBatch();
      }
    }
  }
}
