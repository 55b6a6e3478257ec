package dev.tether.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tether.Database;
import dev.tether.Isolation;
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
 * Connection-kill storms during the transfer soak: a background thread kills every other connection
 * of the test database again and again (PostgreSQL {@code pg_terminate_backend}, MariaDB {@code
 * KILL CONNECTION}), then stops, and the soak goes on. Every invariant holds exactly; outcomes the
 * callers could not be told ({@code CommitOutcomeUnknownException}) are counted with how many were
 * in fact applied; no failure escapes untyped; and transfers succeed after the storm (the pool
 * recovered). Gated on the capability to kill a connection from outside, which embedded SQLite
 * lacks.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class KillStormSoakTest {
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

  /** Every other connection killed every 250 ms (200 ms long) from 0.5 s until {@code stormEnd}. */
  private Fault storm(Duration stormEnd) {
    return Fault.every(
        "kill every connection",
        Duration.ofMillis(500),
        stormEnd,
        Duration.ofMillis(SoakLength.of(250, 200)),
        target::killOtherConnections);
  }

  private SoakReport soakThroughAStorm(TransferSoak soak) throws InterruptedException {
    assumeTrue(
        target.canKillConnections(),
        "an embedded database has no connection another process could kill");
    Duration stormEnd = SoakLength.of(Duration.ofSeconds(3), Duration.ofSeconds(150));
    SoakReport r =
        soak.threads(SoakLength.of(4, 16))
            .accounts(SoakLength.of(8, 32))
            .duration(stormEnd.plus(Duration.ofMillis(SoakLength.of(1_500, 30_000))))
            .maxTransfers(SoakLength.of(10_000, 1_000_000))
            .fault(storm(stormEnd))
            .run();
    System.out.println(r);
    r.examples().forEach((kind, e) -> System.out.println("  " + kind + ": " + e));
    assertThat(r.violations()).isEmpty();
    assertThat(r.failedByKind()).as("a connection lost before COMMIT is retried").isEmpty();
    assertThat(r.faultErrors()).isZero();
    assertThat(r.faultRuns()).isGreaterThan(5);
    assertThat(r.succeededAfterFaults()).as("transfers after the storm").isPositive();
    return r;
  }

  @Test
  void invariantsHoldThroughAKillStormAndThePoolRecovers() throws InterruptedException {
    soakThroughAStorm(TransferSoak.on(db, url).label(target + " kill storm"));
  }

  /**
   * The storm at {@code SERIALIZABLE} with the pair limit: connections die while transactions set
   * their isolation level, read, fail to serialize and retry; the limit holds as well.
   */
  @Test
  void serializableTransfersKeepTheirLimitThroughAKillStorm() throws InterruptedException {
    TransactionOptions serializable =
        TransactionOptions.defaults()
            .isolation(Isolation.SERIALIZABLE)
            .retry(TransferSoak.RETRY.attempts(50));
    SoakReport r =
        soakThroughAStorm(
            TransferSoak.on(db, url)
                .label(target + " kill storm, serializable")
                .pairLimit()
                .money(100, 100)
                .transactions(work -> db.inTransaction(serializable, work)));
    assertThat(r.declined()).as("the limit was reached").isPositive();
  }
}
