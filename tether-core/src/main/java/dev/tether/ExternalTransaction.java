package dev.tether;

import java.sql.Connection;

/**
 * A JDBC transaction that someone else owns (a framework's transaction manager, or code that
 * manages its own connection), which a Tether session can join with {@link
 * Database#join(ExternalTransaction)}. This is an integration SPI: application code uses the
 * session it gets; the owner implements this interface and calls the {@link Participant} it is
 * handed at its transaction's boundaries. {@code tether-spring}'s transaction manager is one owner.
 *
 * <p>A joined session writes through {@link #connection()} and nothing else: it never changes
 * autocommit, never commits, rolls back or closes the connection. Its changes are written when it
 * is flushed (explicitly, by autoflush before a query, or by {@link Participant#beforeCommit()});
 * they become durable when, and only when, the owner commits. {@link Session#commit()} and {@link
 * Session#rollback()} are refused on a joined session ({@link SessionStateException} with code
 * {@code external-transaction}): the owner ends the transaction. {@link Session#beginNested()}
 * works as usual, as a JDBC savepoint on the owner's connection.
 *
 * <p>A flush that fails may have written part of its changes in the owner's transaction: the
 * transaction becomes rollback-only ({@link Participant#beforeCommit()} refuses it), and the
 * session's objects stay as they are until the owner reports how far it rolled back, the whole
 * transaction ({@link Participant#afterCompletion}) or to one of its savepoints ({@link
 * Participant#savepointRolledBack}).
 *
 * <pre>{@code
 * // the owner: a plain JDBC connection with autocommit off
 * final class MyTransaction implements ExternalTransaction {
 *   final Connection connection;
 *   ExternalTransaction.Participant tether;
 *   MyTransaction(Connection connection) { this.connection = connection; }
 *   public Connection connection() { return connection; }
 *   public void enlist(ExternalTransaction.Participant p) { tether = p; }
 *   void commit() throws SQLException {
 *     tether.beforeCommit();            // flushes the session; throws if it must roll back
 *     connection.commit();
 *     tether.afterCompletion(true);     // expires relationships, as session.commit() does
 *   }
 *   void rollback() throws SQLException {
 *     connection.rollback();
 *     tether.afterCompletion(false);    // objects back as they were, as session.rollback() does
 *   }
 * }
 * try (Session session = db.join(tx)) { session.add(order); tx.commit(); }
 * }</pre>
 */
public interface ExternalTransaction {
  /**
   * The connection of the owner's current transaction (autocommit off). A joined session asks for
   * it when it first needs one in each transaction, and gives back nothing: the connection stays
   * the owner's. On SQLite the owner's connections need {@code foreign_keys=true} (a data source
   * setting), since Tether's per-connection setup does not run on them.
   */
  Connection connection();

  /**
   * Called once by {@link Database#join(ExternalTransaction)} with what the owner must call at the
   * boundaries of its transactions, for as long as the session stays open.
   */
  void enlist(Participant participant);

  /**
   * What a joined session needs to hear from its owner: the owner calls these, applications never
   * do. Each call after the session was closed does nothing (except that {@link #beforeCommit()}
   * still refuses a transaction the session asked to roll back).
   */
  interface Participant {
    /** Writes the session's pending changes through the owner's connection now. */
    void flush();

    /**
     * Before the owner's COMMIT: flushes the session. Throws {@link SessionStateException} (code
     * {@code external-transaction-rollback-only}) when the transaction must roll back instead: a
     * flush in it failed and may have written part of its changes, or the session was closed before
     * the transaction ended.
     */
    void beforeCommit();

    /**
     * After the owner's transaction ended: {@code committed} does to the session's objects what
     * {@link Session#commit()} does after COMMIT (deleted objects detached, relationships expired
     * unless {@link Session#setExpireOnCommit} turned that off); otherwise what {@link
     * Session#rollback()} does (objects added in the transaction transient again, deleted ones
     * back, every persistent object with the values of the transaction's start). The session stays
     * open for the owner's next transaction.
     */
    void afterCompletion(boolean committed);

    /**
     * The owner set a JDBC savepoint, identified by {@code savepoint} (any object): the session
     * remembers its objects as they are now. Call {@link #flush()} before setting the savepoint, so
     * that the changes made before it are written before it.
     */
    void savepointSet(Object savepoint);

    /**
     * The owner rolls back to {@code savepoint}: the session's objects go back to what they were
     * when it was set, as {@link NestedTransaction#rollback()} does. Also lifts the rollback-only
     * mark of a flush that failed after that savepoint, since its writes are undone.
     */
    void savepointRolledBack(Object savepoint);
  }
}
