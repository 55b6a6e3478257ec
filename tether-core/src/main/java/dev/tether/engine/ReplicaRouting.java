package dev.tether.engine;

import dev.tether.Isolation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection source of a PostgreSQL primary with streaming replicas ({@code
 * Database.builder(url).replica(...)}): read-write transactions run on the primary, read-only ones
 * on a replica, taken in turn, skipping one that failed lately ({@link Replica}).
 *
 * <p>Read-your-writes, per thread: after a read-write transaction commits, the primary's WAL
 * position is read on the same connection ({@link #committed}, one round trip) and remembered for
 * the calling thread; that thread's next read-only transaction takes a replica only once the
 * replica has replayed that position, polling it for up to {@code maxWait}, and otherwise runs on
 * the primary. A thread that never committed reads whatever the replicas have.
 */
final class ReplicaRouting extends ConnectionSource {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger("dev.tether.engine");

  /** A commit whose position could not be read: the thread reads from the primary. */
  static final long UNKNOWN = Long.MAX_VALUE;

  private final ConnectionSource primary;
  private final List<Replica> replicas;
  private final long maxWaitNanos;
  private final String commitPositionSql;

  /** The primary pool's level: a replica cannot run SERIALIZABLE transactions. */
  private final Isolation poolIsolation;

  private final AtomicInteger turn = new AtomicInteger();

  /** The WAL position of this thread's last commit on the primary (0: none yet). */
  private final ThreadLocal<long[]> lastCommit = ThreadLocal.withInitial(() -> new long[1]);

  ReplicaRouting(
      ConnectionSource primary,
      List<Replica> replicas,
      Duration maxWait,
      String commitPositionSql,
      Isolation poolIsolation) {
    this.primary = primary;
    this.replicas = List.copyOf(replicas);
    this.maxWaitNanos = maxWait.toNanos();
    this.commitPositionSql = commitPositionSql;
    this.poolIsolation = poolIsolation;
  }

  @Override
  public Connection acquire() throws SQLException {
    return primary.acquire();
  }

  /**
   * A replica's connection that has replayed this thread's last commit, else the primary's: when
   * every replica is failing or skipped, the one tried did not catch up within {@code maxWait}, or
   * the transaction is SERIALIZABLE.
   */
  @Override
  public Connection acquireReadOnly(Isolation isolation) throws SQLException {
    long needed = lastCommit.get()[0];
    Isolation level = isolation != null ? isolation : poolIsolation;
    // a hot standby refuses SERIALIZABLE ("cannot use serializable mode in a hot standby")
    if (needed != UNKNOWN && level != Isolation.SERIALIZABLE) {
      long deadline = System.nanoTime() + maxWaitNanos;
      int first = Math.floorMod(turn.getAndIncrement(), replicas.size());
      for (int i = 0; i < replicas.size(); i++) {
        Replica replica = replicas.get((first + i) % replicas.size());
        if (!replica.available()) {
          continue;
        }
        Connection c = replica.connectionAt(needed, deadline);
        if (c != null) {
          return c;
        }
        if (replica.available()) {
          break; // alive but behind: the wait is spent, the primary has the commit
        }
      }
    }
    return primary.acquire();
  }

  /**
   * Reads the position of the commit that just ended on {@code c} (a read-write transaction on the
   * primary) and remembers it for this thread. Autocommit goes back on first, which costs no round
   * trip after a COMMIT and keeps the query out of a new transaction that the pool would roll back.
   * Never throws: the transaction is committed whatever happens here.
   */
  @Override
  public void committed(Connection c) {
    long[] position = lastCommit.get();
    try {
      c.setAutoCommit(true);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(commitPositionSql)) {
        rs.next();
        position[0] = position[0] == UNKNOWN ? rs.getLong(1) : Math.max(position[0], rs.getLong(1));
      }
    } catch (SQLException | RuntimeException e) {
      // a replica might lack the commit: this thread reads from the primary until it commits again
      position[0] = UNKNOWN;
      LOG.debug("the commit's WAL position could not be read; reads go to the primary", e);
    }
  }

  /**
   * Captures this thread's last commit position now; the thread that runs the result waits for it
   * too (and for its own later commits), as if it had made those commits itself.
   */
  @Override
  public Runnable carryingCommits(Runnable task) {
    long carried = lastCommit.get()[0];
    if (carried == 0) {
      return task;
    }
    return () -> {
      long[] position = lastCommit.get();
      position[0] =
          carried == UNKNOWN || position[0] == UNKNOWN ? UNKNOWN : Math.max(carried, position[0]);
      task.run();
    };
  }

  @Override
  public void release(Connection c) throws SQLException {
    c.close(); // pooled or application-owned, a connection goes back by closing it
  }

  @Override
  public void discardIdle() {
    primary.discardIdle();
    for (Replica r : replicas) {
      r.source().discardIdle();
    }
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (Replica r : replicas) {
      try {
        r.source().close();
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    primary.close();
    if (failure != null) {
      throw failure;
    }
  }
}
