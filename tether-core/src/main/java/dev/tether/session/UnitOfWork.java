package dev.tether.session;

import dev.tether.ObjectState;
import dev.tether.attribute.CollectionAttribute;
import dev.tether.attribute.InstanceState;
import dev.tether.attribute.ScalarAttribute;
import dev.tether.engine.Engine;
import dev.tether.mapping.Cascade;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.Direction;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import dev.tether.mapping.TableMapping;
import dev.tether.session.FlushState.Membership;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One flush: cascades, foreign keys copied from relationships, INSERTs in foreign-key order
 * (parents first; rows of a self-referencing table parent-first), UPDATEs of changed columns only,
 * DELETEs children first, and afterwards the in-memory graph brought in line with what was written
 * (deleted objects leave loaded collections; a foreign key written directly re-points its
 * relationship).
 */
final class UnitOfWork {
  private final SessionState session;
  private final AddCascade adds;
  private final FlushState state;
  private final boolean auto;
  private final Engine engine;
  private final AssociationWriter associations;
  private final PassiveDeletes passive;
  private final KeySync sync;
  private final Persistence persistence;
  private final Map<DependencyProcessor.Kind, DependencyProcessor> dependencies =
      new java.util.EnumMap<>(DependencyProcessor.Kind.class);
  private final RowEvents rows;
  private final Events events;

  /**
   * @param auto an autoflush (before a load), which leaves orphans for the next explicit flush: an
   *     object taken out of one collection may be on its way into another whose load triggered this
   *     flush (SQLAlchemy deletes it here, and the add that follows fails)
   */
  UnitOfWork(SessionState session, AddCascade adds, boolean auto) {
    this.adds = adds;
    this.session = session;
    this.auto = auto;
    // the rows to insert, give or take the cascades
    this.state = new FlushState(auto, session.pending().size());
    this.engine = session.engine();
    this.rows = session.events();
    this.events = rows.current();
    this.associations = new AssociationWriter(session);
    this.passive = new PassiveDeletes(session);
    this.sync = new KeySync(session, state);
    this.persistence = new Persistence(session, state, sync, passive);
    this.dependencies.put(
        DependencyProcessor.Kind.ONE_TO_MANY, new OneToManyDependency(state, sync));
    this.dependencies.put(
        DependencyProcessor.Kind.ONE_TO_ONE_PARENT, new OneToOneParentDependency(state, sync));
    this.dependencies.put(DependencyProcessor.Kind.MANY_TO_ONE, new ManyToOneDependency());
    this.dependencies.put(DependencyProcessor.Kind.MANY_TO_MANY, associations);
  }

  /**
   * The flush, between the session listeners' {@code beforeFlush} (whose changes it writes) and
   * {@code afterFlush}, which run only when there is something to write. While it writes rows,
   * {@link RowEvents} refuses what a hook must not do.
   */
  void run() {
    boolean announce = events.flushListeners() && session.hasChanges();
    rows.flushing(true);
    try {
      if (announce) {
        events.beforeFlush(rows.session());
      }
      rows.writing(true);
      write();
      rows.writing(false);
      if (announce) {
        events.afterFlush(rows.session());
      }
    } finally {
      rows.flushing(false);
    }
  }

  private void write() {
    cascadeSaves();
    state.toInsert().addAll(session.pending());
    session
        .deferredOrphans()
        .forEach(
            (m, links) ->
                state.removedBy().computeIfAbsent(m, k -> new ArrayList<>()).addAll(links));
    collectCollectionChanges();
    orphans();
    cascadeDeletes();
    settleDeferredOrphans();
    Map<ModelMapping, List<InstanceState>> persistent = updateCandidatesByModel();
    List<ModelMapping> order = modelsInDependencyOrder();
    releaseBeforeInserts(order);
    session.journal().expectInserts(state.toInsert().size());
    for (ModelMapping m : order) {
      persistence.insertRows(m);
    }
    resolvePostUpdates();
    for (ModelMapping m : order) {
      persistence.updateRows(m, persistent.getOrDefault(m, List.of()));
    }
    associations.write(state.toDelete());
    Set<InstanceState> stillToDelete = new LinkedHashSet<>(state.toDelete());
    stillToDelete.removeAll(state.deletedEarly());
    if (!stillToDelete.isEmpty()) {
      associations.deleteRowsOf(stillToDelete);
    }
    for (int i = order.size() - 1; i >= 0; i--) {
      deleteRows(order.get(i));
    }
    afterFlush();
  }

  // ---- cascades --------------------------------------------------------------------------------

  /**
   * What pending and changed objects reach through save-update relationships joins the session (it
   * mostly did when it was linked). Walks from a copy: what joins now is pending too, and walked as
   * it joins.
   */
  private void cascadeSaves() {
    List<InstanceState> roots =
        new ArrayList<>(session.pending().size() + session.changed().size());
    roots.addAll(session.pending());
    roots.addAll(session.changed());
    for (InstanceState s : roots) {
      if (s.session() == session.link()) {
        adds.addReached(s);
      }
    }
  }

  private void cascadeDeletes() {
    List<InstanceState> work = new ArrayList<>(session.deleted());
    // everything in work, for an O(1) membership test (deleting n parents was O(n^2) in a list)
    Set<InstanceState> queued = Collections.newSetFromMap(new IdentityHashMap<>(work.size() * 4));
    queued.addAll(work);
    for (int i = 0; i < work.size(); i++) {
      InstanceState d = work.get(i);
      state.toDelete().add(d);
      for (RelationshipMapping rel : d.mapping().relationships()) {
        if (rel.viewOnly() || rel.direction() == Direction.MANY_TO_ONE) {
          continue;
        }
        if (rel.passiveDeletes() && rel.direction() == Direction.ONE_TO_MANY) {
          // the database's ON DELETE rule does it (checked at Registry.of): load nothing
          boolean dbDeletes = rel.foreignKey().onDelete().equals("CASCADE");
          for (InstanceState m :
              passive.referring(
                  d, rel, KeySync.refOf(d, rel), state.addedBy(), state.removedBy())) {
            if (state.toDelete().contains(m) || queued.contains(m)) {
              continue;
            }
            if (dbDeletes) {
              passive.deletedByDatabase(m);
              session.deleted().add(m);
              work.add(m);
              queued.add(m);
            } else {
              passive.nulledByDatabase(m, rel.foreignKey());
            }
          }
          continue;
        }
        boolean deletes = rel.cascades(Cascade.DELETE);
        if (!deletes && (rel.passiveDeletes() || rel.direction() == Direction.MANY_TO_MANY)) {
          continue; // many-to-many rows are deleted by AssociationWriter
        }
        for (Object member : members(d, rel)) {
          InstanceState m = InstanceState.of(member);
          if (m.session() != session.link() || state.toDelete().contains(m) || queued.contains(m)) {
            continue;
          }
          if (deletes) {
            session.deleted().add(m);
            work.add(m);
            queued.add(m);
          } else if (Objects.equals(rel.foreignKey().get(member), KeySync.refOf(d, rel))) {
            if (!rel.foreignKey().nullable()) {
              throw FlushMessages.deleteWouldOrphanNotNull(d, m, rel);
            }
            state
                .orphanedBy()
                .computeIfAbsent(m, k -> new ArrayList<>())
                .add(new Membership(d, rel));
          }
        }
      }
    }
  }

  /** The members of a relationship, loading it if needed (no autoflush: we are flushing). */
  private static Object[] members(InstanceState s, RelationshipMapping rel) {
    Object c = s.container(rel);
    if (c instanceof CollectionAttribute<?> many) {
      return many.toArray();
    }
    Object v = ((ScalarAttribute<?>) c).get();
    return v == null ? new Object[0] : new Object[] {v};
  }

  // ---- what collections did to their members' foreign keys -------------------------------------

  private void collectCollectionChanges() {
    for (InstanceState owner : state.toInsert()) {
      collectCollectionChanges(owner, true);
    }
    for (InstanceState owner : session.changed()) {
      if (!state.toInsert().contains(owner)) {
        collectCollectionChanges(owner, false);
      }
    }
  }

  private void collectCollectionChanges(InstanceState owner, boolean isNew) {
    if (owner.session() != session.link()) {
      return;
    }
    boolean ownerDeleted = session.deleted().contains(owner);
    owner.forEachRelationship(
        (rel, container) -> {
          if (rel.viewOnly()) {
            return;
          }
          DependencyProcessor p = dependencies.get(DependencyProcessor.Kind.of(rel));
          if (ownerDeleted) {
            p.collectFromDeleted(owner, rel, container, isNew);
          } else {
            p.collect(owner, rel, container, isNew);
          }
        });
  }

  /**
   * Rows that give up a UNIQUE value which a row to be inserted takes are written first ({@link
   * UniqueOrder#releasedForInserts}): a persistent row that only loses its parent (its key goes to
   * NULL, no new parent waiting to be inserted) by its UPDATE, an orphan that nothing depends on by
   * its DELETE. A one-to-one's replacement child thus takes the old one's place under a UNIQUE key
   * in one flush; SQLAlchemy inserts first and fails. Every other row keeps the table-level order.
   */
  private void releaseBeforeInserts(List<ModelMapping> order) {
    List<InstanceState> holders = new ArrayList<>();
    for (InstanceState s : detaching()) {
      holders.add(s);
    }
    Set<InstanceState> orphans = new LinkedHashSet<>();
    for (InstanceState o : state.orphanDeletes()) {
      if (state.toDelete().contains(o)) {
        orphans.add(o);
        holders.add(o);
      }
    }
    Set<InstanceState> first =
        UniqueOrder.releasedForInserts(state.toInsert(), holders, this::valueOnInsert);
    Set<InstanceState> early = new LinkedHashSet<>();
    for (InstanceState s : first) {
      if (!orphans.contains(s)) {
        persistence.updateRows(s.mapping(), List.of(s));
      } else if (!hasDependents(s)) {
        early.add(s);
      }
    }
    if (early.isEmpty()) {
      return;
    }
    associations.deleteRowsOf(early);
    for (int i = order.size() - 1; i >= 0; i--) {
      persistence.deleteRows(order.get(i), early);
    }
    state.deletedEarly().addAll(early);
  }

  /**
   * Persistent rows that only lose a parent in this flush: a foreign key goes from a value to NULL,
   * and no new parent waits to be inserted. Their foreign keys are synced here.
   */
  private List<InstanceState> detaching() {
    Set<InstanceState> candidates = new LinkedHashSet<>(state.orphanedBy().keySet());
    candidates.addAll(state.removedBy().keySet());
    candidates.addAll(session.changed());
    List<InstanceState> out = new ArrayList<>();
    for (InstanceState s : candidates) {
      if (s.status() != ObjectState.PERSISTENT
          || s.session() != session.link()
          || session.deleted().contains(s)
          || state.deferredOrphans().containsKey(s)
          || state.addedBy().containsKey(s)
          || referencesPendingRow(s)) {
        continue;
      }
      Object[] snap = s.snapshot();
      sync.syncForeignKeys(s, false);
      for (ColumnMapping fk : Reconciliation.foreignKeysOf(s.mapping())) {
        if (snap != null && snap[fk.index()] != null && fk.get(s.owner()) == null) {
          out.add(s);
          break;
        }
      }
    }
    return out;
  }

  /**
   * The value a row to be inserted will have in {@code c}: its field, else the key of the parent a
   * many-to-one or a parent's collection gives it (copied in as the row is inserted).
   */
  private Object valueOnInsert(InstanceState s, ColumnMapping c) {
    Object v = c.get(s.owner());
    if (v != null) {
      return v;
    }
    for (RelationshipMapping rel : s.mapping().relationships()) {
      if (rel.direction() == Direction.MANY_TO_ONE
          && rel.foreignKey() == c
          && s.container(rel) instanceof ScalarAttribute<?> one
          && one.isLoaded()
          && one.peek() != null) {
        return rel.referencedColumn().get(one.peek());
      }
    }
    for (Membership l : state.addedBy().getOrDefault(s, List.of())) {
      if (l.rel().foreignKey() == c) {
        return KeySync.refOf(l.owner(), l.rel());
      }
    }
    return null;
  }

  private boolean referencesPendingRow(InstanceState s) {
    boolean[] pending = {false};
    s.forEachRelationship(
        (rel, c) -> {
          if (rel.direction() == Direction.MANY_TO_ONE
              && c instanceof ScalarAttribute<?> one
              && one.changed()
              && one.peek() != null) {
            pending[0] |= InstanceState.of(one.peek()).status() == ObjectState.PENDING;
          }
        });
    return pending[0];
  }

  // ---- orphans ---------------------------------------------------------------------------------

  /**
   * Children that no parent holds any more: the previous child of a one-to-one parent whose child
   * was replaced (found in the database when it was not loaded, as SQLAlchemy does), and members
   * removed from a collection. With delete-orphan they are deleted (a pending one is simply not
   * inserted); otherwise their foreign key is emptied.
   */
  private void orphans() {
    for (Membership l : state.replacedOneToOne()) {
      Object current = ((ScalarAttribute<?>) l.owner().container(l.rel())).peek();
      Object key = KeySync.refOf(l.owner(), l.rel());
      if (key == null) {
        continue;
      }
      for (Object previous :
          RowLoader.byColumn(session, l.rel().target(), l.rel().foreignKey(), key, List.of())) {
        if (previous != current) {
          FlushState.add(state.orphanedBy(), previous, l.owner(), l.rel());
        }
      }
    }
    List<Map.Entry<InstanceState, List<Membership>>> candidates =
        new ArrayList<>(state.removedBy().entrySet());
    candidates.addAll(state.orphanedBy().entrySet());
    for (Map.Entry<InstanceState, List<Membership>> e : candidates) {
      InstanceState m = e.getKey();
      for (Membership l : e.getValue()) {
        if (!l.rel().cascades(Cascade.DELETE_ORPHAN)
            || sync.readded(state.addedBy().getOrDefault(m, List.of()), l)
            || heldElsewhere(m, l)) {
          continue;
        }
        if (m.status() == ObjectState.PENDING) {
          state.toInsert().remove(m);
          session.link().expungeOrphan(m.owner());
        } else if (m.status() == ObjectState.PERSISTENT && m.session() == session.link()) {
          if (auto) {
            state.deferredOrphans().computeIfAbsent(m, k -> new ArrayList<>()).add(l);
          } else {
            session.deleted().add(m);
            state.orphanDeletes().add(m);
          }
        }
      }
    }
  }

  /**
   * An autoflush leaves a persistent orphan as it is — row, key and removal history — for the next
   * explicit flush, unless its former owner is deleted now (its row must go first or with it).
   */
  private void settleDeferredOrphans() {
    boolean deleteNow = false;
    for (Map.Entry<InstanceState, List<Membership>> e : state.deferredOrphans().entrySet()) {
      InstanceState m = e.getKey();
      boolean ownerDeleted = false;
      for (Membership l : e.getValue()) {
        ownerDeleted |= state.toDelete().contains(l.owner());
      }
      if (ownerDeleted) {
        session.deleted().add(m);
        state.orphanDeletes().add(m);
        deleteNow = true;
      } else {
        state.removedBy().remove(m);
        state.orphanedBy().remove(m);
      }
    }
    state.deferredOrphans().keySet().removeIf(session.deleted()::contains);
    if (deleteNow) {
      cascadeDeletes(); // the orphans' own children
    }
  }

  /** Whether the member's own reference (the reverse side) names a parent other than nobody. */
  private static boolean heldElsewhere(InstanceState m, Membership l) {
    RelationshipMapping back = l.rel().reverse();
    if (back == null || back.isCollection()) {
      return false;
    }
    Object parent = ((ScalarAttribute<?>) m.container(back)).peek();
    return parent != null && parent != l.owner().owner();
  }

  // ---- INSERT ----------------------------------------------------------------------------------

  private void resolvePostUpdates() {
    for (InstanceState s : state.postUpdate()) {
      sync.syncForeignKeys(s, true);
    }
  }

  // ---- UPDATE ----------------------------------------------------------------------------------

  // ---- DELETE ----------------------------------------------------------------------------------

  /** Whether a row still refers to {@code s}, or a row to be inserted will. */
  private boolean hasDependents(InstanceState s) {
    for (List<Membership> links : state.orphanedBy().values()) {
      for (Membership l : links) {
        if (l.owner() == s) {
          return true;
        }
      }
    }
    for (InstanceState t : state.toDelete()) {
      if (t != s && sameTableTargetsOrParents(t).contains(s)) {
        return true;
      }
    }
    for (InstanceState t : state.toInsert()) {
      if (sameTableTargetsOrParents(t).contains(s)) {
        return true;
      }
    }
    return false;
  }

  /** The objects {@code s}'s many-to-one references point at, as far as memory knows. */
  private static List<InstanceState> sameTableTargetsOrParents(InstanceState s) {
    List<InstanceState> out = new ArrayList<>();
    s.forEachRelationship(
        (rel, c) -> {
          if (rel.direction() == Direction.MANY_TO_ONE
              && c instanceof ScalarAttribute<?> one
              && one.isLoaded()
              && one.peek() != null) {
            out.add(InstanceState.of(one.peek()));
          }
        });
    return out;
  }

  private void deleteRows(ModelMapping m) {
    Set<InstanceState> rest = new LinkedHashSet<>(state.toDelete());
    rest.removeAll(state.deletedEarly());
    persistence.deleteRows(m, rest);
  }

  // ---- afterwards: memory agrees with the database ---------------------------------------------

  private void afterFlush() {
    new Reconciliation(session, state.toDelete()).run(state.inserted(), state.before());
    passive.afterFlush();
    if (!state.before().isEmpty()) {
      new KeyCascades(session).afterUpdates(state.before());
    }
    List<InstanceState> touched = new ArrayList<>(session.changed());
    touched.addAll(state.inserted());
    touched.addAll(state.before().keySet());
    touched.addAll(state.toDelete());
    touched.removeAll(state.deferredOrphans().keySet()); // their changes wait for the next flush
    for (InstanceState s : touched) {
      if (!s.isBound()) {
        continue; // no container, so no history to move into the journal
      }
      s.forEachRelationship(
          (rel, c) -> {
            if (c instanceof CollectionAttribute<?> many && !rel.viewOnly()) {
              session
                  .journal()
                  .flushedHistory(many, many.addedSinceFlush(), many.removedSinceFlush());
            }
          });
      s.relationshipsFlushed();
    }
    session.pending().clear();
    session.deleted().clear();
    session.changed().clear();
    session.changed().addAll(state.deferredOrphans().keySet());
    session.deferredOrphans().clear();
    session.deferredOrphans().putAll(state.deferredOrphans());
  }

  // ---- ordering
  // ----------------------------------------------------------------------------------

  private List<ModelMapping> modelsInDependencyOrder() {
    Map<TableMapping, ModelMapping> byTable = new HashMap<>();
    for (ModelMapping m : engine.metadata().models()) {
      byTable.put(m.table(), m);
    }
    List<ModelMapping> out = new ArrayList<>();
    for (TableMapping t : engine.metadata().tablesInDependencyOrder()) {
      ModelMapping m = byTable.get(t);
      if (m != null) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * The persistent objects that may need an UPDATE: those whose relationships changed (their keys
   * are synced first) and those whose column fields differ from the snapshot. A clean object costs
   * one pass over its fields with no allocation, so a flush of many clean objects stays cheap.
   */
  private Map<ModelMapping, List<InstanceState>> updateCandidatesByModel() {
    Map<ModelMapping, List<InstanceState>> out = new IdentityHashMap<>();
    for (ModelMapping m : session.identity().models()) {
      for (InstanceState s : session.identity().of(m)) {
        if (s.status() == ObjectState.PERSISTENT
            && (!session.columnsUnchanged(s)
                || session.changed().contains(s)
                || state.addedBy().containsKey(s)
                || state.removedBy().containsKey(s)
                || state.orphanedBy().containsKey(s))) {
          out.computeIfAbsent(m, k -> new ArrayList<>()).add(s);
        }
      }
    }
    return out;
  }
}
