package dev.tether.spring;

import dev.tether.Database;
import dev.tether.Session;
import dev.tether.TransactionOptions;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A Spring {@code PlatformTransactionManager} for Tether: each Spring transaction gets one Tether
 * session, joined to the transaction's JDBC connection ({@link Database#join}), so that {@code
 * JdbcTemplate} and Tether on the same {@code DataSource} share one transaction.
 *
 * <pre>{@code
 * @Bean TetherTransactionManager transactionManager(DataSource dataSource, Database db) {
 *   return new TetherTransactionManager(dataSource, db);
 * }
 *
 * @Transactional
 * public void rename(int id, String name) {
 *   Session session = TetherSessions.current(db);   // or an injected Session (TetherSessions.proxy)
 *   session.get(Author.class, id).name = name;       // flushed before COMMIT
 * }
 * }</pre>
 *
 * <ul>
 *   <li>The session is flushed before Spring commits; a failed flush rolls the transaction back.
 *       After the commit its objects are expired as after {@link Session#commit()}; after a
 *       rollback they are back as they were, as after {@link Session#rollback()}. The session is
 *       closed when the transaction ends.
 *   <li>{@code @Transactional(readOnly = true)}: a read-only Tether session (its flush refuses to
 *       write), on a connection Spring marks read-only.
 *   <li>{@code Propagation.NESTED}: a JDBC savepoint. The session is flushed before it; rolling
 *       back to it restores the session's objects too.
 *   <li>{@code Propagation.REQUIRES_NEW}: a new session on the new transaction; the outer one is
 *       suspended with its transaction and comes back when it resumes.
 *   <li>{@link Session#commit()} and {@link Session#rollback()} are refused on these sessions: the
 *       Spring transaction decides. Isolation levels and timeouts are Spring's, as for JDBC.
 * </ul>
 *
 * The {@code DataSource} is the one the {@link Database} was opened on ({@link
 * Database#open(DataSource, dev.tether.Registry)}). On SQLite, configure it with foreign keys on
 * ({@code jdbc:sqlite:app.db?foreign_keys=true}): Tether's per-connection setup does not run on
 * connections that Spring takes.
 */
public class TetherTransactionManager extends JdbcTransactionManager {
  private static final long serialVersionUID = 1L;

  private final transient Database database;
  private transient Consumer<Session> sessionInitializer = s -> {};

  /** A transaction manager for {@code database}, opened on {@code dataSource}. */
  public TetherTransactionManager(DataSource dataSource, Database database) {
    super(dataSource);
    this.database = Objects.requireNonNull(database, "database");
    addListener(new FlushBeforeSavepoint());
  }

  /** The database whose sessions this manager binds to Spring transactions. */
  public Database getDatabase() {
    return database;
  }

  /**
   * Runs {@code initializer} on each new transaction's session before it is used, e.g. {@code s ->
   * s.setBatchLazyLoads(true)}.
   */
  public void setSessionInitializer(Consumer<Session> initializer) {
    this.sessionInitializer = Objects.requireNonNull(initializer, "initializer");
  }

  /** After Spring began a transaction (and set up its synchronization): joins a session to it. */
  @Override
  protected void prepareSynchronization(
      DefaultTransactionStatus status, TransactionDefinition definition) {
    super.prepareSynchronization(status, definition);
    if (status.isNewTransaction()
        && status.isNewSynchronization()
        && TransactionSynchronizationManager.isSynchronizationActive()) {
      SpringTransaction transaction = new SpringTransaction(status.getTransaction());
      TransactionOptions options =
          definition.isReadOnly()
              ? TransactionOptions.defaults().readOnly()
              : TransactionOptions.defaults();
      Session session = database.join(transaction, options);
      TransactionSession bound = new TransactionSession(database, session, transaction);
      try {
        sessionInitializer.accept(session);
      } catch (RuntimeException e) {
        session.close();
        throw e;
      }
      TransactionSynchronizationManager.bindResource(database, bound);
      TransactionSynchronizationManager.registerSynchronization(bound);
    }
  }

  /**
   * Spring sets a nested transaction's savepoint right after this runs: the session's changes so
   * far are flushed first, so that they belong to the outer transaction, not to the nested one.
   */
  private final class FlushBeforeSavepoint implements TransactionExecutionListener {
    @Override
    public void beforeBegin(TransactionExecution transaction) {
      if (transaction.isNested()
          && TransactionSynchronizationManager.getResource(database)
              instanceof TransactionSession bound) {
        bound.participant().flush();
      }
    }
  }
}
