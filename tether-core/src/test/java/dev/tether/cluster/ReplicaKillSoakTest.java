package dev.tether.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.CommitOutcomeUnknownException;
import dev.tether.Database;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.Table;
import dev.tether.TransactionOptions;
import dev.tether.cluster.ReadReplicaTest.Server;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's replica kill, bounded (about 10 s; a minute with {@code -Dtether.soak=long}): writer
 * threads each commit an entry and then read their own latest entry back in a read-only
 * transaction, while the standby is killed with {@code kill -9} and restarted mid-run. Invariants:
 * no write fails, is lost or lands twice; every read sees its thread's own last commit
 * (read-your-writes, whether it ran on the standby or the primary); reads run on the standby before
 * the kill and after the restart, on the primary between. Prints throughput and where the reads
 * ran. PostgreSQL only (streaming replicas; {@link ReplicaPair} says how the test is enabled).
 */
class ReplicaKillSoakTest {
  static final TransactionOptions READ_ONLY = TransactionOptions.defaults().readOnly();
  static final int THREADS = 4;

  /** {@code -Dtether.soak=long} (DEVELOPERS.md, "Soak and fault tests"): a minute, not seconds. */
  static final boolean LONG = "long".equals(System.getProperty("tether.soak"));

  static final long RUN_MILLIS = LONG ? 60_000 : 10_000;
  static final long KILL_AT = LONG ? 10_000 : 1_500;
  static final long RESTART_AT = LONG ? 25_000 : 3_500;

  /** One committed write: thread {@code writer}'s {@code seq}-th. */
  @Table("rk_entry")
  public static class Entry extends Model {
    @Id public Integer id;
    public Integer writer;
    public Integer seq;

    public Entry() {}

    Entry(int writer, int seq) {
      this.writer = writer;
      this.seq = seq;
    }
  }

  ReplicaPair pair;
  Database db;

  @BeforeEach
  void open() throws Exception {
    pair = ReplicaPair.require();
    pair.reset();
    db =
        Database.builder(pair.primaryUrl)
            .replica(pair.replicaUrl)
            .readYourWrites(Duration.ofSeconds(1))
            .open(Registry.of(Entry.class, Server.class));
    db.createAll();
    pair.awaitStreaming();
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
    if (pair != null) {
      pair.run("restart-replica");
    }
  }

  final AtomicLong writes = new AtomicLong();
  final AtomicLong writeFailures = new AtomicLong();
  final AtomicLong replicaReads = new AtomicLong();
  final AtomicLong primaryReads = new AtomicLong();
  final AtomicLong replicaReadsAfterRestart = new AtomicLong();
  final AtomicLong primaryReadsWhileDown = new AtomicLong();
  final AtomicLong primaryReadsBeforeKill = new AtomicLong();
  final AtomicLong readFailures = new AtomicLong();
  final AtomicLong readsUnknown = new AtomicLong();
  final AtomicLong stale = new AtomicLong();
  final AtomicLong slowestReadMillis = new AtomicLong();
  volatile long killedAt = Long.MAX_VALUE;
  volatile long restartedAt = Long.MAX_VALUE;

  @Test
  void writersReadTheirOwnWritesWhileTheStandbyIsKilledAndRestarted() throws Exception {
    long start = System.nanoTime();
    long end = start + RUN_MILLIS * 1_000_000;
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < THREADS; w++) {
      int writer = w;
      workers.add(pool.submit(() -> work(writer, end)));
    }
    ReadReplicaTest.sleep(KILL_AT);
    pair.run("kill-replica");
    killedAt = System.nanoTime();
    ReadReplicaTest.sleep(RESTART_AT - KILL_AT);
    pair.run("restart-replica");
    restartedAt = System.nanoTime();
    for (Future<?> f : workers) {
      f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    long rows;
    try (Session s = db.session()) {
      rows = s.selectSql(Entry.class, "SELECT * FROM rk_entry").size();
    }
    System.out.printf(
        "[replica-kill soak] %d threads, %.1f s: %d writes (%.0f/s), %d failed; reads: %d on the"
            + " standby (%d after its restart), %d on the primary (%d before the kill, %d while it was"
            + " down), %d failed,"
            + " %d unknown at COMMIT, %d stale; slowest read %d ms; rows %d%n",
        THREADS,
        seconds,
        writes.get(),
        writes.get() / seconds,
        writeFailures.get(),
        replicaReads.get(),
        replicaReadsAfterRestart.get(),
        primaryReads.get(),
        primaryReadsBeforeKill.get(),
        primaryReadsWhileDown.get(),
        readFailures.get(),
        readsUnknown.get(),
        stale.get(),
        slowestReadMillis.get(),
        rows);
    assertThat(writeFailures.get()).as("failed writes").isZero();
    assertThat(rows).as("rows = reported writes: none lost, none twice").isEqualTo(writes.get());
    assertThat(stale.get()).as("reads that missed their thread's own last commit").isZero();
    assertThat(readFailures.get()).as("failed reads").isZero();
    assertThat(readsUnknown.get()).as("read-only transactions with an unknown outcome").isZero();
    assertThat(primaryReadsWhileDown.get()).as("reads on the primary while down").isPositive();
    assertThat(replicaReadsAfterRestart.get()).as("standby reads after restart").isPositive();
  }

  private void work(int writer, long end) {
    for (int seq = 1; System.nanoTime() < end; seq++) {
      int mine = seq;
      try {
        db.inTransaction(s -> s.add(new Entry(writer, mine)));
        writes.incrementAndGet();
      } catch (RuntimeException e) {
        writeFailures.incrementAndGet();
        continue;
      }
      long t0 = System.nanoTime();
      try {
        Object[] seen =
            db.callInTransaction(
                READ_ONLY,
                s -> {
                  boolean standby =
                      s.selectSql(Server.class, ReadReplicaTest.WHICH_SERVER).get(0).inRecovery;
                  List<Entry> last =
                      s.selectSql(
                          Entry.class,
                          "SELECT * FROM rk_entry WHERE writer = ? ORDER BY seq DESC LIMIT 1",
                          writer);
                  return new Object[] {standby, last.isEmpty() ? 0 : last.get(0).seq};
                });
        long done = System.nanoTime();
        slowestReadMillis.accumulateAndGet((done - t0) / 1_000_000, Math::max);
        if ((Boolean) seen[0]) {
          replicaReads.incrementAndGet();
          if (t0 > restartedAt) {
            replicaReadsAfterRestart.incrementAndGet();
          }
        } else {
          primaryReads.incrementAndGet();
          if (t0 > killedAt && t0 < restartedAt) {
            primaryReadsWhileDown.incrementAndGet();
          } else if (t0 < killedAt) {
            primaryReadsBeforeKill.incrementAndGet(); // the standby lagged past maxWait
          }
        }
        if ((Integer) seen[1] != mine) {
          stale.incrementAndGet();
        }
      } catch (CommitOutcomeUnknownException e) {
        readsUnknown.incrementAndGet(); // never: a read-only transaction has nothing to apply
      } catch (RuntimeException e) {
        readFailures.incrementAndGet();
        e.printStackTrace();
      }
    }
  }
}
