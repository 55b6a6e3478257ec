package dev.tether.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Self-test of the harness's availability rule: skip locally, fail under {@code CI=true}. */
class TestDatabaseAvailabilityTest {
  private final TestDatabase.Probe refused =
      new TestDatabase.Probe("PSQLException: Connection refused", new ConnectException("refused"));

  @Test
  void anUnavailableServerFailsUnderCiNamingTheDatabaseTheUrlAndTheFix() {
    assertThatThrownBy(() -> refused.require(TestDatabase.POSTGRESQL, true))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("PostgreSQL")
        .hasMessageContaining(TestDatabase.POSTGRESQL.url())
        .hasMessageContaining("Connection refused")
        .hasMessageContaining("pg_ctlcluster --skip-systemctl-redirect")
        .hasMessageContaining("TETHER_TEST_POSTGRESQL_URL")
        .hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void anUnavailableServerSkipsLocallySayingHowToEnableIt() {
    assertThatThrownBy(() -> refused.require(TestDatabase.MARIADB, false))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("MariaDB")
        .hasMessageContaining(TestDatabase.MARIADB.url())
        .hasMessageContaining("start-stop-daemon --start --oknodo --background")
        .hasMessageContaining("TETHER_TEST_MARIADB_URL");
  }

  @Test
  void anAvailableServerPassesEitherWay() {
    TestDatabase.Probe ok = new TestDatabase.Probe(null, null);
    assertThatCode(() -> ok.require(TestDatabase.SQLITE, true)).doesNotThrowAnyException();
    assertThatCode(() -> ok.require(TestDatabase.SQLITE, false)).doesNotThrowAnyException();
  }

  @Test
  void sqliteInMemoryIsAlwaysThere() {
    assertThat(TestDatabase.SQLITE.url()).isEqualTo("jdbc:sqlite::memory:");
    assertThat(TestDatabase.SQLITE.isAvailable()).isTrue();
  }

  @Test
  void everyDatabaseIsParameterizedInDeclarationOrder() {
    assertThat(TestDatabase.all())
        .containsExactly(TestDatabase.SQLITE, TestDatabase.POSTGRESQL, TestDatabase.MARIADB);
  }
}
