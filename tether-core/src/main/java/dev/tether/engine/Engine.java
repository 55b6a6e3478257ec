package dev.tether.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tether.DatabaseException;
import dev.tether.StatementListener;
import dev.tether.TetherException;
import dev.tether.mapping.Metadata;
import dev.tether.schema.SchemaGenerator;
import dev.tether.sql.Dialect;
import dev.tether.sql.Executor;
import dev.tether.sql.Statements;
import dev.tether.sql.mariadb.MariadbDialect;
import dev.tether.sql.postgresql.PostgresqlDialect;
import dev.tether.sql.sqlite.SqliteDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * What a {@code Database} is made of: the metadata, the dialect chosen from the URL or the data
 * source, the connection source, the SQL executor and rendered statements. Runs the schema DDL;
 * sessions are opened by {@code dev.tether.session.Sessions}.
 */
public final class Engine {
  /** The longest a session waits for a replica's connection before reading from the primary. */
  private static final long REPLICA_CONNECTION_TIMEOUT_MILLIS = 1_000;

  private final Metadata metadata;
  private final Dialect dialect;
  private final ConnectionSource connections;
  private final Executor executor;
  private final Statements statements;

  /** The level every connection of the pool runs at, or {@code null} for the driver's default. */
  private final dev.tether.Isolation poolIsolation;

  private Engine(
      Metadata metadata,
      Dialect dialect,
      ConnectionSource connections,
      dev.tether.Isolation poolIsolation) {
    this.metadata = metadata;
    this.poolIsolation = poolIsolation;
    this.dialect = dialect;
    dialect.describe(metadata);
    this.connections = connections;
    this.executor = new Executor(dialect);
    this.statements = new Statements(dialect);
  }

  /** Opens a pool for {@code url} (one shared connection for in-memory SQLite). */
  public static Engine open(String url, Metadata metadata) {
    return open(url, metadata, PoolSettings.DEFAULTS);
  }

  /**
   * Opens a pool for {@code url} as {@code settings} say (one shared connection for in-memory
   * SQLite, where pool settings mean nothing).
   */
  public static Engine open(String url, Metadata metadata, PoolSettings settings) {
    Dialect dialect = dialectForUrl(url);
    String adjusted = dialect.adjustUrl(url);
    if (dialect.needsSharedConnection(url)) {
      try {
        Connection c = DriverManager.getConnection(adjusted);
        dialect.prepare(c);
        return new Engine(metadata, dialect, ConnectionSource.shared(c), null);
      } catch (SQLException e) {
        throw new DatabaseException(
            "connect", "cannot open " + url + ": " + e.getMessage(), e.getSQLState(), e);
      }
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(adjusted);
    config.setPoolName("tether-" + dialect.name());
    config.setMaximumPoolSize(
        settings.maxSize() != null ? settings.maxSize() : dialect.defaultPoolSize());
    config.setMinimumIdle(1);
    config.setAutoCommit(true);
    if (settings.connectionTimeout() != null) {
      config.setConnectionTimeout(Math.max(250, settings.connectionTimeout().toMillis()));
    }
    dev.tether.Isolation isolation = dialect.honoursIsolation() ? settings.isolation() : null;
    if (isolation != null) {
      // set once per physical connection; a transaction asking for this level sends nothing
      config.setTransactionIsolation("TRANSACTION_" + isolation.name());
    }
    try {
      return new Engine(
          metadata, dialect, ConnectionSource.of(new HikariDataSource(config), true), isolation);
    } catch (RuntimeException e) {
      throw new DatabaseException(
          "connect", "cannot connect to " + url + ": " + rootMessage(e), null, e);
    }
  }

  /** Uses an application-owned data source; its product name chooses the dialect. */
  public static Engine open(DataSource ds, Metadata metadata) {
    String product;
    String version;
    try (Connection c = ds.getConnection()) {
      product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      version =
          String.valueOf(c.getMetaData().getDatabaseProductVersion()).toLowerCase(Locale.ROOT);
    } catch (SQLException e) {
      throw new DatabaseException(
          "connect", "cannot connect: " + e.getMessage(), e.getSQLState(), e);
    }
    // MySQL's own driver calls a MariaDB server "MySQL"; the server's version says MariaDB
    boolean mariadb = product.contains("mariadb") || version.contains("mariadb");
    if (!mariadb && product.contains("mysql")) {
      throw mysqlNotSupported("this data source's server is MySQL " + version);
    }
    Dialect d =
        product.contains("sqlite")
            ? new SqliteDialect()
            : product.contains("postgres")
                ? new PostgresqlDialect()
                : mariadb ? new MariadbDialect() : null;
    if (d == null) {
      throw new TetherException(
          "unsupported-database",
          "Tether supports SQLite, PostgreSQL and MariaDB 10.7+; this data source is "
              + product
              + ".");
    }
    return new Engine(metadata, d, ConnectionSource.of(ds, false, d), null);
  }

  /**
   * This engine with its read-only transactions sent to streaming replicas ({@link
   * ReplicaRouting}): a pool per replica URL (sized as {@code settings} say, waiting at most 1 s
   * for a connection, and opened even while the replica is down) and each data source as it is.
   * Fails with code {@code replicas-unsupported} unless the dialect has replicas Tether can read
   * from (PostgreSQL) and every URL is one of its own.
   */
  public Engine withReplicas(
      List<String> urls, List<DataSource> dataSources, Duration maxWait, PoolSettings settings) {
    if (dialect.commitPositionSql() == null) {
      throw new TetherException(
          "replicas-unsupported",
          "Read replicas are supported for PostgreSQL streaming replication only; this database is "
              + dialect.name()
              + ". Remove .replica(...) from Database.builder(...), or use a PostgreSQL primary.");
    }
    List<Replica> replicas = new ArrayList<>();
    try {
      for (String url : urls) {
        if (!dialectForUrl(url).name().equals(dialect.name())) {
          throw new TetherException(
              "replicas-unsupported",
              "Replica '"
                  + url
                  + "' is not a "
                  + dialect.name()
                  + " URL: a replica is a streaming standby of the primary, opened with a"
                  + " jdbc:postgresql://host:port/db URL.");
        }
        String name = url.replaceFirst("\\?.*", ""); // no credentials in logs
        replicas.add(
            new Replica(
                name,
                ConnectionSource.of(replicaPool(url, replicas.size() + 1, settings), true),
                dialect.replayPositionSql()));
      }
      for (DataSource ds : dataSources) {
        replicas.add(
            new Replica(
                "data source " + (replicas.size() + 1),
                ConnectionSource.of(ds, false, dialect),
                dialect.replayPositionSql()));
      }
    } catch (RuntimeException e) {
      replicas.forEach(r -> r.source().close());
      throw e;
    }
    return new Engine(
        metadata,
        dialect,
        new ReplicaRouting(
            connections, replicas, maxWait, dialect.commitPositionSql(), poolIsolation),
        poolIsolation);
  }

  /**
   * A replica's pool: a session must not wait long for a replica that died, since the primary can
   * serve the read; and a replica down at start is not an error (reads go to the primary).
   */
  private HikariDataSource replicaPool(String url, int n, PoolSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(dialect.adjustUrl(url));
    config.setPoolName("tether-" + dialect.name() + "-replica-" + n);
    config.setMaximumPoolSize(
        settings.maxSize() != null ? settings.maxSize() : dialect.defaultPoolSize());
    config.setMinimumIdle(1);
    config.setAutoCommit(true);
    long timeout =
        settings.connectionTimeout() == null
            ? REPLICA_CONNECTION_TIMEOUT_MILLIS
            : Math.min(REPLICA_CONNECTION_TIMEOUT_MILLIS, settings.connectionTimeout().toMillis());
    config.setConnectionTimeout(Math.max(250, timeout));
    config.setValidationTimeout(250);
    config.setInitializationFailTimeout(-1);
    if (poolIsolation != null && poolIsolation != dev.tether.Isolation.SERIALIZABLE) {
      config.setTransactionIsolation("TRANSACTION_" + poolIsolation.name());
    }
    return new HikariDataSource(config);
  }

  private static Dialect dialectForUrl(String url) {
    String u = url == null ? "" : url.toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:sqlite:")) {
      return new SqliteDialect();
    }
    if (u.startsWith("jdbc:postgresql:")) {
      return new PostgresqlDialect();
    }
    if (u.startsWith("jdbc:mariadb:")) {
      return new MariadbDialect();
    }
    if (u.startsWith("jdbc:mysql:")) {
      throw mysqlNotSupported("cannot open '" + url + "'");
    }
    throw new TetherException(
        "unsupported-url",
        "Cannot open '"
            + url
            + "': Tether supports jdbc:sqlite:FILE, jdbc:sqlite::memory:, jdbc:postgresql://..."
            + " and jdbc:mariadb://... URLs.");
  }

  /**
   * MySQL is refused rather than half served: every INSERT reads its generated keys with {@code
   * INSERT ... RETURNING}, which MySQL lacks, and no test runs there.
   */
  private static TetherException mysqlNotSupported(String what) {
    return new TetherException(
        "unsupported-database",
        "Tether does not run on MySQL ("
            + what
            + "): it relies on INSERT ... RETURNING and the UUID column type, which MySQL lacks."
            + " For a MariaDB 10.7+ server, use a jdbc:mariadb://host/db URL.");
  }

  private static String rootMessage(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null) {
      r = r.getCause();
    }
    return r.getMessage();
  }

  public void createAll() {
    runDdl(new SchemaGenerator(dialect).createStatements(metadata));
  }

  public void dropAll() {
    runDdl(new SchemaGenerator(dialect).dropStatements(metadata));
  }

  private void runDdl(java.util.List<String> ddl) {
    Connection c = null;
    try {
      c = connections.acquire();
      c.setAutoCommit(true);
      for (String sql : ddl) {
        executor.execute(c, sql);
      }
    } catch (SQLException e) {
      throw dialect.translate(e, null);
    } finally {
      if (c != null) {
        try {
          connections.release(c);
        } catch (SQLException ignored) {
          // the pool reports broken connections itself
        }
      }
    }
  }

  public void addStatementListener(StatementListener l) {
    executor.addListener(l);
  }

  public void removeStatementListener(StatementListener l) {
    executor.removeListener(l);
  }

  /**
   * The level a transaction must ask for at BEGIN to run at {@code wanted}: {@code null} when
   * nothing is wanted, when the pool's connections already run at it, or when the dialect has one
   * level only (SQLite: serializable).
   */
  public dev.tether.Isolation isolationToSet(dev.tether.Isolation wanted) {
    return wanted == null || wanted == poolIsolation || !dialect.honoursIsolation() ? null : wanted;
  }

  public String dialectName() {
    return dialect.name();
  }

  public void close() {
    connections.close();
  }

  public Metadata metadata() {
    return metadata;
  }

  public Dialect dialect() {
    return dialect;
  }

  public Executor executor() {
    return executor;
  }

  public Statements statements() {
    return statements;
  }

  /** See {@link ConnectionSource#carryingCommits}. */
  public Runnable carryingCommits(Runnable task) {
    return connections.carryingCommits(task);
  }

  public ConnectionSource connections() {
    return connections;
  }
}
