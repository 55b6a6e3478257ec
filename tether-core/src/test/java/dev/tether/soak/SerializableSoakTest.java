package dev.tether.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.Isolation;
import dev.tether.RetryPolicy;
import dev.tether.TransactionOptions;
import dev.tether.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real serialization conflicts at {@code SERIALIZABLE}, on every database: the transfer soak with
 * its pair limit ({@link TransferSoak#pairLimit()}), where a transfer reads the sending account's
 * partner and declines when the pair's total would go below zero. The partner is only read, so only
 * a serializable execution keeps the limit: PostgreSQL detects the read-write dependency (SQLSTATE
 * 40001), MariaDB's shared read locks deadlock (1213, SQLSTATE 40001). Run once without retries,
 * the conflicts reach the callers as serialization failures and nothing else; run with retries,
 * every transfer ends without failure. Both times every invariant, the pair limit included, holds
 * exactly. SQLite's one write lock orders the transfers, so there are no conflicts to see: pinned
 * by {@link TestDatabase#writeTransactionsRunConcurrently()}.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class SerializableSoakTest {
  private static final TransactionOptions SERIALIZABLE =
      TransactionOptions.defaults().isolation(Isolation.SERIALIZABLE);

  @Parameter TestDatabase target;
  @TempDir Path dir;
  Database db;
  String url;

  @BeforeEach
  void open() {
    url = target.sharedUrl(dir);
    db = target.open(TransferSoak.models(), url);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private TransferSoak soak(String label, TransactionOptions options) {
    return TransferSoak.on(db, url)
        .label(target + " " + label)
        .pairLimit()
        .money(100, 100)
        .threads(SoakLength.of(4, 16))
        .accounts(SoakLength.of(8, 32))
        .transactions(work -> db.inTransaction(options, work));
  }

  @Test
  void withoutRetriesTheConflictsReachTheCallersAsSerializationFailures()
      throws InterruptedException {
    SoakReport r =
        soak("serializable, no retries", SERIALIZABLE.retry(RetryPolicy.none()))
            .duration(SoakLength.of(Duration.ofSeconds(2), Duration.ofSeconds(60)))
            .maxTransfers(SoakLength.of(3_000, 1_000_000))
            .run();
    System.out.println(r);
    r.examples().forEach((kind, e) -> System.out.println("  " + kind + ": " + e));
    assertThat(r.violations()).isEmpty();
    assertThat(r.unknown()).isZero();
    assertThat(r.retries()).isZero();
    if (target.writeTransactionsRunConcurrently()) {
      assertThat(r.failed()).as("serialization failures").isPositive();
      assertThat(r.failedByKind().keySet()).allMatch(kind -> kind.matches("serialization/40..."));
    } else {
      assertThat(r.failedByKind()).as("one write lock: no conflicts").isEmpty();
    }
  }

  @Test
  void withRetriesEveryTransferEndsAndTheLimitHolds() throws InterruptedException {
    RetryPolicy retry = TransferSoak.RETRY.attempts(SoakLength.of(50, 100));
    SoakReport r =
        soak("serializable, retried", SERIALIZABLE.retry(retry))
            .duration(SoakLength.of(Duration.ofSeconds(4), Duration.ofMinutes(2)))
            .maxTransfers(SoakLength.of(5_000, 1_000_000))
            .run();
    System.out.println(r);
    r.examples().forEach((kind, e) -> System.out.println("  " + kind + ": " + e));
    assertThat(r.violations()).isEmpty();
    assertThat(r.failedByKind()).isEmpty();
    assertThat(r.unknown()).isZero();
    assertThat(r.succeeded() + r.declined()).isEqualTo(r.transfers());
    assertThat(r.declined()).as("the limit was reached").isPositive();
    if (target.writeTransactionsRunConcurrently()) {
      assertThat(r.retries()).as("conflicts retried").isPositive();
    } else {
      assertThat(r.retries()).as("one write lock: nothing to retry").isZero();
    }
  }
}
