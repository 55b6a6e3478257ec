package dev.tether.session;

import dev.tether.CommitOutcomeUnknownException;
import dev.tether.DatabaseException;
import dev.tether.ObjectState;
import dev.tether.Session;
import dev.tether.SessionStateException;
import dev.tether.attribute.InstanceState;
import dev.tether.attribute.SessionLink;
import dev.tether.engine.Engine;
import dev.tether.mapping.Cascade;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * The session's front door: the public {@link Session} API and what relationship containers ask of
 * their session ({@link SessionLink}). It checks arguments and delegates: what the session tracks
 * is a {@link SessionState}; the flush is a {@link UnitOfWork}; the save-update cascade, autoflush,
 * savepoints, merge and the end of a transaction each have their own class.
 */
final class SessionImpl implements Session, SessionLink {
  private final SessionState state;
  private final Autoflush autoflush;
  private final AddCascade adds;
  private final TransactionEnds ends;
  final SessionQueries queries;

  /** Open nested transactions, innermost first. */
  private final Deque<Savepoint> savepoints = new ArrayDeque<>();

  private boolean closed;
  private boolean expireOnCommit = true;

  SessionImpl(
      Engine engine,
      DeleteReach deleteReach,
      Supplier<Events> events,
      dev.tether.TransactionOptions options) {
    this.state = new SessionState(engine, this, new RowEvents(this, events), options);
    this.autoflush = new Autoflush(state, deleteReach, this::flush);
    this.adds = new AddCascade(state);
    this.ends = new TransactionEnds(state);
    this.queries = new SessionQueries(state, autoflush);
  }

  /**
   * A session in a transaction someone else owns ({@code Database.join}); {@link JoinedSession}
   * carries the owner's calls to it.
   */
  SessionImpl(
      Engine engine,
      DeleteReach deleteReach,
      Supplier<Events> events,
      JoinedTransaction transaction) {
    this.state = new SessionState(engine, this, new RowEvents(this, events), transaction);
    this.autoflush = new Autoflush(state, deleteReach, this::flush);
    this.adds = new AddCascade(state);
    this.ends = new TransactionEnds(state);
    this.queries = new SessionQueries(state, autoflush);
  }

  /** Objects compared with their snapshot so far (dirty checks): for tests and tuning. */
  long dirtyChecks() {
    return state.dirtyChecks();
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
    state.events().refuseWhileWriting("add", InstanceState.of(model));
    cascadeAdd(model);
  }

  /** The model {@link #get} looked up last, and its mapping: gets tend to repeat one model. */
  private Class<?> lastGetType;

  private ModelMapping lastGetMapping;

  @Override
  public <T> T get(Class<T> type, Object id) {
    checkOpen();
    ModelMapping m = lastGetType == type ? lastGetMapping : state.engine().metadata().model(type);
    if (m == null) {
      throw notMapped(type);
    }
    lastGetType = type;
    lastGetMapping = m;
    if (id == null) {
      throw new IllegalArgumentException(
          "session.get(" + type.getSimpleName() + ", null): the key is null");
    }
    InstanceState s = state.identity().get(m, id);
    if (s != null && s.reloadColumns() && s.status() == ObjectState.PERSISTENT) {
      Object[] row = RowLoader.rowByKey(state, m, s.key()); // expired: read the row again
      if (row != null) {
        RowLoader.overwrite(s, m, row);
        state.events().afterLoad(s);
      }
    }
    if (s != null) {
      return s.status() == ObjectState.DELETED ? null : type.cast(s.owner());
    }
    autoflush.beforeGet(m);
    List<Object> found = RowLoader.byKey(state, m, Keys.normalize(m, id));
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
    state.events().refuseWhileWriting("delete", s);
    if (s.session() != null && !state.holds(s)) {
      throw adds.otherSession(s);
    }
    switch (s.status()) {
      case TRANSIENT ->
          throw new SessionStateException(
              "Cannot delete "
                  + s.describe()
                  + ": it is transient (never added to a session, no row). Only persistent objects"
                  + " can be deleted.");
      case PENDING -> {
        state.pending().remove(s);
        state.detach(s, ObjectState.TRANSIENT);
      }
      case DETACHED -> {
        adds.attach(s);
        state.deleted().add(s);
      }
      case PERSISTENT -> state.deleted().add(s);
      case DELETED -> {}
    }
  }

  @Override
  public boolean contains(Object model) {
    InstanceState s = InstanceState.of(model);
    return state.holds(s);
  }

  @Override
  public <T> T merge(T model) {
    checkOpen();
    mappingOf(model);
    state.events().refuseWhileWriting("merge", InstanceState.of(model));
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
        InstanceState hit = state.identity().get(m, key);
        if (hit != null) {
          return hit.owner();
        }
        autoflush.beforeLoad();
        List<Object> rows = RowLoader.byKey(state, m, key);
        return rows.isEmpty() ? null : rows.get(0);
      }

      @Override
      public void add(Object model) {
        adds.addGraph(model);
      }
    };
  }

  @Override
  public dev.tether.ObjectState stateOf(Object model) {
    mappingOf(model);
    return InstanceState.of(model).status();
  }

  @Override
  public void expunge(Object model) {
    for (InstanceState s : CascadeWalk.reach(this, stateHere(model, "expunge"), Cascade.EXPUNGE)) {
      state.forget(s);
    }
  }

  @Override
  public void refresh(Object model) {
    InstanceState root = stateHere(model, "refresh");
    for (InstanceState s : CascadeWalk.reach(this, root, Cascade.REFRESH_EXPIRE)) {
      if (s == root || s.status() == ObjectState.PERSISTENT) {
        refreshOne(s);
      }
    }
  }

  private void refreshOne(InstanceState s) {
    ModelMapping m = s.mapping();
    if (s.status() != ObjectState.PERSISTENT) {
      throw new SessionStateException(
          "Cannot refresh "
              + s.describe()
              + ": it is "
              + s.status().name().toLowerCase(java.util.Locale.ROOT)
              + ", and only a persistent object has a row to read. Flush it first.");
    }
    Object[] row = RowLoader.rowByKey(state, m, s.key());
    if (row == null) {
      throw new SessionStateException(
          "Cannot refresh "
              + s.describe()
              + ": its row no longer exists (deleted by another transaction). Expunge it.");
    }
    RowLoader.overwrite(s, m, row);
    s.expireRelationships();
    state.events().afterLoad(s);
  }

  @Override
  public void expire(Object model) {
    for (InstanceState s :
        CascadeWalk.reach(this, stateHere(model, "expire"), Cascade.REFRESH_EXPIRE)) {
      s.restoreColumns();
      s.reloadColumns(true);
      s.expireRelationships();
      state.changed().remove(s);
    }
  }

  @Override
  public dev.tether.NestedTransaction beginNested() {
    checkOpen();
    state.events().refuseDuringFlush("begin a savepoint");
    Savepoint s = new Savepoint(state, this::flush, savepoints);
    savepoints.push(s);
    return s;
  }

  @Override
  public void setAutoflush(boolean on) {
    autoflush.enabled(on);
  }

  @Override
  public void setExpireOnCommit(boolean on) {
    expireOnCommit = on;
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
    if (!state.holds(s)) {
      throw new SessionStateException(
          "Cannot "
              + action
              + " "
              + s.describe()
              + ": it is "
              + s.status().name().toLowerCase(java.util.Locale.ROOT)
              + (s.session() != null ? " in another session" : "")
              + ", and "
              + action
              + " needs an object of this session (pending or persistent here).");
    }
  }

  @Override
  public void flush() {
    checkOpen();
    flush(false);
  }

  private void flush(boolean auto) {
    if (state.flushing()) {
      return;
    }
    if (state.transaction().readOnly() && state.hasChanges()) {
      throw new SessionStateException(
          "read-only-session",
          "This session is read-only (TransactionOptions.readOnly()), yet it holds "
              + state.changesSummary()
              + " to write"
              + (auto ? " before a query" : "")
              + ". Nothing was sent. Write in a read-write session, or expunge() the objects to"
              + " drop their changes.");
    }
    state.flushing(true);
    try {
      new UnitOfWork(state, adds, auto).run();
    } catch (RuntimeException e) {
      state.flushing(false);
      state.transaction().lostConnection(e); // drops the dead connection's idle siblings
      if (savepoints.isEmpty()) {
        boolean open = state.transaction().active();
        try {
          state.transaction().rollback();
        } catch (RuntimeException ignored) {
          // the flush failure is what the caller needs to see
        }
        // a joined transaction's owner rolls back, wholly or to a savepoint of its own, and the
        // objects are restored when it reports which (JoinedSession)
        if (state.transaction().endedBySession()) {
          ends.flushFailed();
          if (open) {
            afterRollback(e);
          }
        }
      } else {
        savepoints.peek().rollBackAfterFailedFlush(); // the outer transaction goes on
      }
      throw e;
    } finally {
      state.flushing(false);
    }
  }

  @Override
  public void commit() {
    checkOpen();
    state.transaction().requireOwner("commit");
    state.events().refuseDuringFlush("commit");
    flush();
    savepoints.clear();
    Transaction transaction = state.transaction();
    if (transaction.active()) {
      try {
        transaction.commit();
      } catch (DatabaseException failure) {
        throw failedCommit(transaction, failure);
      }
      transaction.releaseAfterCommit(); // committed: giving the connection back cannot undo it
    }
    ends.committed(expireOnCommit);
    state.events().current().afterCommit(this);
  }

  @Override
  public void rollback() {
    checkOpen();
    state.transaction().requireOwner("roll back");
    state.events().refuseDuringFlush("roll back");
    savepoints.clear();
    boolean open = state.transaction().active();
    state.transaction().rollback();
    ends.rolledBack();
    if (open) {
      afterRollback(null);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    boolean open = state.transaction().active();
    try {
      state.transaction().rollback();
    } finally {
      ends.closed();
      closed = true;
    }
    if (open) {
      afterRollback(null);
    }
  }

  /**
   * Tells the session listeners that the transaction was rolled back (the objects are restored
   * already); their failure is added to {@code failure}, the one the caller sees, if any.
   */
  /**
   * COMMIT failed: memory goes back to the transaction's start (as after a rollback) and the
   * failure is what the caller sees, never a failure of the rollback that follows. A COMMIT refused
   * by the database (a serialization failure, a deadlock, a deferred constraint) did not happen; a
   * connection lost while COMMIT was in flight leaves the outcome unknown, and says so — unless the
   * transaction was read-only, which had nothing to apply: then it is a plain connection failure.
   */
  private DatabaseException failedCommit(Transaction transaction, DatabaseException failure) {
    DatabaseException reported =
        transaction.lostConnection(failure) && !transaction.readOnly()
            ? new CommitOutcomeUnknownException(failure)
            : failure;
    try {
      transaction.rollback();
    } catch (RuntimeException rollbackFailure) { // the connection is gone: nothing to roll back
      reported.addSuppressed(rollbackFailure);
    }
    ends.rolledBack();
    afterRollback(reported);
    return reported;
  }

  // ---- the end of a joined transaction, as its owner reports it (JoinedSession) -----------------

  boolean closed() {
    return closed;
  }

  /** The owner committed: objects as after {@link #commit()}'s COMMIT. */
  void ownerCommitted() {
    savepoints.clear();
    ends.committed(expireOnCommit);
    state.events().current().afterCommit(this);
  }

  /** The owner rolled back: objects as after {@link #rollback()}. */
  void ownerRolledBack(boolean statementsSent) {
    savepoints.clear();
    ends.rolledBack();
    if (statementsSent) {
      afterRollback(null);
    }
  }

  /**
   * An image of the objects for a savepoint the owner just set; the session must hold nothing
   * unflushed, or rolling back to it could not put memory and the database back alike.
   */
  Savepoint ownerSavepoint() {
    if (state.hasChanges()) {
      throw new SessionStateException(
          "external-transaction",
          "A savepoint was set in the joined transaction while the session holds "
              + state.changesSummary()
              + " not flushed: the owner must call Participant.flush() before setting it.");
    }
    return new Savepoint(state);
  }

  private void afterRollback(RuntimeException failure) {
    try {
      state.events().current().afterRollback(this);
    } catch (RuntimeException listener) {
      if (failure == null) {
        throw listener;
      }
      failure.addSuppressed(listener);
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
    InstanceState s = state.identity().get(model, key);
    return s == null ? null : s.owner();
  }

  @Override
  public void relationshipChanged(InstanceState owner) {
    if (!closed) {
      state.events().relationshipChanged(owner);
      state.changed().add(owner);
    }
  }

  @Override
  public void cascadeAdd(Object other) {
    if (!closed) {
      adds.addGraph(other);
    }
  }

  @Override
  public void expungeOrphan(Object orphan) {
    InstanceState s = InstanceState.of(orphan);
    if (state.holds(s) && s.status() == ObjectState.PENDING) {
      state.forget(s);
    }
  }

  @Override
  public String describe() {
    return "Session@" + Integer.toHexString(System.identityHashCode(this));
  }

  // ---- internals -------------------------------------------------------------------------------

  ModelMapping mappingOf(Object model) {
    if (!(model instanceof dev.tether.Model)) {
      throw new IllegalArgumentException(
          (model == null ? "null" : model.getClass().getName())
              + " is not a model (models extend dev.tether.Model).");
    }
    ModelMapping m = state.engine().metadata().model(model.getClass());
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
      throw new SessionStateException(
          "Cannot load "
              + rel.qualifiedName()
              + " of "
              + owner.describe()
              + ": the session is closed.");
    }
  }

  private static dev.tether.TetherException notMapped(Class<?> type) {
    return new dev.tether.TetherException(
        "not-mapped",
        type.getSimpleName()
            + " is not mapped by this database's registry; include it in Registry.of(...).");
  }
}
