package dev.tether.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One streaming replica as {@link ReplicaRouting} sees it: its connections, how far it is known to
 * have replayed the primary's WAL, and whether it failed lately. A replica whose connection cannot
 * be had, or dies while its replay position is read, is skipped for a back-off period (0.5 s,
 * doubling up to 10 s, reset by the next success), so a dead replica costs one failed attempt per
 * period instead of one per read.
 */
final class Replica {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger("dev.tether.engine");

  /** Polling a lagging replica: 0.1 ms at first (replay usually takes about that), up to 5 ms. */
  private static final long FIRST_POLL_NANOS = 100_000L;

  private static final long MAX_POLL_NANOS = 5_000_000L;

  static final long FIRST_BACKOFF_NANOS = 500_000_000L;
  static final long MAX_BACKOFF_NANOS = 10_000_000_000L;

  private final String name;
  private final ConnectionSource source;

  /** How far the replica has replayed; SQL NULL on a server that is not in recovery. */
  private final String replayPositionSql;

  /** The highest replay position seen: a commit at or below it needs no query. */
  private volatile long replayed;

  private volatile long retryAt;
  private volatile int failures; // written under this

  /** Set while one thread tries a replica that failed: the others read elsewhere meanwhile. */
  private final java.util.concurrent.atomic.AtomicBoolean probing =
      new java.util.concurrent.atomic.AtomicBoolean();

  Replica(String name, ConnectionSource source, String replayPositionSql) {
    this.name = name;
    this.source = source;
    this.replayPositionSql = replayPositionSql;
    this.retryAt = System.nanoTime();
  }

  ConnectionSource source() {
    return source;
  }

  /**
   * Whether the replica may be tried: not in its back-off period, and, after a failure, not being
   * tried by another thread already (one probe at a time, so a dead replica stalls one reader per
   * period, not all of them).
   */
  boolean available() {
    return System.nanoTime() - retryAt >= 0 && (failures == 0 || !probing.get());
  }

  /**
   * A connection once the replica has replayed {@code needed} (0: anything will do), polling until
   * {@code deadline}; null when it is behind at the deadline or failed (then it backs off).
   */
  Connection connectionAt(long needed, long deadline) {
    boolean probe = failures != 0;
    if (probe && !probing.compareAndSet(false, true)) {
      return null; // another thread is finding out whether it is back
    }
    try {
      return connectionAt(needed, deadline, probe);
    } finally {
      if (probe) {
        probing.set(false);
      }
    }
  }

  private Connection connectionAt(long needed, long deadline, boolean probe) {
    Connection c;
    try {
      c = source.acquire();
    } catch (SQLException | RuntimeException e) {
      failed(e, probe);
      return null;
    }
    try {
      if (caughtUp(c, needed, deadline)) {
        succeeded();
        return c;
      }
      close(c);
      return null;
    } catch (SQLException | RuntimeException e) {
      close(c);
      failed(e, probe);
      return null;
    }
  }

  private boolean caughtUp(Connection c, long needed, long deadline) throws SQLException {
    long pause = FIRST_POLL_NANOS;
    while (needed > replayed) {
      long position = replayPosition(c);
      if (position < 0) {
        return true; // not in recovery (a promoted standby): it has everything it ever had
      }
      if (position > replayed) {
        replayed = position; // racy max: a lower value only costs another query later
      }
      if (position >= needed) {
        return true;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        LOG.debug(
            "replica {} has not replayed position {} (at {}); reading from the primary",
            name,
            needed,
            position);
        return false;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Math.min(pause, left));
      if (Thread.currentThread().isInterrupted()) {
        return false; // the caller is being stopped: no more waiting, the primary serves
      }
      pause = Math.min(pause * 2, MAX_POLL_NANOS);
    }
    return true;
  }

  private long replayPosition(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(replayPositionSql)) {
      rs.next();
      long position = rs.getLong(1);
      return rs.wasNull() ? -1 : position;
    }
  }

  /**
   * Starts or lengthens the back-off. Threads that were already waiting on the replica when it died
   * fail together: only the first of them, and each later probe, counts as a failure.
   */
  private synchronized void failed(Exception e, boolean probe) {
    if (!probe && failures != 0) {
      return; // the same outage, already counted
    }
    failures++;
    long backoff = Math.min(FIRST_BACKOFF_NANOS << Math.min(failures - 1, 5), MAX_BACKOFF_NANOS);
    retryAt = System.nanoTime() + backoff;
    if (failures == 1) {
      LOG.warn("replica {} failed ({}); reads go elsewhere for a while", name, e.toString());
    } else {
      LOG.debug("replica {} failed again ({})", name, e.toString());
    }
    source.discardIdle();
  }

  private void succeeded() {
    if (failures != 0) {
      synchronized (this) {
        if (failures != 0) {
          LOG.info("replica {} answers again", name);
          failures = 0;
        }
      }
    }
  }

  private static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException | RuntimeException ignored) {
      // a broken connection: the pool drops it
    }
  }
}
