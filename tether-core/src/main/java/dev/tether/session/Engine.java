package dev.tether.session;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tether.DatabaseException;
import dev.tether.ModelListener;
import dev.tether.Session;
import dev.tether.SessionListener;
import dev.tether.StatementListener;
import dev.tether.TetherException;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.Direction;
import dev.tether.mapping.Metadata;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
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
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * What a {@code Database} is made of: the metadata, the dialect chosen from the URL or the data
 * source, the connection source, the SQL executor and rendered statements. Opens sessions and runs
 * the schema DDL.
 */
public final class Engine {
  private final Metadata metadata;
  private final Dialect dialect;
  private final ConnectionSource connections;
  private final Executor executor;
  private final Statements statements;
  private final Map<ModelMapping, Set<ModelMapping>> deleteReach = new ConcurrentHashMap<>();

  /** The resolved hooks and listeners; replaced (never changed) when a listener comes or goes. */
  private volatile Events events;

  private Engine(Metadata metadata, Dialect dialect, ConnectionSource connections) {
    this.metadata = metadata;
    this.dialect = dialect;
    dialect.describe(metadata);
    this.connections = connections;
    this.executor = new Executor(dialect);
    this.statements = new Statements(dialect);
    this.events = Events.of(metadata);
  }

  /** Opens a pool for {@code url} (one shared connection for in-memory SQLite). */
  public static Engine open(String url, Metadata metadata) {
    Dialect dialect = dialectForUrl(url);
    String adjusted = dialect.adjustUrl(url);
    if (dialect.needsSharedConnection(url)) {
      try {
        Connection c = DriverManager.getConnection(adjusted);
        dialect.prepare(c);
        return new Engine(metadata, dialect, ConnectionSource.shared(c));
      } catch (SQLException e) {
        throw new DatabaseException(
            "connect", "cannot open " + url + ": " + e.getMessage(), e.getSQLState(), e);
      }
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(adjusted);
    config.setPoolName("tether-" + dialect.name());
    config.setMaximumPoolSize(dialect.defaultPoolSize());
    config.setMinimumIdle(1);
    config.setAutoCommit(true);
    try {
      return new Engine(metadata, dialect, ConnectionSource.of(new HikariDataSource(config), true));
    } catch (RuntimeException e) {
      throw new DatabaseException(
          "connect", "cannot connect to " + url + ": " + rootMessage(e), null, e);
    }
  }

  /** Uses an application-owned data source; its product name chooses the dialect. */
  public static Engine open(DataSource ds, Metadata metadata) {
    String product;
    try (Connection c = ds.getConnection()) {
      product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    } catch (SQLException e) {
      throw new DatabaseException(
          "connect", "cannot connect: " + e.getMessage(), e.getSQLState(), e);
    }
    Dialect d =
        product.contains("sqlite")
            ? new SqliteDialect()
            : product.contains("postgres")
                ? new PostgresqlDialect()
                : product.contains("mariadb") || product.contains("mysql")
                    ? new MariadbDialect()
                    : null;
    if (d == null) {
      throw new TetherException(
          "unsupported-database",
          "Tether supports SQLite, PostgreSQL and MariaDB/MySQL; this data source is "
              + product
              + ".");
    }
    return new Engine(metadata, d, ConnectionSource.of(ds, false, d));
  }

  private static Dialect dialectForUrl(String url) {
    String u = url == null ? "" : url.toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:sqlite:")) {
      return new SqliteDialect();
    }
    if (u.startsWith("jdbc:postgresql:")) {
      return new PostgresqlDialect();
    }
    if (u.startsWith("jdbc:mariadb:") || u.startsWith("jdbc:mysql:")) {
      return new MariadbDialect();
    }
    throw new TetherException(
        "unsupported-url",
        "Cannot open '"
            + url
            + "': Tether supports jdbc:sqlite:FILE, jdbc:sqlite::memory:, jdbc:postgresql://...,"
            + " jdbc:mariadb://... and jdbc:mysql://... URLs.");
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

  public Session session() {
    return new SessionImpl(this);
  }

  /** Attempts {@link #callInTransaction} makes when the database reports a conflict. */
  public static final int TRANSACTION_ATTEMPTS = 3;

  /** One session per attempt; retried on serialization failures and deadlocks only. */
  public <T> T callInTransaction(java.util.function.Function<Session, T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Session s = session()) {
        T result = work.apply(s);
        s.commit();
        return result;
      } catch (DatabaseException e) {
        if (!"serialization".equals(e.code()) || attempt >= TRANSACTION_ATTEMPTS) {
          throw e;
        }
        org.slf4j.LoggerFactory.getLogger("dev.tether.session")
            .debug(
                "transaction attempt {} failed with SQLSTATE {}; retrying", attempt, e.sqlState());
        try {
          Thread.sleep(10L * attempt * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
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

  public synchronized void addModelListener(Class<?> type, ModelListener<?> l) {
    events = events.withModelListener(type, l);
  }

  public synchronized void removeModelListener(ModelListener<?> l) {
    events = events.withoutModelListener(l);
  }

  public synchronized void addSessionListener(SessionListener l) {
    events = events.withSessionListener(l);
  }

  public synchronized void removeSessionListener(SessionListener l) {
    events = events.withoutSessionListener(l);
  }

  Events events() {
    return events;
  }

  public String dialectName() {
    return dialect.name();
  }

  public void close() {
    connections.close();
  }

  /**
   * The models whose rows a flush that deletes rows of {@code m} may delete or change, other rows
   * of {@code m} included when they can be reached: transitively, every model with a foreign key to
   * a reached model's table (a database action, a nulled key or an orphan) and every target of a
   * reached model's one-to-many, one-to-one or many-to-many relationship (cascades). Deliberately
   * wide; computed once per model.
   */
  Set<ModelMapping> touchedByDeletesOf(ModelMapping m) {
    return deleteReach.computeIfAbsent(m, this::deleteReach);
  }

  private Set<ModelMapping> deleteReach(ModelMapping from) {
    Set<ModelMapping> reached = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<ModelMapping> work = new ArrayDeque<>();
    work.add(from);
    while (!work.isEmpty()) {
      ModelMapping x = work.poll();
      for (ModelMapping y : metadata.models()) {
        for (ColumnMapping c : y.columns()) {
          if (c.references() != null && c.references().table() == x.table() && reached.add(y)) {
            work.add(y);
          }
        }
      }
      for (RelationshipMapping r : x.relationships()) {
        if (r.direction() != Direction.MANY_TO_ONE && reached.add(r.target())) {
          work.add(r.target());
        }
      }
    }
    return Collections.unmodifiableSet(reached);
  }

  Metadata metadata() {
    return metadata;
  }

  Dialect dialect() {
    return dialect;
  }

  Executor executor() {
    return executor;
  }

  Statements statements() {
    return statements;
  }

  ConnectionSource connections() {
    return connections;
  }
}
