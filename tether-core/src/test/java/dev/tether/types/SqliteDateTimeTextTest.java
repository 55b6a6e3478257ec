package dev.tether.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.ValueConversionException;
import dev.tether.testing.TestDatabase;
import dev.tether.types.ValueConversionTest.Paint;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite only, because only SQLite keeps date-times as text of any form: the text Tether writes,
 * the forms with zones it reads, and text that is no date-time, refused with the column named.
 */
class SqliteDateTimeTextTest {
  @TempDir Path dir;
  Database db;
  String url;

  @BeforeEach
  void open() {
    url = TestDatabase.SQLITE.sharedUrl(dir);
    db = TestDatabase.SQLITE.open(Registry.of(Paint.class), url);
  }

  @AfterEach
  void close() {
    db.close();
  }

  void run(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  String stored(int id) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT mixed_at FROM vc_paint WHERE id = " + id)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void tetherWritesSqlitesFormWithAFractionOnlyWhenNeeded() throws Exception {
    try (Session s = db.session()) {
      Paint whole = new Paint();
      whole.id = 1;
      whole.mixedAt = LocalDateTime.of(2026, 12, 7, 17, 55, 50);
      Paint fraction = new Paint();
      fraction.id = 2;
      fraction.mixedAt = LocalDateTime.of(2026, 12, 7, 17, 55, 50, 120_000_000);
      s.add(whole);
      s.add(fraction);
      s.commit();
    }
    assertThat(stored(1)).isEqualTo("2026-12-07 17:55:50");
    assertThat(stored(2)).isEqualTo("2026-12-07 17:55:50.12");
  }

  @Test
  void aZoneIsConvertedToUtcAsSqlitesFunctionsDo() throws Exception {
    run("INSERT INTO vc_paint (id, mixed_at) VALUES (1, '2026-12-07T19:55:50.5+02:00')");
    try (Session s = db.session()) {
      assertThat(s.get(Paint.class, 1).mixedAt)
          .isEqualTo(LocalDateTime.of(2026, 12, 7, 17, 55, 50, 500_000_000));
    }
    run("UPDATE vc_paint SET id = 2 WHERE datetime(mixed_at) = '2026-12-07 17:55:50'");
    assertThat(stored(2)).isNotNull(); // SQLite's own reading agrees
  }

  @Test
  void aYearSqliteTextCannotHoldIsRefusedBeforeItIsSent() {
    try (Session s = db.session()) {
      Paint p = new Paint();
      p.id = 1;
      p.mixedAt = LocalDateTime.of(10_000, 1, 1, 0, 0);
      s.add(p);
      assertThatThrownBy(s::commit)
          .isInstanceOf(ValueConversionException.class)
          .hasMessageStartingWith(
              "Cannot bind parameter 4: +10000-01-01T00:00 (a LocalDateTime) is not a value of a"
                  + " DATETIME column (SQLite date-times hold years 0000 to 9999, not 10000)");
    }
  }

  @Test
  void textThatIsNoDateTimeNamesTheColumn() throws Exception {
    run("INSERT INTO vc_paint (id, mixed_at) VALUES (1, '07/12/2026')");
    try (Session s = db.session()) {
      assertThatThrownBy(() -> s.get(Paint.class, 1))
          .isInstanceOf(ValueConversionException.class)
          .hasMessageStartingWith(
              "Cannot read Paint.mixedAt (vc_paint.mixed_at): the database holds '07/12/2026'"
                  + " (a String), which is not a LocalDateTime (SQLite date-time text is");
    }
  }
}
