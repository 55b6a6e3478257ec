package dev.tether.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

  @Test
  void invariantsHoldThroughAKillStormAndThePoolRecovers() throws InterruptedException {
    assumeTrue(
        target.canKillConnections(),
        "an embedded database has no connection another process could kill");
    Duration stormEnd = SoakLength.of(Duration.ofSeconds(4), Duration.ofSeconds(150));
    Fault storm =
        Fault.every(
            "kill every connection",
            Duration.ofSeconds(1),
            stormEnd,
            Duration.ofMillis(SoakLength.of(250, 200)),
            target::killOtherConnections);
    SoakReport r =
        TransferSoak.on(db, url)
            .label(target + " kill storm")
            .threads(SoakLength.of(4, 16))
            .accounts(SoakLength.of(8, 32))
            .duration(stormEnd.plus(Duration.ofSeconds(SoakLength.of(2, 30))))
            .maxTransfers(SoakLength.of(10_000, 1_000_000))
            .fault(storm)
            .run();
    System.out.println(r);
    assertThat(r.violations()).isEmpty();
    assertThat(r.faultErrors()).isZero();
    assertThat(r.faultRuns()).isGreaterThan(5);
    assertThat(r.succeededAfterFaults()).as("transfers after the storm").isPositive();
  }
}
