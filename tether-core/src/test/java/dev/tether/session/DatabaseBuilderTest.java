package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.DatabaseException;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.TetherException;
import dev.tether.session.ConcurrentWritersTest.Account;
import dev.tether.testing.SimpleDataSource;
import dev.tether.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code Database.builder}'s pool settings on every database (SQLite as a file: an in-memory
 * database has one shared connection and no pool): a session that finds every connection taken
 * waits no longer than the connection timeout, fails with a typed error that says so, and gets a
 * connection once one is free.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class DatabaseBuilderTest {
  @Parameter TestDatabase target;
  @TempDir Path dir;

  @Test
  void aSessionWaitsAtMostTheConnectionTimeoutForAFreeConnection() {
    String url = target.sharedUrl(dir);
    target.open(Registry.of(Account.class), url).close(); // an empty schema with the tables
    try (Database db =
        Database.builder(url)
            .poolSize(1)
            .connectionTimeout(Duration.ofMillis(300))
            .open(Registry.of(Account.class))) {
      try (Session holder = db.session()) {
        assertThat(holder.select(Account.class).list()).isEmpty(); // holds the one connection
        long start = System.nanoTime();
        try (Session waiting = db.session()) {
          assertThatThrownBy(() -> waiting.select(Account.class).list())
              .isInstanceOfSatisfying(
                  DatabaseException.class, e -> assertThat(e.code()).isEqualTo("connect"))
              .hasMessageContaining("timed out")
              .hasMessageContaining("total=1")
              .hasMessageContaining("connectionTimeout");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start))
            .isBetween(Duration.ofMillis(290), Duration.ofSeconds(3));
      }
      try (Session after = db.session()) {
        after.add(new Account(1, "after"));
        after.commit();
      }
    }
  }

  @Test
  void poolSettingsAreRefusedForTheApplicationsDataSource() {
    String url = target.sharedUrl(dir);
    SimpleDataSource ds =
        new SimpleDataSource() {
          @Override
          public java.sql.Connection getConnection() throws java.sql.SQLException {
            return java.sql.DriverManager.getConnection(url);
          }
        };
    assertThatThrownBy(() -> Database.builder(ds).poolSize(5).open(Registry.of(Account.class)))
        .isInstanceOfSatisfying(
            TetherException.class, e -> assertThat(e.code()).isEqualTo("invalid-setting"))
        .hasMessageContaining("set them on that pool");
  }

  @Test
  void badSettingsSayWhatIsAllowed() {
    assertThatThrownBy(() -> Database.builder("jdbc:sqlite::memory:").poolSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
    assertThatThrownBy(
            () -> Database.builder("jdbc:sqlite::memory:").connectionTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be > 0");
  }
}
