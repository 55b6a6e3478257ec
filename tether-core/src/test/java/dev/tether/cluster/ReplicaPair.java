package dev.tether.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL primary and hot standby that {@code .ci/pg-replica} runs, as the cluster tests see
 * it: the two JDBC URLs from {@code TETHER_TEST_PG_PRIMARY_URL} and {@code
 * TETHER_TEST_PG_REPLICA_URL} (set by {@code .ci/run}, or {@code eval "$(.ci/pg-replica env)"}),
 * and the script's fault commands. Without the variables the tests are skipped; with them but a
 * server down they are skipped too, or fail when {@code CI=true}.
 */
final class ReplicaPair {
  final String primaryUrl;
  final String replicaUrl;
  private final Path script;

  private ReplicaPair(String primaryUrl, String replicaUrl, Path script) {
    this.primaryUrl = primaryUrl;
    this.replicaUrl = replicaUrl;
    this.script = script;
  }

  /** The pair, both servers answering and the standby streaming; else skips or fails the test. */
  static ReplicaPair require() {
    String primary = System.getenv("TETHER_TEST_PG_PRIMARY_URL");
    String replica = System.getenv("TETHER_TEST_PG_REPLICA_URL");
    String howTo =
        "run `.ci/pg-replica start && eval \"$(.ci/pg-replica env)\"` (.ci/run does both)";
    Assumptions.assumeTrue(
        primary != null && replica != null,
        "TETHER_TEST_PG_PRIMARY_URL and TETHER_TEST_PG_REPLICA_URL are not set: the PostgreSQL"
            + " replica tests are skipped. To enable them, "
            + howTo
            + ".");
    ReplicaPair pair = new ReplicaPair(primary, replica, findScript());
    try {
      pair.replayResumed();
      pair.awaitStreaming();
    } catch (SQLException | RuntimeException | AssertionError e) {
      String problem =
          "the PostgreSQL primary/standby pair at "
              + primary
              + " and "
              + replica
              + " is not available ("
              + e.getMessage()
              + "); to enable it, "
              + howTo;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(problem + ". CI=true requires it.", e);
      }
      Assumptions.abort(problem + ". (With CI=true this is a failure.)");
    }
    return pair;
  }

  private static Path findScript() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(".ci/pg-replica");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(".ci/pg-replica not found above " + Path.of("").toAbsolutePath());
  }

  /** Runs {@code .ci/pg-replica command}; fails the test if it fails. */
  void run(String command) {
    try {
      Process p = new ProcessBuilder(script.toString(), command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError(".ci/pg-replica " + command + " failed: " + out);
      }
    } catch (IOException e) {
      throw new AssertionError(".ci/pg-replica " + command + " could not run", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Drops everything in the primary's database (the standby follows). */
  void reset() throws SQLException {
    try (Connection c = DriverManager.getConnection(primaryUrl);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA public CASCADE");
      s.execute("CREATE SCHEMA public");
    }
  }

  /** Makes sure replay runs and the standby is up (a failed test may have left it otherwise). */
  void replayResumed() throws SQLException {
    try (Connection c = DriverManager.getConnection(replicaUrl);
        Statement s = c.createStatement()) {
      s.execute("SELECT pg_wal_replay_resume()");
    }
  }

  /** Waits until the standby streams from the primary and has replayed all it has written. */
  void awaitStreaming() throws SQLException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try (Connection p = DriverManager.getConnection(primaryUrl);
        Connection r = DriverManager.getConnection(replicaUrl);
        Statement onPrimary = p.createStatement();
        Statement onReplica = r.createStatement()) {
      String written = null;
      while (true) {
        if (written == null
            && value(
                    onPrimary, "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")
                .equals("1")) {
          written = value(onPrimary, "SELECT pg_current_wal_lsn()");
        }
        if (written != null
            && value(onReplica, "SELECT pg_last_wal_replay_lsn() >= '" + written + "'")
                .equals("t")) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the standby does not stream or has not caught up in 10 s");
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  private static String value(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
