package dev.tether.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
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
 * The transfer soak with {@code @Version} on every database (SQLite as a file, so that its
 * connections contend): a few seconds and 4 threads in every build, minutes and 16 threads with
 * {@code -Dtether.soak=long}. Every invariant holds exactly, and every transfer succeeds; where
 * write transactions on different connections run at once (the servers), they conflict on the same
 * accounts and {@code inTransaction} retries them, where one write lock orders them (SQLite) none
 * needs a retry.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class TransferSoakTest {
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

  @Test
  void concurrentTransfersKeepEveryInvariant() throws InterruptedException {
    SoakReport r =
        TransferSoak.on(db, url)
            .label(target + " transfers")
            .threads(SoakLength.of(4, 16))
            .accounts(SoakLength.of(8, 32))
            .duration(SoakLength.of(Duration.ofSeconds(5), Duration.ofMinutes(2)))
            .maxTransfers(SoakLength.of(5_000, 1_000_000))
            .run();
    System.out.println(r);
    r.examples().forEach((kind, e) -> System.out.println("  " + kind + ": " + e));
    assertThat(r.violations()).isEmpty();
    assertThat(r.transfers()).isPositive();
    assertThat(r.succeeded()).isEqualTo(r.transfers());
    if (target.writeTransactionsRunConcurrently()) {
      assertThat(r.retries()).as("conflicts retried").isPositive();
    } else {
      assertThat(r.retries()).as("one write lock: nothing to retry").isZero();
    }
  }
}
