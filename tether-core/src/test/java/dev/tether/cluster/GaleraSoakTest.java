package dev.tether.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.RetryPolicy;
import dev.tether.soak.Fault;
import dev.tether.soak.SoakReport;
import dev.tether.soak.TransferSoak;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transfer soak ({@link TransferSoak}) on a 3-node MariaDB Galera cluster (Galera-specific:
 * {@code .ci/galera}), through the multi-host {@code loadbalance} URL so that transfers run on
 * every node at once, while node 2 is killed with {@code kill -9} and restarted mid-run (it rejoins
 * by IST). Each transfer is {@code db.inTransaction(RetryPolicy.defaults().attempts(10), ...)}:
 * certification conflicts, {@code StaleObjectException}s and transactions lost with the dead node
 * are retried. Every invariant holds exactly (sum, every success once, no failure applied, nothing
 * applied twice); unknown outcomes are counted with how many were applied; transfers succeed again
 * soon after the kill (the stall is reported) and after the restart.
 *
 * <p>About 20 s by default; {@code -Dtether.soak=long} runs 3 minutes with two kill/restart rounds.
 * The report line ({@code soak GALERA ...} and {@code [galera] ...}) is what the closing note
 * quotes.
 */
class GaleraSoakTest {
  private static final boolean LONG = "long".equals(System.getProperty("tether.soak"));
  private static final RetryPolicy RETRY = RetryPolicy.defaults().attempts(10);

  GaleraCluster cluster;
  Database db;

  @BeforeEach
  void open() {
    cluster = GaleraCluster.require();
    cluster.reset();
    db = cluster.openPooled(TransferSoak.models(), 12);
    db.createAll();
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
    if (cluster != null) {
      cluster.startAll(); // a node a failed run left down
    }
  }

  @Test
  void transfersOnEveryNodeKeepEveryInvariantThroughANodeKill() throws InterruptedException {
    List<Long> successes = Collections.synchronizedList(new ArrayList<>());
    List<long[]> downtimes = Collections.synchronizedList(new ArrayList<>());
    AtomicLong killedAt = new AtomicLong();
    Fault fault = Fault.none();
    int rounds = LONG ? 2 : 1;
    Duration round = LONG ? Duration.ofSeconds(80) : Duration.ofSeconds(12);
    for (int i = 0; i < rounds; i++) {
      Duration kill = round.multipliedBy(i).plusSeconds(LONG ? 20 : 5);
      // node 3 stops answering just before the kill, so the group stalls and node 2 dies with
      // COMMITs in flight (unknown outcomes); it answers again before the group would evict it
      fault =
          fault
              .then(Fault.once("pause node 3", kill.minusMillis(300), () -> cluster.pause(3)))
              .then(
                  Fault.once(
                      "kill -9 node 2",
                      kill,
                      () -> {
                        killedAt.set(System.nanoTime());
                        cluster.kill(2);
                      }))
              .then(Fault.once("resume node 3", kill.plusMillis(700), () -> cluster.resume(3)))
              .then(
                  Fault.once(
                      "restart node 2",
                      kill.plusSeconds(LONG ? 30 : 5),
                      () -> {
                        long start = System.nanoTime();
                        cluster.restart(2);
                        downtimes.add(new long[] {killedAt.get(), start, System.nanoTime()});
                      }));
    }
    long began = System.nanoTime();
    SoakReport r =
        TransferSoak.on(db, cluster.nodeUrl(1))
            .label("GALERA 3 nodes, node 2 killed and restarted")
            .threads(6)
            .accounts(24)
            .duration(LONG ? Duration.ofMinutes(3) : Duration.ofSeconds(20))
            .maxTransfers(LONG ? 1_000_000 : 50_000)
            .fault(fault)
            .transactions(
                work -> {
                  db.inTransaction(RETRY, work);
                  successes.add(System.nanoTime());
                })
            .run();
    System.out.println(r);
    System.out.println(recovery(began, successes, downtimes));
    assertThat(r.violations()).isEmpty();
    assertThat(r.faultErrors()).as("kill and restart ran").isZero();
    assertThat(r.faultRuns()).isEqualTo(4 * rounds);
    assertThat(r.succeeded()).isPositive();
    assertThat(r.succeededAfterFaults()).as("transfers after node 2 rejoined").isPositive();
    assertThat(downtimes).hasSize(rounds);
    for (long[] d : downtimes) {
      assertThat(firstSuccessAfter(successes, d[0]) - d[0])
          .as("time from the kill to the next successful transfer")
          .isLessThan(Duration.ofSeconds(15).toNanos());
    }
  }

  private static long firstSuccessAfter(List<Long> successes, long t) {
    synchronized (successes) {
      return successes.stream().filter(s -> s > t).min(Long::compare).orElse(Long.MAX_VALUE);
    }
  }

  /**
   * One line: per kill, the time to the next successful transfer and the longest pause between
   * successes while node 2 was down; how long the restart (rejoin) took.
   */
  private static String recovery(long began, List<Long> successes, List<long[]> downtimes) {
    List<Long> sorted;
    synchronized (successes) {
      sorted = new ArrayList<>(successes);
    }
    Collections.sort(sorted);
    StringBuilder out = new StringBuilder("[galera] recovery:");
    for (long[] d : downtimes) {
      long killed = d[0];
      long restarted = d[2];
      long longest = 0;
      long previous = killed;
      for (long s : sorted) {
        if (s > killed && s < restarted) {
          longest = Math.max(longest, s - previous);
          previous = s;
        }
      }
      long during = sorted.stream().filter(s -> s > killed && s < restarted).count();
      out.append(
          String.format(
              Locale.ROOT,
              " kill at %.1f s: next success after %.2f s, longest pause %.2f s, %d transfers"
                  + " succeeded while node 2 was down, restart (rejoin) took %.1f s;",
              (killed - began) / 1e9,
              (firstSuccessAfter(successes, killed) - killed) / 1e9,
              longest / 1e9,
              during,
              (restarted - d[1]) / 1e9));
    }
    return out.toString();
  }
}
