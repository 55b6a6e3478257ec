package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.DatabaseException;
import dev.tether.Session;
import dev.tether.TetherException;
import dev.tether.fixtures.BackPopulates;
import dev.tether.fixtures.BackPopulates.Child;
import dev.tether.fixtures.BackPopulates.Parent;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Opening databases, schema DDL and SQL logging. */
class DatabaseTest {
  @TempDir Path dir;

  @Test
  void sqliteFileDatabasePersistsAcrossOpens() {
    String url = "jdbc:sqlite:" + dir.resolve("app.db");
    Integer id;
    try (Database db = Database.open(url, BackPopulates.registry())) {
      assertThat(db.dialect()).isEqualTo("sqlite");
      db.createAll();
      db.createAll(); // idempotent
      Parent p = new Parent("p");
      p.children.add(new Child("c"));
      try (Session s = db.session()) {
        s.add(p);
        s.commit();
      }
      id = p.id;
    }
    try (Database db = Database.open(url, BackPopulates.registry());
        Session s = db.session()) {
      assertThat(s.get(Parent.class, id).children).extracting(c -> c.name).containsExactly("c");
    }
  }

  @Test
  void applicationOwnedDataSourceChoosesTheDialectAndForeignKeysAreEnforced() {
    SQLiteDataSource ds = new SQLiteDataSource();
    ds.setUrl("jdbc:sqlite:" + dir.resolve("ds.db"));
    ds.setEnforceForeignKeys(true);
    try (Database db = Database.open(ds, BackPopulates.registry())) {
      assertThat(db.dialect()).isEqualTo("sqlite");
      db.createAll();
      try (Session s = db.session()) {
        Child orphan = new Child("o");
        orphan.parentId = 999;
        s.add(orphan);
        assertThatThrownBy(s::commit).isInstanceOf(dev.tether.IntegrityException.class);
      }
    }
  }

  @Test
  void foreignKeysAreEnforcedOnTheEmbeddedDefault() {
    try (Database db = TestDatabase.SQLITE.open(BackPopulates.registry());
        Session s = db.session()) {
      Child orphan = new Child("o");
      orphan.parentId = 999;
      s.add(orphan);
      assertThatThrownBy(s::commit).isInstanceOf(dev.tether.IntegrityException.class);
    }
  }

  @Test
  void dropAllRemovesTheTables() {
    try (Database db = TestDatabase.SQLITE.open(BackPopulates.registry())) {
      db.dropAll();
      try (Session s = db.session()) {
        assertThatThrownBy(() -> s.get(Parent.class, 1)).isInstanceOf(DatabaseException.class);
      }
      db.createAll();
      try (Session s = db.session()) {
        assertThat(s.get(Parent.class, 1)).isNull();
      }
    }
  }

  @Test
  void createAllIndexesEveryForeignKey() {
    StatementRecorder ddl = new StatementRecorder();
    try (Database db = TestDatabase.SQLITE.open(BackPopulates.registry())) {
      db.addStatementListener(ddl);
      db.createAll();
    }
    assertThat(ddl.statements())
        .anyMatch(x -> x.startsWith("CREATE INDEX") && x.contains("\"parent_id\""))
        .anyMatch(x -> x.contains("FOREIGN KEY (\"parent_id\") REFERENCES \"bp_parent\" (\"id\")"));
  }

  @Test
  void aKeyOfTheWrongShapeIsAClearErrorBeforeAnySql() {
    StatementRecorder sql = new StatementRecorder();
    try (Database db = TestDatabase.SQLITE.open(BackPopulates.registry());
        Session s = db.session()) {
      db.addStatementListener(sql);
      assertThatThrownBy(() -> s.get(Parent.class, "x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Parent.id is a Integer key")
          .hasMessageContaining("String x");
      assertThatThrownBy(() -> s.get(Parent.class, 1, 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("2 values [1, 2]");
      assertThat(sql.count()).isZero();
      assertThat(s.get(Parent.class, 7L)).isNull(); // any whole number fits an Integer key
    }
  }

  /** MySQL is refused before any connection is tried, with the reason and the fix. */
  @Test
  void mysqlUrlIsRefusedNamingTheReasonAndTheFix() {
    assertThatThrownBy(() -> Database.open("jdbc:mysql://127.0.0.1/app", BackPopulates.registry()))
        .isInstanceOfSatisfying(
            TetherException.class, e -> assertThat(e.code()).isEqualTo("unsupported-database"))
        .hasMessageContaining("does not run on MySQL")
        .hasMessageContaining("INSERT ... RETURNING")
        .hasMessageContaining("MariaDB 10.7+")
        .hasMessageContaining("jdbc:mariadb://");
  }

  @Test
  void unsupportedUrlIsAClearError() {
    assertThatThrownBy(() -> Database.open("jdbc:oracle:thin:@x", BackPopulates.registry()))
        .isInstanceOf(TetherException.class)
        .hasMessageContaining("jdbc:oracle:thin:@x")
        .hasMessageContaining("jdbc:sqlite:");
  }

  @Test
  void sqlIsLoggedAtDebugAndValuesAtTrace() throws Exception {
    String marker = "marker-" + UUID.randomUUID();
    try (Database db = TestDatabase.SQLITE.open(BackPopulates.registry());
        Session s = db.session()) {
      s.add(new Parent(marker));
      s.commit();
    }
    String log = Files.readString(Path.of("target/test-output.log"));
    assertThat(log).contains("DEBUG dev.tether.sql - INSERT INTO \"bp_parent\"");
    assertThat(log).contains("TRACE dev.tether.sql -   values: [" + marker + "]");
  }
}
