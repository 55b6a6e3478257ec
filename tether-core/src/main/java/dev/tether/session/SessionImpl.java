package dev.tether.session;

import dev.tether.DatabaseException;
import dev.tether.Session;
import dev.tether.SessionStateException;
import dev.tether.attribute.InstanceState;
import dev.tether.attribute.InstanceStatus;
import dev.tether.attribute.SessionLink;
import dev.tether.mapping.Cascade;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import dev.tether.sql.SqlConnection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The session: identity map, the sets of pending, deleted and changed objects, the current
 * transaction's connection and its journal (what to undo if the transaction rolls back). Flushing
 * is delegated to {@link UnitOfWork}.
 */
final class SessionImpl implements Session, SessionLink {
  final Engine engine;
  final IdentityMap identity = new IdentityMap();
  final Set<InstanceState> pending = new LinkedHashSet<>();
  final ModelCountingSet deleted = new ModelCountingSet();
  final Set<InstanceState> changed = new LinkedHashSet<>();
  final Journal journal = new Journal();
  private final Transaction transaction;
  private boolean closed;
  private boolean flushing;
  private boolean autoflush = true;

  /**
   * Persistent orphans an autoflush left alone, with the collections they left: the next explicit
   * flush deletes them unless they found a new parent meanwhile.
   */
  final Map<InstanceState, List<FlushState.Membership>> deferredOrphans = new IdentityHashMap<>();

  /** Objects compared with their snapshot so far (dirty checks): for tests and tuning. */
  long dirtyChecks;

  final Deque<Savepoint> savepoints = new ArrayDeque<>();
  private boolean expireOnCommit = true;
  final SessionQueries queries = new SessionQueries(this);
  private final RowEvents rowEvents = new RowEvents(this);

  SessionImpl(Engine engine) {
    this.engine = engine;
    this.transaction = new Transaction(engine.connections(), engine.dialect());
  }

  // ---- queries (built in dev.tether.query; this session runs them) -----------------------------

  @Override
  public <T> dev.tether.query.Select<T> select(Class<T> model) {
    checkOpen();
    return dev.tether.query.internal.Queries.select(queries, model);
  }

  @Override
  public <A> dev.tether.query.Select<A> select(dev.tether.query.Expression<A> value) {
    checkOpen();
    return dev.tether.query.internal.Queries.select(queries, value);
  }

  @Override
  public <A, B> dev.tether.query.Select<dev.tether.query.Tuple2<A, B>> select(
      dev.tether.query.Expression<A> first, dev.tether.query.Expression<B> second) {
    checkOpen();
    return dev.tether.query.internal.Queries.select(queries, first, second);
  }

  @Override
  public <A, B, C> dev.tether.query.Select<dev.tether.query.Tuple3<A, B, C>> select(
      dev.tether.query.Expression<A> first,
      dev.tether.query.Expression<B> second,
      dev.tether.query.Expression<C> third) {
    checkOpen();
    return dev.tether.query.internal.Queries.select(queries, first, second, third);
  }

  @Override
  public <M, T> dev.tether.query.Select<T> select(
      dev.tether.query.ManyAttribute<M, T> relationship, M owner) {
    checkOpen();
    return dev.tether.query.internal.Queries.members(queries, relationship, owner);
  }

  @Override
  public <T> dev.tether.query.Update<T> bulkUpdate(Class<T> model) {
    checkOpen();
    return dev.tether.query.internal.Queries.bulkUpdate(queries, model);
  }

  @Override
  public <T> dev.tether.query.Delete<T> bulkDelete(Class<T> model) {
    checkOpen();
    return dev.tether.query.internal.Queries.bulkDelete(queries, model);
  }

  @Override
  public <T> List<T> selectSql(Class<T> model, String sql, Object... params) {
    checkOpen();
    return queries.selectSql(model, sql, params);
  }

  @Override
  public void setBatchSize(int keys) {
    queries.batchSize(keys);
  }

  @Override
  public void setBatchLazyLoads(boolean on) {
    queries.batchLazyLoads(on);
  }

  @Override
  public void setLazyLoadGuard(dev.tether.LazyLoadGuard guard, int threshold) {
    queries.guard(guard, threshold);
  }

  // ---- public API ----------------------------------------------------------------------------

  @Override
  public void add(Object model) {
    checkOpen();
    mappingOf(model);
    rowEvents.refuseWhileWriting("add", InstanceState.of(model));
    cascadeAdd(model);
  }

  /** The model {@link #get} looked up last, and its mapping: gets tend to repeat one model. */
  private Class<?> lastGetType;

  private ModelMapping lastGetMapping;

  @Override
  public <T> T get(Class<T> type, Object id) {
    checkOpen();
    ModelMapping m = lastGetType == type ? lastGetMapping : engine.metadata().model(type);
    if (m == null) {
      throw notMapped(type);
    }
    lastGetType = type;
    lastGetMapping = m;
    if (id == null) {
      throw new IllegalArgumentException(
          "session.get(" + type.getSimpleName() + ", null): the key is null");
    }
    InstanceState s = identity.get(m, id);
    if (s != null && s.reloadColumns() && s.status() == InstanceStatus.PERSISTENT) {
      Object[] row = Loading.rowByKey(this, m, s.key()); // expired: read the row again
      if (row != null) {
        Loading.overwrite(s, m, row);
        Loading.afterLoad(this, s);
      }
    }
    if (s != null) {
      return s.status() == InstanceStatus.DELETED ? null : type.cast(s.owner());
    }
    autoflushBeforeGet(m);
    List<Object> found = Loading.byKey(this, m, Keys.normalize(m, id));
    if (found.isEmpty()) {
      return null;
    }
    dev.tether.query.internal.Queries.afterGet(queries, found.get(0), m);
    return type.cast(found.get(0));
  }

  @Override
  public void delete(Object model) {
    checkOpen();
    mappingOf(model);
    InstanceState s = InstanceState.of(model);
    rowEvents.refuseWhileWriting("delete", s);
    if (s.session() != null && s.session() != this) {
      throw otherSession(s);
    }
    switch (s.status()) {
      case TRANSIENT -> throw SessionMessages.deleteTransient(s);
      case PENDING -> {
        pending.remove(s);
        detach(s, InstanceStatus.TRANSIENT);
      }
      case DETACHED -> {
        attach(s);
        deleted.add(s);
      }
      case PERSISTENT -> deleted.add(s);
      case DELETED -> {}
    }
  }

  @Override
  public boolean contains(Object model) {
    InstanceState s = InstanceState.of(model);
    return s.session() == this;
  }

  @Override
  public <T> T merge(T model) {
    checkOpen();
    mappingOf(model);
    rowEvents.refuseWhileWriting("merge", InstanceState.of(model));
    @SuppressWarnings("unchecked")
    T merged = (T) new Merge(mergeTarget()).merge(InstanceState.of(model));
    return merged;
  }

  /** What {@link Merge} needs of this session, and nothing more. */
  private Merge.Target mergeTarget() {
    SessionImpl session = this;
    return new Merge.Target() {
      @Override
      public boolean holds(InstanceState s) {
        return s.session() == session;
      }

      @Override
      public ModelMapping mappingOf(Object model) {
        return session.mappingOf(model);
      }

      @Override
      public Object find(ModelMapping m, Object key) {
        InstanceState hit = identity.get(m, key);
        if (hit != null) {
          return hit.owner();
        }
        autoflushBeforeLoad();
        List<Object> rows = Loading.byKey(session, m, key);
        return rows.isEmpty() ? null : rows.get(0);
      }

      @Override
      public void add(Object model) {
        addGraph(model);
      }
    };
  }

  @Override
  public dev.tether.ObjectState stateOf(Object model) {
    mappingOf(model);
    return dev.tether.ObjectState.valueOf(InstanceState.of(model).status().name());
  }

  @Override
  public void expunge(Object model) {
    for (InstanceState s : CascadeWalk.reach(this, stateHere(model, "expunge"), Cascade.EXPUNGE)) {
      forget(s);
    }
  }

  /** Removes {@code s} from every set of this session and detaches it; no SQL. */
  void forget(InstanceState s) {
    identity.remove(s.mapping(), s.key(), s);
    pending.remove(s);
    deleted.remove(s);
    changed.remove(s);
    deferredOrphans.remove(s);
    journal.inserted.remove(s);
    journal.deleted.remove(s);
    detach(s, s.hasRow() ? InstanceStatus.DETACHED : InstanceStatus.TRANSIENT);
  }

  @Override
  public void refresh(Object model) {
    InstanceState root = stateHere(model, "refresh");
    for (InstanceState s : CascadeWalk.reach(this, root, Cascade.REFRESH_EXPIRE)) {
      if (s == root || s.status() == InstanceStatus.PERSISTENT) {
        refreshOne(s);
      }
    }
  }

  private void refreshOne(InstanceState s) {
    ModelMapping m = s.mapping();
    if (s.status() != InstanceStatus.PERSISTENT) {
      throw SessionMessages.refreshNotPersistent(s);
    }
    Object[] row = Loading.rowByKey(this, m, s.key());
    if (row == null) {
      throw SessionMessages.refreshRowGone(s);
    }
    Loading.overwrite(s, m, row);
    s.expireRelationships();
    Loading.afterLoad(this, s);
  }

  @Override
  public void expire(Object model) {
    for (InstanceState s :
        CascadeWalk.reach(this, stateHere(model, "expire"), Cascade.REFRESH_EXPIRE)) {
      s.restoreColumns();
      s.reloadColumns(true);
      s.expireRelationships();
      changed.remove(s);
    }
  }

  @Override
  public dev.tether.NestedTransaction beginNested() {
    checkOpen();
    rowEvents.refuseDuringFlush("begin a savepoint");
    Savepoint s = new Savepoint(this);
    savepoints.push(s);
    return s;
  }

  @Override
  public void setAutoflush(boolean on) {
    autoflush = on;
  }

  @Override
  public void setExpireOnCommit(boolean on) {
    expireOnCommit = on;
  }

  /** The session's side of the lifecycle events. */
  RowEvents rowEvents() {
    return rowEvents;
  }

  /** The state of {@code model}, which must be a mapped object of this open session. */
  private InstanceState stateHere(Object model, String action) {
    checkOpen();
    mappingOf(model);
    InstanceState s = InstanceState.of(model);
    requireHere(s, action);
    return s;
  }

  private void requireHere(InstanceState s, String action) {
    if (s.session() != this) {
      throw SessionMessages.notHere(s, action);
    }
  }

  @Override
  public void flush() {
    checkOpen();
    flush(false);
  }

  private void flush(boolean auto) {
    if (flushing) {
      return;
    }
    flushing = true;
    try {
      new UnitOfWork(this, auto).run();
    } catch (RuntimeException e) {
      flushing = false;
      if (e.getCause() instanceof SQLException cause
          && engine.dialect().isConnectionFailure(cause)) {
        engine.connections().discardIdle(); // a retry must not meet the dead connection's siblings
      }
      if (savepoints.isEmpty()) {
        failedFlush(e);
      } else {
        savepoints.peek().rollBackAfterFailedFlush(); // the outer transaction goes on
      }
      throw e;
    } finally {
      flushing = false;
    }
  }

  @Override
  public void commit() {
    checkOpen();
    rowEvents.refuseDuringFlush("commit");
    flush();
    savepoints.clear();
    if (transaction.active()) {
      try {
        transaction.commit();
      } catch (DatabaseException failure) {
        try {
          rollback();
        } catch (RuntimeException listener) { // an afterRollback that failed too
          failure.addSuppressed(listener);
        }
        throw failure;
      }
      transaction.release();
    }
    for (InstanceState s : journal.deleted) {
      detach(s, InstanceStatus.DETACHED);
    }
    journal.clear();
    if (expireOnCommit) {
      for (InstanceState s : identity.all()) {
        s.expireRelationships();
      }
    }
    engine.events().afterCommit(this);
  }

  @Override
  public void rollback() {
    checkOpen();
    rowEvents.refuseDuringFlush("roll back");
    savepoints.clear();
    boolean open = transaction.active();
    transaction.rollback();
    for (InstanceState s : journal.inserted) {
      identity.remove(s.mapping(), s.key(), s);
      journal.resetKey(s);
      detach(s, InstanceStatus.TRANSIENT);
    }
    for (InstanceState s : pending) {
      journal.resetKey(s);
      detach(s, InstanceStatus.TRANSIENT);
    }
    pending.clear();
    for (InstanceState s : journal.deleted) {
      s.status(InstanceStatus.PERSISTENT);
      identity.putIfAbsent(s.mapping(), s.key(), s);
    }
    deleted.clear();
    for (InstanceState s : identity.all()) {
      journal.restoreColumns(s);
      s.status(InstanceStatus.PERSISTENT);
      s.expireRelationships();
    }
    changed.clear();
    deferredOrphans.clear();
    journal.clear();
    if (open) {
      engine.events().afterRollback(this);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    boolean open = transaction.active();
    try {
      transaction.rollback();
    } finally {
      for (InstanceState s : identity.all()) {
        detach(s, InstanceStatus.DETACHED);
      }
      for (InstanceState s : pending) {
        detach(s, InstanceStatus.TRANSIENT);
      }
      for (InstanceState s : journal.deleted) {
        detach(s, InstanceStatus.DETACHED);
      }
      identity.clear();
      pending.clear();
      deleted.clear();
      changed.clear();
      journal.clear();
      closed = true;
    }
    if (open) {
      engine.events().afterRollback(this);
    }
  }

  // ---- SessionLink: what relationship containers ask of the session ---------------------------

  @Override
  public List<Object> loadCollection(InstanceState owner, RelationshipMapping rel) {
    checkOpenFor(owner, rel);
    return dev.tether.query.internal.Queries.loadCollection(queries, owner, rel);
  }

  @Override
  public Object loadReference(InstanceState owner, RelationshipMapping rel) {
    checkOpenFor(owner, rel);
    return dev.tether.query.internal.Queries.loadReference(queries, owner, rel);
  }

  @Override
  public Object identity(ModelMapping model, Object key) {
    InstanceState s = identity.get(model, key);
    return s == null ? null : s.owner();
  }

  @Override
  public void relationshipChanged(InstanceState owner) {
    if (!closed) {
      rowEvents.relationshipChanged(owner);
      changed.add(owner);
    }
  }

  @Override
  public void cascadeAdd(Object other) {
    if (!closed) {
      addGraph(other);
    }
  }

  @Override
  public void expungeOrphan(Object orphan) {
    InstanceState s = InstanceState.of(orphan);
    if (s.session() == this && s.status() == InstanceStatus.PENDING) {
      forget(s);
    }
  }

  @Override
  public String describe() {
    return "Session@" + Integer.toHexString(System.identityHashCode(this));
  }

  // ---- internals -------------------------------------------------------------------------------

  /**
   * Adds what {@code s}, an object of this session, reaches through save-update relationships and
   * is not in this session yet, as {@link #addGraph} of {@code s} would, without walking what is
   * here already (the flush asks this of every pending object).
   */
  void cascadeAddReached(InstanceState s) {
    CascadeWalk.forEachSavedWith(
        s,
        v -> {
          if (InstanceState.of(v).session() != this) {
            addGraph(v);
          }
        });
  }

  /** Adds {@code root} and everything reachable from it through save-update relationships. */
  private void addGraph(Object root) {
    Deque<Object> work = new ArrayDeque<>(); // FIFO: rows insert in the order they were linked
    work.addLast(root);
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    while (!work.isEmpty()) {
      Object o = work.pollFirst();
      if (seen.put(o, Boolean.TRUE) != null) {
        continue;
      }
      InstanceState s = InstanceState.of(o);
      if (s.session() == this) {
        if (o != root) {
          continue;
        }
      } else if (s.session() != null) {
        throw otherSession(s);
      } else {
        attach(s);
      }
      CascadeWalk.forEachSavedWith(s, work::addLast);
    }
  }

  /** Makes a transient object pending, or a detached one persistent, in this session. */
  private void attach(InstanceState s) {
    switch (s.status()) {
      case TRANSIENT -> {
        s.session(this);
        s.status(InstanceStatus.PENDING);
        pending.add(s);
      }
      case DETACHED -> {
        InstanceState clash = identity.putIfAbsent(s.mapping(), s.key(), s);
        if (clash != null && clash != s) {
          throw SessionMessages.rowHeldByAnother(s, clash);
        }
        s.session(this);
        s.status(InstanceStatus.PERSISTENT);
        if (s.snapshot() == null) {
          s.takeSnapshot();
        }
        changed.add(s); // relationships changed while detached are flushed like any other
      }
      case DELETED -> throw SessionMessages.addDeleted(s);
      default -> {
        s.session(this);
      }
    }
  }

  void detach(InstanceState s, InstanceStatus to) {
    s.session(null);
    s.status(to);
  }

  /**
   * The transaction's connection, begun on first use. A pooled connection that the server closed
   * meanwhile (killed, failed over) fails as the transaction begins, before anything is done on it;
   * the pool evicts it, and the next one is tried.
   */
  SqlConnection connection() {
    return transaction.connection();
  }

  /**
   * After a failed flush the transaction is rolled back and every change made since the last commit
   * is pending again: rows inserted in this transaction are re-inserted, updates and deletes
   * re-applied, by the next flush. Nothing is half-written and nothing is lost.
   */
  private void failedFlush(RuntimeException failure) {
    boolean open = transaction.active();
    try {
      transaction.rollback();
    } catch (RuntimeException ignored) {
      // the flush failure is what the caller needs to see
    }
    List<InstanceState> reinsert = new ArrayList<>(journal.inserted);
    for (InstanceState s : reinsert) {
      identity.remove(s.mapping(), s.key(), s);
      journal.resetKey(s);
      s.clearSnapshot();
      s.status(InstanceStatus.PENDING);
    }
    for (InstanceState s : pending) {
      journal.resetKey(s);
    }
    Set<InstanceState> all = new LinkedHashSet<>(reinsert);
    all.addAll(pending);
    pending.clear();
    pending.addAll(all);
    for (InstanceState s : journal.deleted) {
      s.status(InstanceStatus.PERSISTENT);
      identity.putIfAbsent(s.mapping(), s.key(), s);
      deleted.add(s);
    }
    for (InstanceState s : identity.all()) {
      journal.restoreSnapshot(s);
    }
    journal.restoreHistories();
    for (InstanceState s : identity.all()) {
      changed.add(s);
    }
    changed.addAll(pending);
    journal.clear();
    try {
      if (open) {
        engine.events().afterRollback(this);
      }
    } catch (RuntimeException listener) {
      failure.addSuppressed(listener);
    }
  }

  /**
   * Autoflush before a query, which may filter on any column: {@link #autoflushReading} over every
   * model in the session, so a session without changes is compared but not flushed.
   */
  void autoflush() {
    autoflushReading(identity.models().toArray(new ModelMapping[0]));
  }

  /**
   * Autoflush before a lazy load or a {@code get} by key: a flush when something structural is
   * pending (new or deleted objects, relationship changes), which could change the rows the load
   * finds; otherwise nothing, in O(1). Column-only changes cannot change which rows a load by key
   * returns, and rows already in the identity map keep their in-memory values, so they wait for the
   * next flush; without this, every lazy load would compare every object of the session with its
   * snapshot, making a run of n lazy loads cost O(n × session size).
   *
   * <p>One consequence, documented on {@link dev.tether.Session#setAutoflush}: a foreign key
   * written directly on the field (not through the relationship) is not seen by a lazy load before
   * the next flush, as in Hibernate; the flush then re-points the loaded relationships.
   */
  void autoflushBeforeLoad() {
    autoflushReading();
  }

  /**
   * Autoflush before a {@code get} of a key of {@code m} that the identity map does not hold: as
   * {@link #autoflushBeforeLoad}, except that pending deletes alone do not flush when no delete can
   * reach a row of {@code m}. Such a delete removes a row of another key (a deleted object is in
   * the identity map, so a get of its own key never gets here) and, through cascades, orphan
   * handling and database foreign-key actions, only rows of the models {@link
   * Engine#touchedByDeletesOf} names. Keeping the deletes pending lets a loop of {@code
   * delete(get(...))} batch them in one flush. New objects and relationship changes still flush: a
   * new row may take the key asked for.
   */
  void autoflushBeforeGet(ModelMapping m) {
    if (!autoflush || flushing) {
      return;
    }
    if (pending.isEmpty() && changed.isEmpty() && !deleted.isEmpty() && deletesCannotReach(m)) {
      return;
    }
    autoflushBeforeLoad();
  }

  private boolean deletesCannotReach(ModelMapping m) {
    for (ModelMapping d : deleted.models()) {
      if (engine.touchedByDeletesOf(d).contains(m)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Autoflush before SQL that reads the tables of {@code reads} (null entries ignored) and filters
   * on their columns: {@link #autoflushBeforeLoad}'s structural check, then a flush if an object of
   * a model read has a changed column field (Hibernate's query spaces). Objects of other models are
   * not compared.
   */
  void autoflushReading(ModelMapping... reads) {
    if (!autoflush || flushing) {
      return;
    }
    if (!pending.isEmpty() || !deleted.isEmpty() || !changed.isEmpty()) {
      flush(true);
      return;
    }
    for (ModelMapping m : reads) {
      if (m == null) {
        continue;
      }
      for (InstanceState s : identity.of(m)) {
        if (s.status() == InstanceStatus.PERSISTENT && !columnsUnchanged(s)) {
          flush(true);
          return;
        }
      }
    }
  }

  /** {@link InstanceState#columnsUnchanged}, counted in {@link #dirtyChecks}. */
  boolean columnsUnchanged(InstanceState s) {
    dirtyChecks++;
    return s.columnsUnchanged();
  }

  boolean flushing() {
    return flushing;
  }

  ModelMapping mappingOf(Object model) {
    if (!(model instanceof dev.tether.Model)) {
      throw new IllegalArgumentException(
          (model == null ? "null" : model.getClass().getName())
              + " is not a model (models extend dev.tether.Model).");
    }
    ModelMapping m = engine.metadata().model(model.getClass());
    if (m == null) {
      throw notMapped(model.getClass());
    }
    return m;
  }

  private void checkOpen() {
    if (closed) {
      throw new SessionStateException("This session is closed; open a new one with db.session().");
    }
  }

  private void checkOpenFor(InstanceState owner, RelationshipMapping rel) {
    if (closed) {
      throw SessionMessages.closedFor(owner, rel);
    }
  }

  private SessionStateException otherSession(InstanceState s) {
    return SessionMessages.otherSession(s, describe());
  }

  private static dev.tether.TetherException notMapped(Class<?> type) {
    return new dev.tether.TetherException(
        "not-mapped",
        type.getSimpleName()
            + " is not mapped by this database's registry; include it in Registry.of(...).");
  }
}
