package dev.tether.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * One transaction's JDBC connection with a small cache of its prepared statements, keyed by SQL: a
 * statement is prepared once per transaction rather than once per use (sqlite-jdbc has no cache of
 * its own, and preparing is a good part of a primary-key lookup's cost).
 *
 * <p>{@link Executor} borrows a statement for one use and hands it back: the cache keeps it, its
 * parameters cleared, when the use succeeded, and closes it when the use threw (its state is then
 * unknown) or when the cache is full (the least recently used one goes). A statement in use is not
 * in the cache, so a nested use of the same SQL (a query run while a cursor of it is open) prepares
 * a second one. {@link #close} closes every statement, cached or still borrowed; the connection
 * itself belongs to the caller.
 *
 * <p>Not thread-safe, like the session that owns it.
 */
public final class SqlConnection {
  /** Statements kept per connection: more than the distinct SQL of a typical transaction. */
  public static final int DEFAULT_CAPACITY = 64;

  private final Connection jdbc;
  private final int capacity;
  private final LinkedHashMap<String, PreparedStatement> idle = new LinkedHashMap<>();
  private final Set<PreparedStatement> borrowed =
      Collections.newSetFromMap(new IdentityHashMap<>());
  private boolean closed;
  private long prepared;

  /** Caches up to {@code capacity} statements on {@code jdbc} ({@code 0}: none). */
  public SqlConnection(Connection jdbc, int capacity) {
    this.jdbc = jdbc;
    this.capacity = capacity;
  }

  /** The JDBC connection (for transaction control: savepoints, commit, rollback). */
  public Connection jdbc() {
    return jdbc;
  }

  /** Statements prepared on the driver so far (cache misses): for tests and tuning. */
  public long prepared() {
    return prepared;
  }

  /** Statements cached and idle now: for tests. */
  int cached() {
    return idle.size();
  }

  /** A statement for {@code sql}: the cached one, or a new one when none is idle. */
  PreparedStatement borrow(String sql) throws SQLException {
    PreparedStatement ps = idle.remove(sql);
    if (ps == null) {
      ps = jdbc.prepareStatement(sql);
      prepared++;
    }
    borrowed.add(ps);
    return ps;
  }

  /** A statement that is never cached (its settings, such as a fetch size, are use-specific). */
  PreparedStatement borrowUncached(String sql) throws SQLException {
    PreparedStatement ps = jdbc.prepareStatement(sql);
    prepared++;
    borrowed.add(ps);
    return ps;
  }

  /**
   * Gives back {@code ps}, borrowed for {@code sql}: cached when {@code reusable} (the use
   * completed normally), closed otherwise. Closing errors are ignored: the statement is gone either
   * way.
   */
  void release(String sql, PreparedStatement ps, boolean reusable) {
    if (ps == null) {
      return;
    }
    borrowed.remove(ps);
    if (!reusable || closed || capacity == 0) {
      closeQuietly(ps);
      return;
    }
    try {
      ps.clearParameters(); // no stale values, and no large ones held until the transaction ends
    } catch (SQLException | RuntimeException e) {
      closeQuietly(ps);
      return;
    }
    if (idle.putIfAbsent(sql, ps) != null) {
      closeQuietly(ps); // a nested use prepared a second one; one is enough
      return;
    }
    if (idle.size() > capacity) {
      Iterator<PreparedStatement> eldest = idle.values().iterator();
      PreparedStatement evicted = eldest.next();
      eldest.remove();
      closeQuietly(evicted);
    }
  }

  /** Closes every statement, cached or borrowed; later releases close theirs. */
  public void close() {
    closed = true;
    for (PreparedStatement ps : idle.values()) {
      closeQuietly(ps);
    }
    idle.clear();
    for (PreparedStatement ps : borrowed.toArray(new PreparedStatement[0])) {
      closeQuietly(ps);
    }
    borrowed.clear();
  }

  private static void closeQuietly(PreparedStatement ps) {
    try {
      ps.close();
    } catch (SQLException | RuntimeException ignored) {
      // the statement or its connection is already broken; nothing more to release
    }
  }
}
