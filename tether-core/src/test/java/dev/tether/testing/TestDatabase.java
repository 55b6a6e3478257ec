package dev.tether.testing;

import dev.tether.Database;
import dev.tether.Registry;
import dev.tether.sql.Dialect;
import dev.tether.sql.mariadb.MariadbDialect;
import dev.tether.sql.postgresql.PostgresqlDialect;
import dev.tether.sql.sqlite.SqliteDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.TestAbortedException;

/**
 * The databases every persistence test runs on: SQLite in memory, PostgreSQL and MariaDB. A test
 * class runs once per database with JUnit's parameterized classes:
 *
 * <pre>{@code
 * @ParameterizedClass
 * @MethodSource("dev.tether.testing.TestDatabase#all")
 * class FlushTest {
 *   @Parameter TestDatabase target;
 *   Database db;
 *
 *   @BeforeEach void open() { db = target.open(Registry.of(Parent.class, Child.class)); }
 *   @AfterEach void close() { db.close(); }
 * }
 * }</pre>
 *
 * <p>Each invocation's display name contains the constant's name ({@code [2] target=POSTGRESQL}),
 * so reports count the tests per database.
 *
 * <p>A server that does not answer skips its tests with a message saying how to enable them, except
 * when the environment variable {@code CI} is {@code true}: then it fails them, so that a CI run
 * never passes by testing nothing. Server URLs come from {@code TETHER_TEST_POSTGRESQL_URL} and
 * {@code TETHER_TEST_MARIADB_URL}, defaulting to the local servers described in {@code
 * DEVELOPERS.md}.
 */
public enum TestDatabase {
  /** SQLite in memory: a fresh, empty database for every {@link #open}. */
  SQLITE(
      "SQLite", "jdbc:sqlite::memory:", null, "put org.xerial:sqlite-jdbc on the test classpath") {
    @Override
    void reset() {
      // every in-memory connection is a new database
    }

    @Override
    List<String> resetStatements(Connection connection) {
      return List.of();
    }

    @Override
    void addTimeouts(Properties properties) {}

    @Override
    String killOthersSql() {
      return null; // embedded: no other session's connection to kill
    }

    @Override
    public boolean writeTransactionsRunConcurrently() {
      return false; // BEGIN IMMEDIATE: one writer at a time
    }
  },

  /** PostgreSQL; {@link #open} drops and recreates schema {@code public}. */
  POSTGRESQL(
      "PostgreSQL",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
      "TETHER_TEST_POSTGRESQL_URL",
      "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start") {
    @Override
    String killOthersSql() {
      return "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
          + " WHERE datname = current_database() AND pid <> pg_backend_pid()";
    }

    @Override
    List<String> resetStatements(Connection connection) {
      return List.of(
          "SET lock_timeout = '" + LOCK_TIMEOUT_SECONDS + "s'",
          "DROP SCHEMA IF EXISTS public CASCADE",
          "CREATE SCHEMA public");
    }

    @Override
    void addTimeouts(Properties properties) {
      properties.setProperty("connectTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS));
      properties.setProperty("loginTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS));
    }
  },

  /** MariaDB; {@link #open} drops every table, view and sequence of the database. */
  MARIADB(
      "MariaDB",
      "jdbc:mariadb://127.0.0.1:3306/test?user=root",
      "TETHER_TEST_MARIADB_URL",
      "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd") {
    @Override
    List<String> resetStatements(Connection connection) throws SQLException {
      return mariadbDrops(connection);
    }

    @Override
    String killOthersSql() {
      return "KILL CONNECTION <each other connection>"; // one statement per connection: below
    }

    @Override
    String batchWithoutCountsOption() {
      return "useBulkStmts=true";
    }

    @Override
    void killOtherConnections(Connection c) throws SQLException {
      List<Long> ids = new ArrayList<>();
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT id FROM information_schema.processlist"
                      + " WHERE db = DATABASE() AND id <> CONNECTION_ID()")) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      for (Long id : ids) {
        try (Statement st = c.createStatement()) {
          st.execute("KILL CONNECTION " + id);
        } catch (SQLException gone) {
          // it closed on its own meanwhile
        }
      }
    }

    @Override
    void addTimeouts(Properties properties) {
      properties.setProperty("connectTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS * 1000));
    }
  };

  /** Seconds a probe waits for a server before calling it unavailable. */
  private static final int PROBE_TIMEOUT_SECONDS = 3;

  /**
   * Seconds a reset waits for locks. A connection left open by an earlier test (a {@link Database}
   * not closed, a transaction not ended) would otherwise block the DROP forever.
   */
  private static final int LOCK_TIMEOUT_SECONDS = 10;

  private final String label;
  private final String defaultUrl;
  private final String urlVariable;
  private final String startCommand;

  /** The connection probe's result, computed on first use and kept for the whole run. */
  private volatile Probe probe;

  TestDatabase(String label, String defaultUrl, String urlVariable, String startCommand) {
    this.label = label;
    this.defaultUrl = defaultUrl;
    this.urlVariable = urlVariable;
    this.startCommand = startCommand;
  }

  /**
   * Opens {@code registry} on every database that can run here, for a test (a jqwik property) that
   * checks each try on all of them. A server that is down is left out, or fails the test under CI,
   * as for {@link #open}.
   */
  public static java.util.Map<TestDatabase, Database> openEveryAvailable(Registry registry) {
    java.util.Map<TestDatabase, Database> open = new java.util.EnumMap<>(TestDatabase.class);
    for (TestDatabase t : values()) {
      try {
        open.put(t, t.open(registry));
      } catch (TestAbortedException skipped) {
        // not available on this machine and not CI: the other databases still run
      }
    }
    return open;
  }

  /** Every database, for {@code @MethodSource("dev.tether.testing.TestDatabase#all")}. */
  public static Stream<TestDatabase> all() {
    return Stream.of(values());
  }

  /** The JDBC URL tests use: the environment variable's value when set, else the default. */
  public String url() {
    String fromEnvironment = urlVariable == null ? null : System.getenv(urlVariable);
    return fromEnvironment == null || fromEnvironment.isBlank() ? defaultUrl : fromEnvironment;
  }

  /**
   * The URL with the driver's batch protocol that answers {@code SUCCESS_NO_INFO} instead of row
   * counts (MariaDB Connector/J {@code useBulkStmts=true}), or {@code null} when the driver has no
   * such mode. Capability, not name: tests of the one-row-at-a-time fallback gate on it.
   */
  public String urlWithoutBatchRowCounts() {
    String option = batchWithoutCountsOption();
    if (option == null) {
      return null;
    }
    String url = url();
    return url + (url.contains("?") ? "&" : "?") + option;
  }

  String batchWithoutCountsOption() {
    return null;
  }

  /**
   * A URL through which a second connection that the test opens ({@code DriverManager}) sees the
   * same database as Tether: {@link #url()} for a server, a file in {@code dir} for embedded SQLite
   * (whose in-memory database each connection would see empty). Pass it to {@link #open(Registry,
   * String)}; tests that write rows or triggers with plain SQL use it.
   */
  public String sharedUrl(java.nio.file.Path dir) {
    String url = url();
    return url.contains(":memory:") ? "jdbc:sqlite:" + dir.resolve("shared.db") : url;
  }

  /**
   * The dialect Tether chooses for {@link #url()}, for tests that gate on what the database can do
   * ({@code target.dialect().supportsSequences()}), never on its name.
   */
  public Dialect dialect() {
    String url = url();
    return url.startsWith("jdbc:sqlite:")
        ? new SqliteDialect()
        : url.startsWith("jdbc:postgresql:") ? new PostgresqlDialect() : new MariadbDialect();
  }

  /** Whether the server answered a connection probe (tried once, then remembered). */
  public boolean isAvailable() {
    return probe().failure == null;
  }

  /**
   * An empty database with {@code registry}'s tables created: checks that the server is there
   * ({@link #requireAvailable()}), drops everything in it, then {@link Database#open} and {@link
   * Database#createAll()}. The caller closes it.
   */
  public Database open(Registry registry) {
    return open(registry, url());
  }

  /**
   * {@link #open(Registry)} through {@code url}, a variant of {@link #url()} (driver options), e.g.
   * {@link #urlWithoutBatchRowCounts()}.
   */
  public Database open(Registry registry, String url) {
    requireAvailable();
    reset();
    Database db = Database.open(url, registry);
    try {
      db.createAll();
    } catch (RuntimeException | Error e) {
      db.close();
      throw e;
    }
    return db;
  }

  /**
   * Returns when the server is available; otherwise skips the current test ({@link
   * Assumptions#abort}), or fails it with an {@link AssertionError} when {@code CI=true}.
   */
  public void requireAvailable() {
    Probe result = probe();
    try {
      result.require(this, "true".equalsIgnoreCase(System.getenv("CI")));
    } catch (TestAbortedException e) {
      // Surefire's final total can hide these skips (it merges a method's runs across
      // databases), so say it once on the console as well.
      if (result.announced.compareAndSet(false, true)) {
        System.err.println("[tether] " + e.getMessage());
      }
      throw e;
    }
  }

  /**
   * Drops everything in the database with plain JDBC, so that each test starts empty. SQLite in
   * memory is new on every connection and needs nothing.
   */
  void reset() {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      for (String sql : resetStatements(connection)) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not reset "
              + label
              + " at "
              + url()
              + ". If it timed out on a lock, an earlier test left a connection open: close every"
              + " Database and Session it opened. Another run on the same database (a second"
              + " worktree) does the same; give each its own database with "
              + urlVariable
              + ".",
          e);
    }
  }

  /** A raw JDBC connection to {@link #url()}, with the probe's short timeouts. */
  Connection connect() throws SQLException {
    Properties properties = new Properties();
    addTimeouts(properties);
    return DriverManager.getConnection(url(), properties);
  }

  /** The statements {@link #reset()} runs; for MariaDB they depend on the existing objects. */
  abstract List<String> resetStatements(Connection connection) throws SQLException;

  /** SQL that kills every other connection to the test database, or null (see below). */
  String killOthersSql() {
    return null;
  }

  /** Kills every other connection to the test database (a server that allows it). */
  void killOtherConnections(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(killOthersSql());
    }
  }

  /**
   * Whether a test can kill another session's connection from outside (a server database; not
   * embedded SQLite). Capability, not name: tests gate on this.
   */
  public boolean canKillConnections() {
    return killOthersSql() != null;
  }

  /**
   * Whether write transactions on different connections run at the same time, so that two of them
   * can conflict on a row (a serialization failure, a deadlock, a stale {@code @Version}) and one
   * must be retried: the servers, which lock rows. Embedded SQLite takes one database-wide write
   * lock at a write transaction's {@code BEGIN}, so writers wait for each other and never conflict.
   * Capability, not name: tests that expect retries gate on this.
   */
  public boolean writeTransactionsRunConcurrently() {
    return true;
  }

  /** Kills every other connection to this test database, as an operator or a failover would. */
  public void killOtherConnections() {
    try (Connection c = connect()) {
      killOtherConnections(c);
    } catch (SQLException e) {
      throw new AssertionError("could not kill connections on " + this + ": " + e, e);
    }
  }

  /** Adds driver-specific connect timeouts, so that a missing server costs seconds, not minutes. */
  abstract void addTimeouts(Properties properties);

  private static List<String> mariadbDrops(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    List<String> views = new ArrayList<>();
    List<String> sequences = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT table_name, table_type FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE()")) {
      while (rows.next()) {
        String name = "`" + rows.getString(1).replace("`", "``") + "`";
        switch (rows.getString(2)) {
          case "VIEW":
            views.add(name);
            break;
          case "SEQUENCE":
            sequences.add(name);
            break;
          default:
            tables.add(name);
        }
      }
    }
    List<String> sql = new ArrayList<>();
    sql.add("SET SESSION lock_wait_timeout = " + LOCK_TIMEOUT_SECONDS);
    sql.add("SET FOREIGN_KEY_CHECKS = 0");
    if (!views.isEmpty()) {
      sql.add("DROP VIEW IF EXISTS " + String.join(", ", views));
    }
    if (!tables.isEmpty()) {
      sql.add("DROP TABLE IF EXISTS " + String.join(", ", tables));
    }
    if (!sequences.isEmpty()) {
      sql.add("DROP SEQUENCE IF EXISTS " + String.join(", ", sequences));
    }
    sql.add("SET FOREIGN_KEY_CHECKS = 1");
    return sql;
  }

  private Probe probe() {
    Probe result = probe;
    if (result == null) {
      synchronized (this) {
        result = probe;
        if (result == null) {
          result = Probe.run(this);
          probe = result;
        }
      }
    }
    return result;
  }

  private String howToStart() {
    if (urlVariable == null) {
      return startCommand;
    }
    return startCommand + " (.ci/run starts it too), or set " + urlVariable + " to a reachable URL";
  }

  /** The outcome of one connection attempt: {@code failure} is {@code null} on success. */
  static final class Probe {
    final String failure;
    final Throwable cause;
    final AtomicBoolean announced = new AtomicBoolean();

    Probe(String failure, Throwable cause) {
      this.failure = failure;
      this.cause = cause;
    }

    static Probe run(TestDatabase database) {
      try (Connection connection = database.connect()) {
        return connection.isValid(PROBE_TIMEOUT_SECONDS)
            ? new Probe(null, null)
            : new Probe("the connection did not validate", null);
      } catch (SQLException | RuntimeException e) {
        return new Probe(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
      }
    }

    /** Returns if the probe succeeded; else fails ({@code ci}) or aborts the current test. */
    void require(TestDatabase database, boolean ci) {
      if (failure == null) {
        return;
      }
      String problem =
          database.label + " is not available at " + database.url() + " (" + failure + ")";
      if (ci) {
        throw new AssertionError(
            problem
                + ". CI=true requires every test database; to enable it: "
                + database.howToStart()
                + ".",
            cause);
      }
      Assumptions.abort(
          problem
              + ": its tests are skipped. To enable them: "
              + database.howToStart()
              + ". (With CI=true this is a failure.)");
    }
  }
}
