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

  private Database(dev.tether.engine.Engine engine) {
    this.engine = engine;
    this.sessions = new dev.tether.session.Sessions(engine);
  }

  /**
   * Opens a pooled database for a JDBC URL (HikariCP; a single shared connection for {@code
   * jdbc:sqlite::memory:}).
   */
  public static Database open(String jdbcUrl, Registry models) {
    return new Database(dev.tether.engine.Engine.open(jdbcUrl, models.metadata()));
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
    return new Database(dev.tether.engine.Engine.open(dataSource, models.metadata()));
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
    return sessions.open();
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
    inTransaction(RetryPolicy.defaults(), work);
  }

  /** {@link #inTransaction(java.util.function.Consumer)}, retried as {@code policy} says. */
  public void inTransaction(RetryPolicy policy, java.util.function.Consumer<Session> work) {
    sessions.callInTransaction(
        policy,
        s -> {
          work.accept(s);
          return null;
        });
  }

  /** {@link #inTransaction}, returning what {@code work} returns. */
  public <T> T callInTransaction(java.util.function.Function<Session, T> work) {
    return callInTransaction(RetryPolicy.defaults(), work);
  }

  /** {@link #callInTransaction(java.util.function.Function)}, retried as {@code policy} says. */
  public <T> T callInTransaction(RetryPolicy policy, java.util.function.Function<Session, T> work) {
    return sessions.callInTransaction(java.util.Objects.requireNonNull(policy, "policy"), work);
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
