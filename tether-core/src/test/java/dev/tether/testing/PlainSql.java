package dev.tether.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a database behind Tether's back, as another program would: for tests that check what a
 * flush wrote by plain SQL (with {@link TestDatabase#sharedUrl}, so that SQLite is a file both
 * see).
 */
public final class PlainSql {
  private PlainSql() {}

  /**
   * The rows of {@code query} on {@code url}, each row its values as {@code getString} reads them.
   */
  public static List<List<String>> rows(String url, String query) {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(query)) {
      List<List<String>> out = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(query + ": " + e.getMessage(), e);
    }
  }
}
