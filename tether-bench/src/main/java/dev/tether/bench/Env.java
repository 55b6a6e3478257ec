package dev.tether.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tether.Database;
import dev.tether.Registry;
import dev.tether.bench.jdbc.CountingDataSource;
import dev.tether.bench.model.Data;
import dev.tether.bench.model.HChild;
import dev.tether.bench.model.HParent;
import dev.tether.bench.model.TChild;
import dev.tether.bench.model.TParent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.LongToIntFunction;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * One database as all contenders see it: one pool wrapped in one {@link CountingDataSource}, a
 * Tether {@link Database} in its default configuration and a Hibernate {@link SessionFactory} on
 * that same data source, plus the harness's own uncounted seeding and checksum.
 */
public final class Env implements AutoCloseable {
  static {
    // Hibernate logs through jboss-logging: route it to slf4j-simple, and keep the run's output
    // to warnings (both can be overridden with -D)
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j");
    }
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
  }

  private final Db db;
  private final HikariDataSource pool;
  private final CountingDataSource data;
  private final Database tether;
  private final SessionFactory hibernate;

  private Env(Db db, HikariDataSource pool) throws SQLException {
    this.db = db;
    this.pool = pool;
    this.data = new CountingDataSource(pool);
    try (Connection c = pool.getConnection()) {
      Db.run(c, db.schema());
    }
    this.tether = Database.open(data, Registry.of(TParent.class, TChild.class));
    this.hibernate = hibernate(db, data);
  }

  /** Connects to {@code db}; fails with the URL and what to do when the server does not answer. */
  public static Env open(Db db, Path workDir) throws SQLException {
    return open(db, db.configuredUrl(), workDir);
  }

  /** Connects to {@code db} at {@code server} (a server database's JDBC URL; SQLite ignores it). */
  public static Env open(Db db, String server, Path workDir) throws SQLException {
    try {
      java.nio.file.Files.createDirectories(workDir);
    } catch (java.io.IOException e) {
      throw new SQLException("cannot create " + workDir, e);
    }
    String url = db.url(server, workDir);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("bench-" + db.label());
    // single-threaded runs; the second connection serves Hibernate's isolated id allocation
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(2);
    config.setAutoCommit(true);
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(3_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new SQLException(
          "cannot connect to "
              + db.label()
              + " at "
              + url
              + (db.urlVariable() == null ? "" : " (set " + db.urlVariable() + ")")
              + ": "
              + e.getMessage(),
          e);
    }
    try {
      return new Env(db, pool);
    } catch (SQLException | RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static SessionFactory hibernate(Db db, CountingDataSource ds) {
    Configuration cfg = new Configuration().addAnnotatedClass(HParent.class);
    cfg.addAnnotatedClass(HChild.class);
    cfg.getProperties().put("hibernate.connection.datasource", ds);
    if (db == Db.SQLITE) {
      cfg.setProperty("hibernate.dialect", "org.hibernate.community.dialect.SQLiteDialect");
    }
    // the batching settings of the user guide's "Batching" chapter
    cfg.setProperty("hibernate.jdbc.batch_size", "1000");
    cfg.setProperty("hibernate.order_inserts", "true");
    cfg.setProperty("hibernate.order_updates", "true");
    cfg.setProperty("hibernate.jdbc.batch_versioned_data", "true");
    cfg.setProperty("hibernate.hbm2ddl.auto", "none");
    cfg.setProperty("hibernate.cache.use_second_level_cache", "false");
    cfg.setProperty("hibernate.generate_statistics", "false");
    cfg.setProperty("hibernate.show_sql", "false");
    return cfg.buildSessionFactory();
  }

  public Db db() {
    return db;
  }

  public CountingDataSource data() {
    return data;
  }

  public Database tether() {
    return tether;
  }

  public SessionFactory hibernate() {
    return hibernate;
  }

  /** Empties both tables (uncounted). */
  public void empty() throws SQLException {
    try (Connection c = pool.getConnection()) {
      Db.run(c, db.empty());
    }
  }

  /**
   * Seeds {@code parents} parents (ids 1..parents) and {@code childrenOf(i)} children for parent i
   * (ids 1.. in order), the values from {@link Data}; uncounted, then ANALYZE.
   */
  public void seed(long parents, LongToIntFunction childrenOf) throws SQLException {
    long childId = 0;
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement p = c.prepareStatement("INSERT INTO parent (id, name) VALUES (?, ?)");
          PreparedStatement ch =
              c.prepareStatement(
                  "INSERT INTO child (id, parent_id, name, val, note) VALUES (?, ?, ?, ?, ?)")) {
        int inBatch = 0;
        for (long i = 1; i <= parents; i++) {
          p.setLong(1, i);
          p.setString(2, Data.parentName(i));
          p.addBatch();
          if (i % 1000 == 0) {
            p.executeBatch();
          }
        }
        p.executeBatch();
        for (long i = 1; i <= parents; i++) {
          int m = childrenOf.applyAsInt(i);
          for (int j = 0; j < m; j++) {
            ch.setLong(1, ++childId);
            ch.setLong(2, i);
            ch.setString(3, Data.childName(i, j));
            ch.setInt(4, Data.val(i, j));
            ch.setString(5, Data.note(j));
            ch.addBatch();
            if (++inBatch == 1000) {
              ch.executeBatch();
              inBatch = 0;
            }
          }
        }
        ch.executeBatch();
      }
      c.commit();
      c.setAutoCommit(true);
      Db.run(c, db.afterSeed(parents, childId));
      Db.run(c, db.analyze());
    }
  }

  /**
   * What the database holds, independent of generated key values: every child with its parent's
   * name, name, value and note, combined order-independently, plus the number of parents.
   */
  public long checksum() throws SQLException {
    long sum = 0;
    try (Connection c = pool.getConnection();
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT p.name, c.name, c.val, c.note FROM child c JOIN parent p ON p.id ="
                  + " c.parent_id")) {
        while (rs.next()) {
          long h = rs.getString(1).hashCode();
          h = h * 0x9E3779B97F4A7C15L + rs.getString(2).hashCode();
          h = h * 0x9E3779B97F4A7C15L + rs.getInt(3);
          String note = rs.getString(4);
          h = h * 0x9E3779B97F4A7C15L + (note == null ? 0 : note.hashCode());
          sum += mix(h);
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM parent")) {
        rs.next();
        sum += mix(rs.getLong(1) + 0x51L);
      }
    }
    return sum;
  }

  /**
   * Adds one (id, value) pair to an order-independent checksum of what a run read: the same fold
   * for every contender of a reading workload.
   */
  public static long fold(long acc, long id, int val) {
    return acc + mix(id * 1_000_003L + val);
  }

  /** splitmix64's finalizer. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public void close() {
    hibernate.close();
    tether.close();
    pool.close();
  }
}
