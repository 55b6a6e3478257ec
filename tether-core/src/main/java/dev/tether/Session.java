package dev.tether;

import dev.tether.query.Delete;
import dev.tether.query.Expression;
import dev.tether.query.ManyAttribute;
import dev.tether.query.Select;
import dev.tether.query.Tuple2;
import dev.tether.query.Tuple3;
import dev.tether.query.Update;
import java.util.List;

/**
 * A unit of work: an identity map (one object per row), the changes to flush, and one database
 * transaction at a time. Not thread-safe; use one per request or task, and close it.
 *
 * <pre>{@code
 * try (Session session = db.session()) {
 *   session.add(parent);          // save-update cascade brings the children
 *   session.commit();             // parents inserted before children, keys written back
 * }
 * }</pre>
 */
public interface Session extends AutoCloseable {
  /**
   * Makes {@code model} (and everything reachable from it through {@code save-update}
   * relationships) part of this session: a new object is inserted at the next flush, a detached one
   * is attached again.
   */
  void add(Object model);

  /** {@link #add} for each object. */
  default void addAll(Iterable<?> models) {
    for (Object m : models) {
      add(m);
    }
  }

  /**
   * The object of {@code type} with primary key {@code id}: from the identity map when it is there
   * (no SQL), else loaded; {@code null} when no such row exists.
   */
  <T> T get(Class<T> type, Object id);

  /**
   * The object of {@code type} whose composite primary key is ({@code first}, {@code second}, ...),
   * its parts in the order the {@code @Id} fields are declared.
   */
  default <T> T get(Class<T> type, Object first, Object second, Object... more) {
    Object[] key = new Object[2 + more.length];
    key[0] = first;
    key[1] = second;
    System.arraycopy(more, 0, key, 2, more.length);
    return get(type, java.util.Arrays.asList(key));
  }

  /**
   * A query of {@code model} objects; add {@code where}, {@code orderBy}, {@code limit}, loading
   * options, then run it with {@code list()}, {@code one()}, {@code first()}, {@code count()},
   * {@code exists()} or {@code stream(n)}. Pending changes are flushed first (autoflush).
   *
   * <pre>{@code
   * List<Parent> ps = session.select(Parent.class)
   *     .where(Parent_.name.like("p%"))
   *     .orderBy(Parent_.id.asc())
   *     .options(Load.selectin(Parent_.children))
   *     .list();
   * }</pre>
   */
  <T> Select<T> select(Class<T> model);

  /**
   * A query of one value per row: {@code select(Parent_.name)}, {@code select(Child_.id.max())}.
   */
  <A> Select<A> select(Expression<A> value);

  /**
   * A query of two values per row, e.g. a grouped count:
   *
   * <pre>{@code
   * session.select(Child_.parentId, Child_.id.count()).groupBy(Child_.parentId).list();
   * }</pre>
   */
  <A, B> Select<Tuple2<A, B>> select(Expression<A> first, Expression<B> second);

  /** A query of three values per row. */
  <A, B, C> Select<Tuple3<A, B, C>> select(
      Expression<A> first, Expression<B> second, Expression<C> third);

  /**
   * A query of the members of {@code owner}'s {@code relationship}: the way to read a write-only
   * collection, and a way to filter, order or page any collection without loading it.
   *
   * <pre>{@code
   * session.select(Parent_.children, parent).where(Child_.name.like("a%")).limit(10).list();
   * }</pre>
   */
  <M, T> Select<T> select(ManyAttribute<M, T> relationship, M owner);

  /** A bulk UPDATE of {@code model} rows; see {@link Update} for its effect on this session. */
  <T> Update<T> bulkUpdate(Class<T> model);

  /** A bulk DELETE of {@code model} rows; see {@link Delete} for its effect on this session. */
  <T> Delete<T> bulkDelete(Class<T> model);

  /**
   * Runs SQL the application wrote and maps each row onto a {@code model} object (through the
   * identity map, like every query), finding each mapped column by name. Values go in {@code
   * params}, bound to the {@code ?} placeholders in order; never concatenate them into {@code sql}.
   *
   * <pre>{@code
   * List<Parent> ps = session.selectSql(Parent.class,
   *     "SELECT * FROM parent WHERE name = ? OR id > ?", "p", 10);
   * }</pre>
   */
  <T> List<T> selectSql(Class<T> model, String sql, Object... params);

  /**
   * Keys per IN query for selectin loading and batched lazy loading (default 500, and never more
   * than the database's parameter limit).
   */
  void setBatchSize(int keys);

  /**
   * Whether a lazy load also loads the same relationship of the object's peers — the other objects
   * its query returned — in the same IN query (default true). Touching {@code children} of 1,000
   * parents from one query then costs 2 statements, not 1,000.
   */
  void setBatchLazyLoads(boolean on);

  /**
   * The N+1 guard: what to do when one relationship has lazily loaded for {@code threshold} objects
   * one at a time in this session (see {@link LazyLoadGuard}).
   */
  void setLazyLoadGuard(LazyLoadGuard guard, int threshold);

  /** {@link #setLazyLoadGuard(LazyLoadGuard, int)} with a threshold of 10 loads. */
  default void setLazyLoadGuard(LazyLoadGuard guard) {
    setLazyLoadGuard(guard, 10);
  }

  /** Marks {@code model} for deletion at the next flush. */
  void delete(Object model);

  /** Whether {@code model} belongs to this session (pending, persistent or deleted here). */
  boolean contains(Object model);

  /**
   * Copies {@code model}'s state onto this session's object for the same row and returns that
   * object: the one in the identity map, or loaded by key, or — when the row does not exist or the
   * object has no key — a new pending copy. Column fields are copied; relationships that are loaded
   * on {@code model} and cascade {@code merge} (the default) are merged the same way. {@code model}
   * itself is left as it was (typically detached).
   *
   * <pre>{@code
   * Parent edited = ...;                     // detached, changed outside any session
   * Parent managed = session.merge(edited);  // persistent here, with edited's values
   * session.commit();                        // UPDATE of what changed
   * }</pre>
   */
  <T> T merge(T model);

  /** The state of {@code model}: transient, pending, persistent, deleted or detached. */
  ObjectState stateOf(Object model);

  /**
   * Removes {@code model} from this session (and what it reaches through {@code expunge}
   * relationships) without touching the database: a pending object becomes transient, a persistent
   * one detached; its unflushed changes are no longer this session's.
   */
  void expunge(Object model);

  /**
   * Reloads {@code model}'s columns from the database now, discarding unflushed changes to them,
   * and expires its relationships (they reload on next use). The object must be persistent here.
   */
  void refresh(Object model);

  /**
   * Discards {@code model}'s unflushed column changes (its fields go back to the values last read
   * or written), expires its relationships, and has the next load of its row — {@code get}, a lazy
   * load, a query — overwrite its columns with the database's. Column fields are plain Java fields,
   * so they are not reloaded on read; use {@link #refresh} to reload them at once.
   */
  void expire(Object model);

  /**
   * Whether lazy loads and {@code get} flush pending changes first (default true). Turn it off
   * around code that reads while the graph is half-built.
   *
   * <p>What triggers the flush: new, deleted or re-linked objects (anything done through {@code
   * add}, {@code delete} or a relationship), which can change the rows a load finds. A change made
   * only to column fields does not: it cannot change which rows a load by key returns, and objects
   * already in the session keep their in-memory values. Detecting it would mean comparing every
   * object of the session with its snapshot before every lazy load. So a foreign key written
   * directly on its field ({@code child.parentId = 7} rather than {@code child.parent.set(p)}) is
   * seen by loads after the next flush, which also re-points the loaded relationships (as
   * Hibernate, which never flushes before a lazy load; SQLAlchemy flushes it because its attributes
   * are instrumented).
   *
   * <p>A {@code get} whose key is not in the session does not flush pending deletes that cannot
   * reach its row: deletes of rows of other keys, whose cascades, orphans and foreign keys do not
   * lead to the model asked for. A loop of {@code session.delete(session.get(...))} thus writes its
   * deletes as one batch at the next flush.
   */
  void setAutoflush(boolean on);

  /**
   * Whether {@link #commit} expires loaded relationships so they reload (default true, as in
   * SQLAlchemy). Off, relationships keep what they held; use it when objects are read after the
   * session closes.
   */
  void setExpireOnCommit(boolean on);

  /**
   * Writes every pending change to the database inside the current transaction, in foreign-key
   * order. On failure the transaction is rolled back and the exception rethrown (in a transaction
   * joined with {@link Database#join}, it is marked for its owner to roll back).
   */
  void flush();

  /**
   * Flushes, then sets a savepoint in the current transaction: what happens until the returned
   * handle's {@code commit} can be undone alone with its {@code rollback}.
   */
  NestedTransaction beginNested();

  /**
   * Flushes and commits; loaded relationships are expired so they reload on next use. Refused on a
   * session from {@link Database#join}, whose transaction its owner commits.
   */
  void commit();

  /**
   * Rolls the transaction back: objects added since the last commit become transient again,
   * persistent objects are expired, and the session remains usable. Refused on a session from
   * {@link Database#join}: its owner rolls back.
   */
  void rollback();

  /** Releases the connection (rolling back anything uncommitted) and detaches every object. */
  @Override
  void close();
}
