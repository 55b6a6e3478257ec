package dev.tether.cluster;

import dev.tether.Database;
import dev.tether.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The 3-node MariaDB Galera cluster that {@code .ci/galera} runs on loopback, as the Galera tests
 * see it: the multi-host URL of {@code TETHER_TEST_GALERA_URL} (which {@code .ci/run} sets), a
 * single-host URL per node, and the script's {@code kill N} / {@code restart N}.
 *
 * <p>{@link #require()} decides whether the tests run: without the variable they are skipped (a
 * plain {@code mvn verify} knows nothing of the cluster); with it, every node must answer and be
 * synced in a 3-node cluster, or the tests are skipped with the command that starts it, and fail
 * under {@code CI=true}.
 */
final class GaleraCluster {
  static final String VARIABLE = "TETHER_TEST_GALERA_URL";
  static final String START = ".ci/galera start";

  private static final Pattern URL =
      Pattern.compile("jdbc:mariadb:(?:([a-z]+):)?//([^/]+)/([^?]*)(\\?.*)?");
  private static volatile String probed;

  private final String url;
  private final List<String> hosts;
  private final String database;
  private final String params;

  private GaleraCluster(String url) {
    Matcher m = URL.matcher(url);
    if (!m.matches()) {
      throw new AssertionError(VARIABLE + " is not a jdbc:mariadb: URL: " + url);
    }
    this.url = url;
    this.hosts = List.of(m.group(2).split(","));
    this.database = m.group(3);
    this.params = m.group(4) == null ? "" : m.group(4);
  }

  /**
   * The cluster, when {@code TETHER_TEST_GALERA_URL} is set and all its nodes are synced; skips the
   * test otherwise, or fails it when {@code CI=true} and the variable is set.
   */
  static GaleraCluster require() {
    String url = System.getenv(VARIABLE);
    if (url == null || url.isBlank()) {
      Assumptions.abort(
          "Galera tests are skipped: "
              + VARIABLE
              + " is not set. To run them: "
              + START
              + ", then export "
              + VARIABLE
              + "=\"$(.ci/galera url)\" (.ci/run does both).");
    }
    GaleraCluster cluster = new GaleraCluster(url);
    String problem = probed != null ? probed : (probed = cluster.probe());
    if (!problem.isEmpty()) {
      String message =
          "the Galera cluster at " + url + " is not ready (" + problem + "). To start it: " + START;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(message + ". CI=true requires it (.ci/run starts it).");
      }
      Assumptions.abort(message + ". Its tests are skipped (with CI=true this is a failure).");
    }
    return cluster;
  }

  /** "" when every node answers, synced, in a cluster of all of them; else what is wrong. */
  private String probe() {
    for (int n = 1; n <= hosts.size(); n++) {
      try {
        String size = status(n, "wsrep_cluster_size");
        String ready = status(n, "wsrep_ready");
        if (!String.valueOf(hosts.size()).equals(size) || !"ON".equals(ready)) {
          return "node " + n + ": wsrep_cluster_size " + size + ", wsrep_ready " + ready;
        }
      } catch (RuntimeException e) {
        return e.getMessage();
      }
    }
    return "";
  }

  /** The multi-host URL the tests' {@code Database} uses. */
  String url() {
    return url;
  }

  /** A multi-host URL in Connector/J's {@code mode} over {@code nodes}, in that order. */
  String urlOver(String mode, int... nodes) {
    List<String> over = new ArrayList<>();
    for (int n : nodes) {
      over.add(hosts.get(n - 1));
    }
    return "jdbc:mariadb:" + mode + "://" + String.join(",", over) + "/" + database + params;
  }

  int nodes() {
    return hosts.size();
  }

  /** A URL for node {@code n} (from 1) alone. */
  String nodeUrl(int n) {
    String sep = params.isEmpty() ? "?" : "&";
    return "jdbc:mariadb://"
        + hosts.get(n - 1)
        + "/"
        + database
        + params
        + sep
        + "connectTimeout=2000";
  }

  /** Empties the test database (through node 1; DDL runs cluster-wide), then opens and creates. */
  Database open(Registry models) {
    reset();
    Database db = openPooled(models, 4);
    db.createAll();
    return db;
  }

  /**
   * A database on the multi-host URL, as the README advises for a cluster: at most {@code poolSize}
   * connections, and a session gives up waiting for one after 2 s (the default is 30 s).
   */
  Database openPooled(Registry models, int poolSize) {
    return Database.builder(url)
        .poolSize(poolSize)
        .connectionTimeout(Duration.ofSeconds(2))
        .open(models);
  }

  /** A database on node {@code n} alone, for tests that choose where each write goes. */
  Database openNode(int n, Registry models) {
    return Database.open(nodeUrl(n), models);
  }

  /** Drops every table of the test database, through node 1. */
  void reset() {
    List<String> tables = new ArrayList<>();
    for (List<String> row :
        rows(
            1,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
      tables.add(row.get(0));
    }
    execute(1, "SET SESSION foreign_key_checks = 0");
    for (String t : tables) {
      execute(1, "DROP TABLE IF EXISTS `" + t.replace("`", "``") + "`");
    }
  }

  /** A status variable of node {@code n}. */
  String status(int n, String variable) {
    List<List<String>> rows = rows(n, "SHOW STATUS LIKE '" + variable + "'");
    return rows.isEmpty() ? null : rows.get(0).get(1);
  }

  /** The rows of {@code sql} on node {@code n}, as strings. */
  List<List<String>> rows(int n, String sql) {
    try (Connection c = DriverManager.getConnection(nodeUrl(n));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      List<List<String>> out = new ArrayList<>();
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("node " + n + ": " + sql + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code sql} on node {@code n} (one connection per call). */
  void execute(int n, String sql) {
    try (Connection c = DriverManager.getConnection(nodeUrl(n));
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("node " + n + ": " + sql + ": " + e.getMessage(), e);
    }
  }

  /** {@code kill -9} of node {@code n}'s server ({@code .ci/galera kill n}). */
  void kill(int n) {
    script("kill", String.valueOf(n));
  }

  /** Starts node {@code n} again and waits until it has rejoined, synced. */
  void restart(int n) {
    script("restart", String.valueOf(n));
  }

  /** {@code SIGSTOP} of node {@code n}: the group waits for it (up to 2 s, then evicts it). */
  void pause(int n) {
    script("pause", String.valueOf(n));
  }

  /** {@code SIGCONT} of node {@code n}. */
  void resume(int n) {
    script("resume", String.valueOf(n));
  }

  /** The host:port of node {@code n}. */
  String host(int n) {
    return hosts.get(n - 1);
  }

  /** Starts every node that is down (after a test that failed half-way). */
  void startAll() {
    script("start");
  }

  private static void script(String... args) {
    Path script = findScript();
    List<String> command = new ArrayList<>();
    command.add(script.toString());
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      if (!finished(p)) {
        p.destroyForcibly();
        throw new IllegalStateException(command + " did not finish in 3 minutes: " + output);
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(command + " exited " + p.exitValue() + ": " + output);
      }
      System.out.print(output);
    } catch (IOException e) {
      throw new IllegalStateException(command + ": " + e, e);
    }
  }

  /**
   * Waits for the script even when interrupted (a soak stopping its fault steps): a restart left
   * half-done would leave the next test a cluster of two. The interrupt is kept for the caller.
   */
  private static boolean finished(Process p) {
    boolean interrupted = false;
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    try {
      while (true) {
        try {
          return p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** {@code .ci/galera} of this repository: the test runs in a module directory below it. */
  private static Path findScript() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path script = dir.resolve(".ci").resolve("galera");
      if (Files.isExecutable(script)) {
        return script;
      }
    }
    throw new IllegalStateException(".ci/galera not found above " + Path.of("").toAbsolutePath());
  }
}
