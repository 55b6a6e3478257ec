package dev.tether.session;

import dev.tether.ObjectState;
import dev.tether.attribute.InstanceState;
import dev.tether.attribute.ScalarAttribute;
import dev.tether.engine.Engine;
import dev.tether.mapping.ColumnFill;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ColumnType;
import dev.tether.mapping.Direction;
import dev.tether.mapping.LifecycleEvent;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import dev.tether.session.FlushState.Membership;
import dev.tether.sql.Executor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows to SQL, batched (SQLAlchemy's {@code persistence.py}): the INSERTs of one model (multi-row,
 * parents first in a self-referencing table, keys generated the model's way), the UPDATEs of
 * changed columns grouped by the set of columns, the DELETEs children first; each UPDATE and DELETE
 * checked against its row count. Foreign keys are copied by {@link KeySync} just before a row is
 * written.
 */
final class Persistence {
  private final SessionState session;
  private final FlushState state;
  private final Engine engine;
  private final Executor executor;
  private final KeySync sync;
  private final PassiveDeletes passive;
  private final Versioning versioning;
  private final FetchedColumns fetched;
  private final Events events;
  private final RowEvents rowEvents;

  /**
   * the rows to insert ({@link FlushState#toInsert}) by model, made by the first {@link
   * #insertRows} (it no longer changes).
   */
  private Map<ModelMapping, List<InstanceState>> toInsertByModel;

  Persistence(SessionState session, FlushState state, KeySync sync, PassiveDeletes passive) {
    this.session = session;
    this.state = state;
    this.engine = session.engine();
    this.executor = engine.executor();
    this.sync = sync;
    this.passive = passive;
    this.versioning = new Versioning(session);
    this.fetched =
        new FetchedColumns(executor, engine.statements(), session::connection, session.journal());
    this.rowEvents = session.events();
    this.events = rowEvents.current();
  }

  void insertRows(ModelMapping m) {
    if (toInsertByModel == null) { // one pass over the rows for every model
      toInsertByModel = new IdentityHashMap<>();
      for (InstanceState s : state.toInsert()) {
        toInsertByModel.computeIfAbsent(s.mapping(), k -> new ArrayList<>()).add(s);
      }
    }
    List<InstanceState> rows = new ArrayList<>(toInsertByModel.getOrDefault(m, List.of()));
    if (!state.inserted().isEmpty()) {
      rows.removeIf(state.inserted()::contains);
    }
    if (rows.isEmpty()) {
      return;
    }
    if (!selfReferencing(m)) { // no row can reference another row of this batch
      for (InstanceState s : rows) {
        sync.syncForeignKeys(s, true);
      }
      insertBatch(m, rows);
      return;
    }
    List<InstanceState> batch = new ArrayList<>();
    Set<InstanceState> inBatch = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (InstanceState s : parentsFirst(m, rows)) {
      for (InstanceState dep : sameTableTargets(s)) {
        if (inBatch.contains(dep)) {
          insertBatch(m, batch);
          batch.clear();
          inBatch.clear();
          break;
        }
      }
      sync.syncForeignKeys(s, true);
      batch.add(s);
      inBatch.add(s);
    }
    insertBatch(m, batch);
  }

  /** Pending rows of the same table that {@code s} references (self-referential tables). */
  private List<InstanceState> sameTableTargets(InstanceState s) {
    List<InstanceState> out = new ArrayList<>();
    s.forEachRelationship(
        (rel, c) -> {
          if (rel.direction() == Direction.MANY_TO_ONE
              && rel.target() == s.mapping()
              && c instanceof ScalarAttribute<?> one
              && one.isLoaded()
              && one.peek() != null) {
            InstanceState t = InstanceState.of(one.peek());
            if (state.toInsert().contains(t) && t != s) {
              out.add(t);
            }
          }
        });
    for (Membership l : state.addedBy().getOrDefault(s, List.of())) {
      if (l.owner().mapping() == s.mapping()
          && state.toInsert().contains(l.owner())
          && l.owner() != s) {
        out.add(l.owner());
      }
    }
    return out;
  }

  /** Whether a relationship of {@code m} targets {@code m} (a tree or graph in one table). */
  private static boolean selfReferencing(ModelMapping m) {
    for (RelationshipMapping r : m.relationships()) {
      if (r.target() == m) {
        return true;
      }
    }
    return false;
  }

  /**
   * Orders rows of one table by their depth in the table's own tree (roots first), so that each
   * level is one multi-row INSERT and deletes can go leaves first. Iterative: a long chain does not
   * exhaust the stack. A row cycle keeps arbitrary order; keyFor() breaks it.
   */
  private List<InstanceState> parentsFirst(ModelMapping m, List<InstanceState> rows) {
    if (!selfReferencing(m)) {
      return rows;
    }
    Set<InstanceState> members = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    members.addAll(rows);
    Map<InstanceState, Integer> depth = new IdentityHashMap<>();
    Set<InstanceState> visiting = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    java.util.Deque<InstanceState> stack = new java.util.ArrayDeque<>();
    for (InstanceState root : rows) {
      stack.push(root);
      while (!stack.isEmpty()) {
        InstanceState x = stack.peek();
        if (depth.containsKey(x)) {
          stack.pop();
        } else if (visiting.add(x)) {
          for (InstanceState t : sameTableTargets(x)) {
            if (members.contains(t) && !depth.containsKey(t) && !visiting.contains(t)) {
              stack.push(t);
            }
          }
        } else {
          int d = 0;
          for (InstanceState t : sameTableTargets(x)) {
            Integer td = depth.get(t);
            if (members.contains(t) && td != null) {
              d = Math.max(d, td + 1);
            }
          }
          depth.put(x, d);
          stack.pop();
        }
      }
    }
    List<InstanceState> out = new ArrayList<>(rows);
    out.sort(java.util.Comparator.comparingInt(depth::get));
    return out;
  }

  private void insertBatch(ModelMapping m, List<InstanceState> batch) {
    if (batch.isEmpty()) {
      return;
    }
    // before the key and the values are read: a hook may set them
    ModelEvents ev = events.of(m);
    rowEvents.fire(ev, LifecycleEvent.BEFORE_INSERT, batch);
    ColumnMapping id = m.id(); // null for a composite key, which is never generated
    List<InstanceState> generated = new ArrayList<>();
    List<InstanceState> given = new ArrayList<>();
    for (InstanceState s : batch) {
      Versioning.stamp(s);
      if (id != null && id.generated() && id.get(s.owner()) == null) {
        generated.add(s);
      } else if (Keys.of(m, s.owner()) == null) {
        ColumnMapping missing =
            m.keyColumns().stream().filter(c -> c.get(s.owner()) == null).findFirst().orElseThrow();
        throw FlushMessages.noKey(s, m, id, missing);
      } else {
        given.add(s);
      }
    }
    try {
      if (m.filled() != null) { // the database fills some columns: their values come back too
        fetched.insert(m, generated, given);
      } else {
        if (!generated.isEmpty()) {
          insertGenerated(m, generated);
        }
        insertChunks(m, given, m.columns(), null);
      }
    } catch (RuntimeException e) {
      // a later chunk failed: the transaction rolls back, so the keys the earlier chunks returned
      // name no row; these objects are not journaled yet, so take the keys back here
      for (InstanceState s : generated) {
        id.set(s.owner(), null);
      }
      throw e;
    }
    int nextGenerated = 0; // generated keeps batch order: a walk tells membership in O(1)
    for (InstanceState s : batch) {
      boolean keyGenerated = nextGenerated < generated.size() && generated.get(nextGenerated) == s;
      if (keyGenerated) {
        nextGenerated++;
      }
      Object key = Keys.of(m, s.owner());
      InstanceState clash = session.identity().putIfAbsent(m, key, s);
      if (clash != null && clash != s) {
        throw FlushMessages.duplicateKey(s, clash);
      }
      s.key(key);
      s.status(ObjectState.PERSISTENT);
      s.takeSnapshot();
      session.journal().inserted(s, keyGenerated);
      state.inserted().add(s);
    }
    rowEvents.fire(ev, LifecycleEvent.AFTER_INSERT, batch);
  }

  /** Inserts rows whose key the database generates, the model's way ({@link GeneratedKeys}). */
  private void insertGenerated(ModelMapping m, List<InstanceState> rows) {
    List<ColumnMapping> withoutKey = new ArrayList<>(m.columns());
    withoutKey.remove(m.id());
    switch (GeneratedKeys.of(m, engine.dialect())) {
      case RETURNING -> insertChunks(m, rows, withoutKey, m.id());
      case SEQUENCE -> {
        new GeneratedKeys(executor, session.connection()).drawFromSequence(m, rows);
        insertChunks(m, rows, m.columns(), null);
      }
      case LAST_KEY ->
          new GeneratedKeys(executor, session.connection())
              .insertEach(m, rows, engine.statements().insert(m, withoutKey, 1, null), withoutKey);
    }
  }

  private void insertChunks(
      ModelMapping m, List<InstanceState> rows, List<ColumnMapping> cols, ColumnMapping returning) {
    if (rows.isEmpty()) {
      return;
    }
    int perRow = Math.max(1, cols.size());
    int chunk =
        Math.max(
            1,
            Math.min(
                engine.dialect().insertRowsPerStatement(),
                engine.dialect().maxParameters() / perRow));
    if (cols.isEmpty()) {
      chunk = 1;
    }
    int full = rows.size() / chunk * chunk; // the full chunks share one statement, then the rest
    insertChunks(m, rows.subList(0, full), chunk, cols, returning);
    insertChunks(m, rows.subList(full, rows.size()), rows.size() - full, cols, returning);
  }

  /** Inserts {@code rows}, {@code chunk} per statement ({@code rows} a multiple of it). */
  private void insertChunks(
      ModelMapping m,
      List<InstanceState> rows,
      int chunk,
      List<ColumnMapping> cols,
      ColumnMapping returning) {
    if (rows.isEmpty()) {
      return;
    }
    ColumnType[] types = InsertChunks.types(cols, chunk);
    List<Object[]> paramSets = InsertChunks.params(rows, chunk, cols);
    String sql = engine.statements().insert(m, cols, chunk, returning);
    if (returning == null) {
      executor.updateEach(session.connection(), sql, types, paramSets);
      return;
    }
    List<List<Object>> keys =
        executor.insertReturningEach(session.connection(), sql, types, paramSets, returning);
    for (int p = 0; p < keys.size(); p++) {
      List<Object> part = keys.get(p);
      if (part.size() != chunk) {
        throw FlushMessages.keysMissing(part.size(), chunk);
      }
      for (int k = 0; k < chunk; k++) {
        returning.set(rows.get(p * chunk + k).owner(), part.get(k));
      }
    }
  }

  void updateRows(ModelMapping m, List<InstanceState> states) {
    List<InstanceState> candidates = new ArrayList<>(states);
    for (InstanceState s : state.postUpdate()) {
      if (s.mapping() == m) {
        candidates.add(s);
      }
    }
    Map<List<ColumnMapping>, List<InstanceState>> bySet = new LinkedHashMap<>();
    List<List<ColumnMapping>> uniqueKeys = UniqueOrder.uniqueKeys(m);
    // each row's changed columns, kept only where UNIQUE keys may order the rows
    Map<InstanceState, List<ColumnMapping>> dirtyOf =
        uniqueKeys.isEmpty() ? null : new LinkedHashMap<>();
    ModelEvents ev = events.of(m);
    boolean beforeUpdate = ev != null && ev.has(LifecycleEvent.BEFORE_UPDATE);
    List<InstanceState> updated = ev != null ? new ArrayList<>() : null;
    for (InstanceState s : candidates) {
      if (state.toDelete().contains(s)
          || state.deferredOrphans().containsKey(s)
          || (state.inserted().contains(s) && !state.postUpdate().contains(s))) {
        continue;
      }
      if (session.changed().contains(s)
          || state.addedBy().containsKey(s)
          || state.removedBy().containsKey(s)
          || state.orphanedBy().containsKey(s)) {
        sync.syncForeignKeys(s, false);
      }
      List<ColumnMapping> dirty = dirtyColumns(s);
      if (updated != null && !dirty.isEmpty() && !state.inserted().contains(s)) {
        if (beforeUpdate) { // a column it sets joins the same UPDATE
          rowEvents.fire(ev, LifecycleEvent.BEFORE_UPDATE, s);
          dirty = dirtyColumns(s);
        }
        if (!dirty.isEmpty()) {
          updated.add(s);
        }
      }
      if (!dirty.isEmpty()) {
        bySet.computeIfAbsent(dirty, k -> new ArrayList<>()).add(s);
        if (dirtyOf != null) {
          dirtyOf.put(s, dirty);
        }
      }
    }
    UniqueOrder order = dirtyOf == null ? UniqueOrder.NONE : UniqueOrder.of(uniqueKeys, dirtyOf);
    release(m, order.releases());
    if (order.sequence() != null) { // one row at a time, holders of UNIQUE values first
      for (InstanceState s : order.sequence()) {
        updateGroup(m, dirtyOf.get(s), List.of(s));
      }
    } else {
      for (Map.Entry<List<ColumnMapping>, List<InstanceState>> e : bySet.entrySet()) {
        updateGroup(m, e.getKey(), e.getValue());
      }
    }
    if (updated != null) {
      rowEvents.fire(ev, LifecycleEvent.AFTER_UPDATE, updated);
    }
  }

  /**
   * Sets each holder's UNIQUE key column to NULL, so that the UPDATEs that follow can give its
   * value to another row ({@link UniqueOrder}).
   */
  private void release(ModelMapping m, List<UniqueOrder.Release> releases) {
    for (UniqueOrder.Release r : releases) {
      InstanceState s = r.row();
      state.before().putIfAbsent(s, s.snapshot());
      session.journal().updating(s);
      ColumnType[] keyTypes = Keys.types(m);
      ColumnType[] types = new ColumnType[1 + keyTypes.length];
      types[0] = r.column().type();
      System.arraycopy(keyTypes, 0, types, 1, keyTypes.length);
      Object[] row = new Object[types.length];
      Object[] key = Keys.values(m, s.key());
      System.arraycopy(key, 0, row, 1, key.length);
      String sql = engine.statements().updateColumnsByKey(m, List.of(r.column()));
      int[] counts = executor.batch(session.connection(), sql, types, List.<Object[]>of(row));
      RowCounts.expectOneEach(counts, m, List.of(s), "update", sql);
    }
  }

  /** One UPDATE statement (a batch) of {@code rows}, which all changed {@code cols}. */
  private void updateGroup(ModelMapping m, List<ColumnMapping> cols, List<InstanceState> rows) {
    {
      ColumnType[] keyTypes = Keys.types(m);
      ColumnType[] types = new ColumnType[cols.size() + keyTypes.length];
      for (int i = 0; i < cols.size(); i++) {
        types[i] = cols.get(i).type();
      }
      System.arraycopy(keyTypes, 0, types, cols.size(), keyTypes.length);
      List<Object[]> params = new ArrayList<>();
      for (InstanceState s : rows) {
        Object[] row = new Object[types.length];
        for (int i = 0; i < cols.size(); i++) {
          row[i] = cols.get(i).get(s.owner());
        }
        Object[] key = Keys.values(m, s.key());
        System.arraycopy(key, 0, row, cols.size(), key.length);
        params.add(row);
        state
            .before()
            .putIfAbsent(s, s.snapshot()); // the first UPDATE of this flush knows the old key
        session.journal().updating(s);
      }
      boolean fetch = m.filled() != null && !m.filled().updatedByDatabase().isEmpty();
      if (fetch && fetched.updateReturns(m, rows)) {
        fetched.updateReturning(m, cols, rows.get(0), types, params.get(0));
      } else {
        if (m.version() != null) {
          versioning.update(m, cols, rows);
        } else {
          String sql = engine.statements().update(m, cols);
          int[] counts = executor.batch(session.connection(), sql, types, params);
          RowCounts.expectOneEach(counts, m, rows, "update", sql);
        }
        if (fetch) { // the values the database wrote during the UPDATE
          fetched.afterUpdate(m, rows);
        }
      }
      for (InstanceState s : rows) {
        s.takeSnapshot();
      }
    }
  }

  /**
   * {@code s}'s changed columns; a changed primary key is refused, and so is a change to a column
   * only the database writes.
   */
  private static List<ColumnMapping> dirtyColumns(InstanceState s) {
    List<ColumnMapping> dirty = s.changedColumns();
    for (ColumnMapping c : dirty) {
      if (c.primaryKey()) {
        Object[] snap = s.snapshot();
        throw FlushMessages.primaryKeyChanged(
            s, snap == null ? null : snap[c.index()], c.get(s.owner()));
      }
      if (c.fill() == ColumnFill.DATABASE_ALWAYS) {
        Object[] snap = s.snapshot();
        throw FlushMessages.databaseColumnWritten(
            s, c, false, snap == null ? null : snap[c.index()], c.get(s.owner()));
      }
    }
    return dirty;
  }

  void deleteRows(ModelMapping m, Set<InstanceState> from) {
    List<InstanceState> rows = new ArrayList<>();
    for (InstanceState s : from) {
      if (s.mapping() == m) {
        rows.add(s);
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    List<InstanceState> ordered = parentsFirst(m, rows);
    java.util.Collections.reverse(ordered);
    List<InstanceState> sent = new ArrayList<>(ordered);
    sent.removeIf(passive::isDeletedByDatabase); // their parents' DELETE removes them
    ModelEvents ev = events.of(m);
    rowEvents.fire(ev, LifecycleEvent.BEFORE_DELETE, sent);
    if (!sent.isEmpty() && m.version() != null) {
      versioning.delete(m, sent);
    } else if (!sent.isEmpty()) {
      List<Object[]> params = new ArrayList<>();
      for (InstanceState s : sent) {
        params.add(Keys.values(m, s.key()));
      }
      String sql = engine.statements().delete(m);
      int[] counts = executor.batch(session.connection(), sql, Keys.types(m), params);
      RowCounts.expectOneEach(counts, m, ordered, "delete", sql);
    }
    for (InstanceState s : ordered) {
      session.identity().remove(m, s.key(), s);
      s.status(ObjectState.DELETED);
      session.journal().deleted().add(s);
    }
    rowEvents.fire(ev, LifecycleEvent.AFTER_DELETE, sent);
  }
}
