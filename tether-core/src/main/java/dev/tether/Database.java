package dev.tether;

import javax.sql.DataSource;

/**
 * A database with mapped models: the entry point that opens sessions and creates or drops the
 * schema. Open it once per application and close it at exit.
 *
 * <pre>{@code
 * Database db = Database.open("jdbc:sqlite:app.db", models);
 * db.createAll();
 * try (Session session = db.session()) { ... }
 * db.close();
 * }</pre>
 *
 * Supported URLs: {@code jdbc:sqlite:FILE}, {@code jdbc:sqlite::memory:}, {@code
 * jdbc:postgresql://...} and {@code jdbc:mariadb://...} (MariaDB 10.7+). MySQL is not supported
 * ({@code INSERT ... RETURNING} is missing there): a {@code jdbc:mysql:} URL fails with a {@link
 * TetherException} of code {@code unsupported-database}.
 */
public final class Database implements AutoCloseable {
  private final dev.tether.engine.Engine engine;
  private final dev.tether.session.Sessions sessions;

  /** The options of {@link #session()} and of {@link #inTransaction} without options. */
  private final TransactionOptions defaults;

  private Database(dev.tether.engine.Engine engine, Isolation isolation) {
    this.engine = engine;
    this.sessions = new dev.tether.session.Sessions(engine);
    this.defaults = TransactionOptions.defaults().isolation(isolation);
  }

  /**
   * Opens a pooled database for a JDBC URL (HikariCP; a single shared connection for {@code
   * jdbc:sqlite::memory:}), with every setting at its default: {@code
   * builder(jdbcUrl).open(models)}.
   */
  public static Database open(String jdbcUrl, Registry models) {
    return builder(jdbcUrl).open(models);
  }

  /**
   * A database for a JDBC URL with settings of its own:
   *
   * <pre>{@code
   * Database db = Database.builder("jdbc:postgresql://db/app")
   *     .poolSize(20)
   *     .connectionTimeout(Duration.ofSeconds(2))
   *     .isolation(Isolation.REPEATABLE_READ)
   *     .open(models);
   * }</pre>
   */
  public static Builder builder(String jdbcUrl) {
    return new Builder(java.util.Objects.requireNonNull(jdbcUrl, "jdbcUrl"), null);
  }

  /**
   * A database on a data source the application owns (see {@link #open(DataSource, Registry)}),
   * with settings of its own; pool settings are the data source's to make, so {@link
   * Builder#poolSize} and {@link Builder#connectionTimeout} are refused for it.
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(null, java.util.Objects.requireNonNull(dataSource, "dataSource"));
  }

  /** {@link Builder#readYourWrites}'s default. */
  private static final java.time.Duration DEFAULT_READ_YOUR_WRITES =
      java.time.Duration.ofSeconds(1);

  /** How to open a {@link Database}: from {@link #builder(String)}; each setting is optional. */
  public static final class Builder {
    private final String url;
    private final DataSource dataSource;
    private Integer poolSize;
    private java.time.Duration connectionTimeout;
    private Isolation isolation;
    private final java.util.List<String> replicaUrls = new java.util.ArrayList<>();
    private final java.util.List<DataSource> replicaSources = new java.util.ArrayList<>();
    private java.time.Duration readYourWrites = DEFAULT_READ_YOUR_WRITES;

    private Builder(String url, DataSource dataSource) {
      this.url = url;
      this.dataSource = dataSource;
    }

    /**
     * The most connections Tether's pool opens (default: 10 for PostgreSQL and MariaDB, fewer for a
     * SQLite file, whose writers run one at a time); {@code size} ≥ 1.
     */
    public Builder poolSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("poolSize(" + size + "): at least 1 connection");
      }
      this.poolSize = size;
      return this;
    }

    /**
     * How long a session waits for a free connection (or for a new one to connect) before it fails
     * with a {@link DatabaseException} (default 30 s; at least 250 ms). Keep it short on a cluster,
     * so that the threads of a dead node give up and move on.
     */
    public Builder connectionTimeout(java.time.Duration timeout) {
      java.util.Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("connectionTimeout(" + timeout + "): must be > 0");
      }
      this.connectionTimeout = timeout;
      return this;
    }

    /**
     * The isolation level of every transaction that does not ask for its own ({@link
     * TransactionOptions#isolation}); default: the database's own ({@link Isolation}). With a URL
     * the pool's connections are set to it once, so it costs nothing per transaction.
     */
    public Builder isolation(Isolation level) {
      this.isolation = level;
      return this;
    }

    /**
     * Adds a PostgreSQL streaming replica (a hot standby of this database's primary, see README
     * "Running on a cluster"): read-only sessions ({@code db.session(TransactionOptions.defaults()
     * .readOnly())}, {@code db.inTransaction(TransactionOptions.defaults().readOnly(), ...)}) take
     * their connections from the replicas in turn; every other session, and the schema DDL, from
     * the primary. Tether opens a pool for it, as large as the primary's, that waits at most 1 s
     * for a connection.
     *
     * <pre>{@code
     * Database db = Database.builder("jdbc:postgresql://primary/app")
     *     .replica("jdbc:postgresql://standby1/app")
     *     .replica("jdbc:postgresql://standby2/app")
     *     .readYourWrites(Duration.ofMillis(500))
     *     .open(models);
     * }</pre>
     *
     * A replica that cannot be reached (connection refused, SQLSTATE class 08) is skipped for a
     * back-off period (0.5 s, doubling up to 10 s) and its reads go to the other replicas or the
     * primary; nothing fails. A read-only SERIALIZABLE transaction runs on the primary (a hot
     * standby refuses that level). {@link #open} fails with a {@link TetherException} of code
     * {@code replicas-unsupported} when the primary or the replica is not PostgreSQL.
     */
    public Builder replica(String jdbcUrl) {
      replicaUrls.add(java.util.Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
      return this;
    }

    /**
     * {@link #replica(String)} for a replica's data source that the application owns (and closes);
     * it must lead to a PostgreSQL hot standby of the primary, which Tether does not check.
     */
    public Builder replica(DataSource replica) {
      replicaSources.add(java.util.Objects.requireNonNull(replica, "replica"));
      return this;
    }

    /**
     * How long a read-only session waits for a replica to show the caller's own writes (default 1
     * s; {@link java.time.Duration#ZERO}: never wait). After a read-write transaction commits, its
     * position in the primary's log is read on the same connection (one round trip more per commit,
     * only when replicas are configured) and remembered <b>for the calling thread</b>; that
     * thread's next read-only session takes a replica only once the replica has replayed that
     * position, polling it for up to {@code maxWait}, and otherwise reads from the primary. So a
     * thread always sees its own commits; another thread may read a replica that has not replayed
     * them yet, and a thread that never wrote reads whatever the replicas have (typically
     * milliseconds behind). {@link Database#withReadYourWrites} carries the guarantee to a task run
     * on another thread.
     */
    public Builder readYourWrites(java.time.Duration maxWait) {
      java.util.Objects.requireNonNull(maxWait, "maxWait");
      if (maxWait.isNegative()) {
        throw new IllegalArgumentException("readYourWrites(" + maxWait + "): must be >= 0");
      }
      this.readYourWrites = maxWait;
      return this;
    }

    /** Opens the database; see {@link Database#open(String, Registry)}. */
    public Database open(Registry models) {
      java.util.Objects.requireNonNull(models, "models");
      dev.tether.engine.PoolSettings settings =
          new dev.tether.engine.PoolSettings(poolSize, connectionTimeout, isolation);
      dev.tether.engine.Engine engine;
      if (dataSource != null) {
        if (poolSize != null || connectionTimeout != null) {
          throw new TetherException(
              "invalid-setting",
              "poolSize and connectionTimeout configure the pool Tether opens for a URL; this"
                  + " database uses the application's DataSource, so set them on that pool.");
        }
        engine = dev.tether.engine.Engine.open(dataSource, models.metadata());
      } else {
        engine = dev.tether.engine.Engine.open(url, models.metadata(), settings);
      }
      if (!replicaUrls.isEmpty() || !replicaSources.isEmpty()) {
        try {
          engine = engine.withReplicas(replicaUrls, replicaSources, readYourWrites, settings);
        } catch (RuntimeException e) {
          engine.close();
          throw e;
        }
      }
      return new Database(engine, isolation);
    }
  }

  /**
   * Uses a data source the application owns (and closes); the dialect is read from it.
   *
   * <p>Every connection Tether takes from it gets the dialect's per-connection setup once (on
   * SQLite: {@code PRAGMA foreign_keys = ON} and a busy timeout), before its first transaction, so
   * foreign keys are enforced even when the data source's URL does not ask for it; a connection
   * handed out inside a transaction (autocommit off) is switched to autocommit first. Driver
   * options that only a URL can carry are the application's to set: Tether's own pools add {@code
   * reWriteBatchedInserts=true} for PostgreSQL (multi-row batched inserts) and, on SQLite files,
   * WAL journaling; configure the data source likewise for the same performance.
   */
  public static Database open(DataSource dataSource, Registry models) {
    return builder(dataSource).open(models);
  }

  /** Creates every table, primary key, foreign key and foreign-key index that does not exist. */
  public void createAll() {
    engine.createAll();
  }

  /** Drops every mapped table that exists, children before parents. */
  public void dropAll() {
    engine.dropAll();
  }

  /** A new session; close it when done. */
  public Session session() {
    return sessions.open(defaults);
  }

  /**
   * A new session whose transactions run as {@code options} say (isolation level, read-only; a
   * session ignores the retry policy, which is {@link #inTransaction(TransactionOptions,
   * java.util.function.Consumer)}'s); close it when done.
   */
  public Session session(TransactionOptions options) {
    return sessions.open(withDefaults(options));
  }

  /**
   * A new session that runs inside {@code transaction}, a JDBC transaction someone else owns (a
   * framework's transaction manager): it writes through the owner's connection and leaves COMMIT,
   * ROLLBACK and the connection to the owner. See {@link ExternalTransaction} for what the owner
   * calls and what {@code commit()}/{@code rollback()} mean on such a session. Close it when the
   * owner is done with it.
   *
   * <pre>{@code
   * Session session = db.join(springTransaction);   // tether-spring does this for @Transactional
   * }</pre>
   */
  public Session join(ExternalTransaction transaction) {
    return join(transaction, TransactionOptions.defaults());
  }

  /**
   * {@link #join(ExternalTransaction)} with options: {@link TransactionOptions#readOnly()} makes a
   * read-only session (its flush refuses to write). The owner sets the isolation level and retries,
   * so an isolation level here is refused ({@link TetherException} with code {@code
   * invalid-setting}) and the retry policy is ignored.
   */
  public Session join(ExternalTransaction transaction, TransactionOptions options) {
    java.util.Objects.requireNonNull(transaction, "transaction");
    java.util.Objects.requireNonNull(options, "options");
    if (options.isolation() != null) {
      throw new TetherException(
          "invalid-setting",
          "join(transaction, options): the isolation level ("
              + options.isolation()
              + ") is the transaction owner's to set; drop it from the options.");
    }
    return sessions.join(transaction, options);
  }

  private TransactionOptions withDefaults(TransactionOptions options) {
    java.util.Objects.requireNonNull(options, "options");
    return options.isolation() == null ? options.isolation(defaults.isolation()) : options;
  }

  /**
   * Runs {@code work} in a new session and commits; rolls back and rethrows if it fails. A failure
   * that a new attempt can cure (a serialization failure or deadlock, a lock wait that timed out on
   * SQLite, a {@link StaleObjectException}, a connection lost before COMMIT) runs the work again in
   * a new session, as {@link RetryPolicy#defaults()} says (3 attempts in all, with jittered
   * pauses), so the work must not have side effects outside the session. A {@link
   * CommitOutcomeUnknownException} is never retried.
   *
   * <pre>{@code
   * db.inTransaction(session -> session.get(Account.class, id).balance -= 10);
   * }</pre>
   */
  public void inTransaction(java.util.function.Consumer<Session> work) {
    inTransaction(defaults, work);
  }

  /** {@link #inTransaction(java.util.function.Consumer)}, retried as {@code policy} says. */
  public void inTransaction(RetryPolicy policy, java.util.function.Consumer<Session> work) {
    inTransaction(defaults.retry(java.util.Objects.requireNonNull(policy, "policy")), work);
  }

  /**
   * {@link #inTransaction(java.util.function.Consumer)} with an isolation level, read-only or not,
   * and retried, as {@code options} say.
   *
   * <pre>{@code
   * db.inTransaction(
   *     TransactionOptions.defaults().isolation(Isolation.SERIALIZABLE),
   *     session -> transfer(session, from, to, amount));
   * }</pre>
   */
  public void inTransaction(TransactionOptions options, java.util.function.Consumer<Session> work) {
    java.util.Objects.requireNonNull(work, "work");
    sessions.callInTransaction(
        withDefaults(options),
        s -> {
          work.accept(s);
          return null;
        });
  }

  /** {@link #inTransaction}, returning what {@code work} returns. */
  public <T> T callInTransaction(java.util.function.Function<Session, T> work) {
    return callInTransaction(defaults, work);
  }

  /** {@link #callInTransaction(java.util.function.Function)}, retried as {@code policy} says. */
  public <T> T callInTransaction(RetryPolicy policy, java.util.function.Function<Session, T> work) {
    return callInTransaction(
        defaults.retry(java.util.Objects.requireNonNull(policy, "policy")), work);
  }

  /** {@link #inTransaction(TransactionOptions, java.util.function.Consumer)}, returning a value. */
  public <T> T callInTransaction(
      TransactionOptions options, java.util.function.Function<Session, T> work) {
    return sessions.callInTransaction(
        withDefaults(options), java.util.Objects.requireNonNull(work, "work"));
  }

  /**
   * {@code task}, carrying the calling thread's read-your-writes guarantee to whichever thread runs
   * it (with replicas, see {@link Builder#readYourWrites}): read-only sessions in {@code task} see
   * every commit this thread made before the call. Without replicas it returns {@code task}.
   *
   * <pre>{@code
   * db.inTransaction(s -> s.add(order));
   * executor.submit(db.withReadYourWrites(() -> {
   *   try (Session s = db.session(TransactionOptions.defaults().readOnly())) { ... } // sees order
   * }));
   * }</pre>
   */
  public Runnable withReadYourWrites(Runnable task) {
    return engine.carryingCommits(java.util.Objects.requireNonNull(task, "task"));
  }

  /** Reports every statement to {@code listener} (tests, metrics). */
  public void addStatementListener(StatementListener listener) {
    engine.addStatementListener(listener);
  }

  /** Stops reporting to {@code listener}. */
  public void removeStatementListener(StatementListener listener) {
    engine.removeStatementListener(listener);
  }

  /**
   * Runs {@code listener} on the lifecycle events of the objects of {@code model} and of every
   * mapped subclass ({@code Model.class}: every model), after the models' own hook methods ({@link
   * BeforeInsert} and its siblings); listeners run in the order they were added. Sessions already
   * open see it from their next event.
   *
   * <pre>{@code
   * db.addModelListener(Order.class, new ModelListener<Order>() {
   *   @Override public void afterInsert(Session session, Order order) { audit.created(order); }
   * });
   * }</pre>
   *
   * @throws TetherException when no mapped model is {@code model} or a subclass of it
   */
  public <T extends Model> void addModelListener(
      Class<T> model, ModelListener<? super T> listener) {
    sessions.addModelListener(model, listener);
  }

  /** Stops running {@code listener} (for every model it was added for). */
  public void removeModelListener(ModelListener<?> listener) {
    sessions.removeModelListener(listener);
  }

  /**
   * Runs {@code listener} on the flushes and transaction ends of every session of this database
   * ({@link SessionListener} says when each event runs).
   */
  public void addSessionListener(SessionListener listener) {
    sessions.addSessionListener(listener);
  }

  /** Stops running {@code listener}. */
  public void removeSessionListener(SessionListener listener) {
    sessions.removeSessionListener(listener);
  }

  /** The dialect's name: {@code sqlite}, {@code postgresql} or {@code mariadb}. */
  public String dialect() {
    return engine.dialectName();
  }

  /** Closes the pool (or the shared connection). */
  @Override
  public void close() {
    engine.close();
  }
}
