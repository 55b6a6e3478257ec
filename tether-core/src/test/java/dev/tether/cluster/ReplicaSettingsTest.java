package dev.tether.cluster;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.Registry;
import dev.tether.TetherException;
import dev.tether.cluster.ReadReplicaTest.Note;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What {@code Database.builder(...).replica(...)} refuses, without any server: replicas on a
 * database that has no streaming replicas Tether can read (SQLite here; MariaDB alike), and a
 * negative read-your-writes wait. The PostgreSQL side is {@link ReadReplicaTest}.
 */
class ReplicaSettingsTest {
  @Test
  void aReplicaOfADatabaseOtherThanPostgresqlIsATypedErrorNamingTheFix() {
    assertThatThrownBy(
            () ->
                Database.builder("jdbc:sqlite::memory:")
                    .replica("jdbc:sqlite::memory:")
                    .open(Registry.of(Note.class)))
        .isInstanceOfSatisfying(
            TetherException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.code())
                    .isEqualTo("replicas-unsupported"))
        .hasMessageContaining("PostgreSQL streaming replication only")
        .hasMessageContaining("this database is sqlite")
        .hasMessageContaining("Remove .replica(...)");
  }

  @Test
  void aNegativeWaitIsRefusedAtOnce() {
    assertThatThrownBy(
            () -> Database.builder("jdbc:sqlite::memory:").readYourWrites(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("readYourWrites(PT-0.001S): must be >= 0");
  }
}
