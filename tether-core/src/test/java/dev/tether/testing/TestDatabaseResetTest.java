package dev.tether.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Self-test of the harness with plain JDBC (no {@link dev.tether.Database}): on every available
 * server, {@link TestDatabase#reset()} leaves no table behind, foreign keys and views included.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class TestDatabaseResetTest {
  @Parameter TestDatabase target;

  @BeforeEach
  void requireServerAndStartEmpty() {
    target.requireAvailable();
    target.reset();
  }

  @Test
  void resetDropsTablesLinkedByForeignKeysAndViews() throws SQLException {
    try (Connection connection = target.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
      statement.execute(
          "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER,"
              + " FOREIGN KEY (parent_id) REFERENCES parent (id))");
      statement.execute("CREATE VIEW parent_ids AS SELECT id FROM parent");
      statement.execute("INSERT INTO parent (id) VALUES (1)");
      statement.execute("INSERT INTO child (id, parent_id) VALUES (1, 1)");
      assertThat(tablesAndViews(connection)).contains("parent", "child", "parent_ids");
    }

    target.reset();

    try (Connection connection = target.connect()) {
      assertThat(tablesAndViews(connection)).isEmpty();
    }
  }

  @Test
  void resetOfAnEmptyDatabaseSucceeds() throws SQLException {
    target.reset();
    target.reset();
    try (Connection connection = target.connect()) {
      assertThat(tablesAndViews(connection)).isEmpty();
    }
  }

  private static List<String> tablesAndViews(Connection connection) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    List<String> names = new ArrayList<>();
    try (ResultSet rows =
        metaData.getTables(
            connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE", "VIEW"})) {
      while (rows.next()) {
        names.add(rows.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
      }
    }
    return names;
  }
}
