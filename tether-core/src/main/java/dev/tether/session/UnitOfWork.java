package dev.tether.session;

import dev.tether.FlushException;
import dev.tether.attribute.CollectionAttribute;
import dev.tether.attribute.InstanceState;
import dev.tether.attribute.InstanceStatus;
import dev.tether.attribute.ScalarAttribute;
import dev.tether.mapping.Cascade;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ColumnType;
import dev.tether.mapping.Direction;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import dev.tether.mapping.TableMapping;
import dev.tether.sql.Executor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
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
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger("dev.tether.session");

  /** An owner's relationship that changed a member's foreign key. */
  record Link(InstanceState owner, RelationshipMapping rel) {}

  private final SessionImpl session;
  private final boolean auto;
  private final Map<InstanceState, List<Link>> deferredOrphans = new IdentityHashMap<>();
  private final Engine engine;
  private final Executor executor;
  private final Map<InstanceState, List<Link>> addedBy;
  private final Map<InstanceState, List<Link>> removedBy = new IdentityHashMap<>();
  private final Map<InstanceState, List<Link>> orphanedBy = new IdentityHashMap<>();
  private final List<Link> replacedOneToOne = new ArrayList<>();
  private final Set<InstanceState> orphanDeletes = new LinkedHashSet<>();
  private final Set<InstanceState> deletedEarly = new LinkedHashSet<>();
  private final Set<InstanceState> toInsert;
  private final Set<InstanceState> toDelete = new LinkedHashSet<>();
  private final Set<InstanceState> inserted;
  private final Set<InstanceState> postUpdate = new LinkedHashSet<>();
  private final Map<InstanceState, Object[]> before = new IdentityHashMap<>();
  private final Map<ModelMapping, TableMapping> tables = new IdentityHashMap<>();
  private final AssociationWriter associations;
  private final PassiveDeletes passive;

  /** {@link #toInsert} by model, made by the first {@link #insertRows} (it no longer changes). */
  private Map<ModelMapping, List<InstanceState>> toInsertByModel;

  private final Versioning versioning;

  /**
   * @param auto an autoflush (before a load), which leaves orphans for the next explicit flush: an
   *     object taken out of one collection may be on its way into another whose load triggered this
   *     flush (SQLAlchemy deletes it here, and the add that follows fails)
   */
  UnitOfWork(SessionImpl session, boolean auto) {
    this.session = session;
    this.auto = auto;
    this.engine = session.engine;
    this.executor = engine.executor();
    this.associations = new AssociationWriter(session);
    this.passive = new PassiveDeletes(session);
    this.versioning = new Versioning(session);
    int expected = session.pending.size(); // the rows to insert, give or take the cascades
    this.toInsert = new LinkedHashSet<>(capacity(expected));
    this.inserted = new LinkedHashSet<>(capacity(expected));
    this.addedBy = new IdentityHashMap<>(expected);
  }

  /** A hash capacity that holds {@code n} entries without resizing. */
  static int capacity(int n) {
    return n < 12 ? 16 : (int) (n / 0.75f) + 1;
  }

  void run() {
    cascadeSaves();
    toInsert.addAll(session.pending);
    session.deferredOrphans.forEach(
        (m, links) -> removedBy.computeIfAbsent(m, k -> new ArrayList<>()).addAll(links));
    collectCollectionChanges();
    orphans();
    cascadeDeletes();
    settleDeferredOrphans();
    Map<ModelMapping, List<InstanceState>> persistent = updateCandidatesByModel();
    List<ModelMapping> order = modelsInDependencyOrder();
    detachBeforeInserts();
    deleteOrphansBeforeInserts(order);
    session.journal.expectInserts(toInsert.size());
    for (ModelMapping m : order) {
      insertRows(m);
    }
    resolvePostUpdates();
    for (ModelMapping m : order) {
      updateRows(m, persistent.getOrDefault(m, List.of()));
    }
    associations.write(toDelete);
    Set<InstanceState> stillToDelete = new LinkedHashSet<>(toDelete);
    stillToDelete.removeAll(deletedEarly);
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
    List<InstanceState> roots = new ArrayList<>(session.pending.size() + session.changed.size());
    roots.addAll(session.pending);
    roots.addAll(session.changed);
    for (InstanceState s : roots) {
      if (s.session() == session) {
        session.cascadeAddReached(s);
      }
    }
  }

  private void cascadeDeletes() {
    List<InstanceState> work = new ArrayList<>(session.deleted);
    // everything in work, for an O(1) membership test (deleting n parents was O(n^2) in a list)
    Set<InstanceState> queued = Collections.newSetFromMap(new IdentityHashMap<>(work.size() * 4));
    queued.addAll(work);
    for (int i = 0; i < work.size(); i++) {
      InstanceState d = work.get(i);
      toDelete.add(d);
      for (RelationshipMapping rel : d.mapping().relationships()) {
        if (rel.viewOnly() || rel.direction() == Direction.MANY_TO_ONE) {
          continue;
        }
        if (rel.passiveDeletes() && rel.direction() == Direction.ONE_TO_MANY) {
          // the database's ON DELETE rule does it (checked at Registry.of): load nothing
          boolean dbDeletes = rel.foreignKey().onDelete().equals("CASCADE");
          for (InstanceState m : passive.referring(d, rel, refOf(d, rel), addedBy, removedBy)) {
            if (toDelete.contains(m) || queued.contains(m)) {
              continue;
            }
            if (dbDeletes) {
              passive.deletedByDatabase(m);
              session.deleted.add(m);
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
          if (m.session() != session || toDelete.contains(m) || queued.contains(m)) {
            continue;
          }
          if (deletes) {
            session.deleted.add(m);
            work.add(m);
            queued.add(m);
          } else if (Objects.equals(rel.foreignKey().get(member), refOf(d, rel))) {
            if (!rel.foreignKey().nullable()) {
              throw new FlushException(
                  "delete-orphan-not-null",
                  "Cannot delete "
                      + d.describe()
                      + ": "
                      + m.describe()
                      + " still refers to it through "
                      + rel.foreignKey()
                      + ", which is NOT NULL, and "
                      + rel.qualifiedName()
                      + " does not cascade delete. Delete or move the "
                      + rel.target().name()
                      + " objects first, or declare @Relationship(cascade = \"all, delete-orphan\")"
                      + " on "
                      + rel.qualifiedName()
                      + ".");
            }
            orphanedBy.computeIfAbsent(m, k -> new ArrayList<>()).add(new Link(d, rel));
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
    for (InstanceState owner : toInsert) {
      collectCollectionChanges(owner, true);
    }
    for (InstanceState owner : session.changed) {
      if (!toInsert.contains(owner)) {
        collectCollectionChanges(owner, false);
      }
    }
  }

  private void collectCollectionChanges(InstanceState owner, boolean isNew) {
    if (owner.session() != session) {
      return;
    }
    boolean ownerDeleted = session.deleted.contains(owner);
    owner.forEachRelationship(
        (rel, container) -> {
          if (rel.viewOnly()) {
            return;
          }
          if (ownerDeleted) {
            // only what left the doomed owner matters: a delete-orphan member removed from it
            // is an orphan too (it is no longer among the members its delete cascades to)
            if (rel.direction() == Direction.ONE_TO_MANY
                && container instanceof CollectionAttribute<?> many) {
              for (Object m : many.removedSinceFlush()) {
                link(removedBy, m, owner, rel);
              }
            } else if (rel.direction() == Direction.ONE_TO_MANY
                && container instanceof ScalarAttribute<?> one
                && one.changed()
                && !isNew) {
              replacedOneToOne.add(new Link(owner, rel));
            }
            return;
          }
          if (rel.direction() == Direction.MANY_TO_MANY) {
            associations.collect(owner, rel, (CollectionAttribute<?>) container, isNew);
            return;
          }
          if (rel.direction() != Direction.ONE_TO_MANY) {
            return;
          }
          if (container instanceof CollectionAttribute<?> many) {
            for (Object m : isNew ? many.membersIfLoaded() : many.addedSinceFlush()) {
              requireInSession(InstanceState.of(m), owner, rel);
              link(addedBy, m, owner, rel);
            }
            if (!isNew) {
              for (Object m : many.removedSinceFlush()) {
                link(removedBy, m, owner, rel);
              }
            }
          } else if (container instanceof ScalarAttribute<?> one) {
            if ((one.changed() || isNew) && one.isLoaded() && one.peek() != null) {
              requireInSession(InstanceState.of(one.peek()), owner, rel);
              link(addedBy, one.peek(), owner, rel);
            }
            if (one.changed() && !isNew) {
              replacedOneToOne.add(new Link(owner, rel));
            }
          }
        });
  }

  private static void link(
      Map<InstanceState, List<Link>> map,
      Object member,
      InstanceState owner,
      RelationshipMapping rel) {
    map.computeIfAbsent(InstanceState.of(member), k -> new ArrayList<>()).add(new Link(owner, rel));
  }

  private void requireInSession(InstanceState target, InstanceState from, RelationshipMapping rel) {
    if (target.session() == session && target.status() != InstanceStatus.TRANSIENT) {
      return;
    }
    throw new dev.tether.SessionStateException(
        from.describe()
            + " refers to "
            + target.describe()
            + " through "
            + rel.qualifiedName()
            + ", but that object is not in this session ("
            + rel.qualifiedName()
            + " does not cascade save-update). Add it with session.add(...) before flushing, or"
            + " keep the default cascade. Tether never drops it silently.");
  }

  /**
   * Copies foreign-key values from relationships into {@code s}'s fields: first its own many-to-one
   * references, then collections that gained or lost it (the collection side wins, as in
   * SQLAlchemy).
   */
  private void syncForeignKeys(InstanceState s, boolean isNew) {
    Object owner = s.owner();
    s.forEachRelationship(
        (rel, container) -> {
          if (rel.viewOnly()
              || rel.direction() != Direction.MANY_TO_ONE
              || !(container instanceof ScalarAttribute<?> one)) {
            return;
          }
          boolean apply = one.changed() || (isNew && one.isLoaded() && one.peek() != null);
          if (apply) {
            Object target = one.peek();
            if (target != null && toDelete.contains(InstanceState.of(target))) {
              target = null; // its parent is deleted in this flush: it is left without one
            }
            if (target != null) {
              requireInSession(InstanceState.of(target), s, rel);
            } else if (!isNew && rel.foreignKey().get(owner) != null) {
              refuseEmptyKey(s, rel);
            }
            rel.foreignKey().set(owner, keyFor(s, rel, target));
          }
        });
    List<Link> added = addedBy.getOrDefault(s, List.of());
    for (Link l : orphanedBy.getOrDefault(s, List.of())) {
      if (!readded(added, l)
          && Objects.equals(l.rel.foreignKey().get(owner), refOf(l.owner, l.rel))) {
        detachFrom(s, l);
      }
    }
    for (Link l : removedBy.getOrDefault(s, List.of())) {
      if (!readded(added, l)
          && Objects.equals(l.rel.foreignKey().get(owner), refOf(l.owner, l.rel))) {
        detachFrom(s, l);
      }
    }
    for (Link l : added) {
      if (toDelete.contains(l.owner)) {
        if (Objects.equals(l.rel.foreignKey().get(owner), refOf(l.owner, l.rel))) {
          detachFrom(s, l); // linked to a parent deleted in this flush
        }
      } else {
        l.rel.foreignKey().set(owner, keyFor(s, l.rel, l.owner.owner()));
      }
    }
  }

  /**
   * Rows that only lose a parent (a key going to NULL, no new parent waiting to be inserted) are
   * updated before any insert: a new one-to-one child may take the old one's place under a UNIQUE
   * key (S32 orders it the same way).
   */
  private void detachBeforeInserts() {
    Set<InstanceState> candidates = new LinkedHashSet<>(orphanedBy.keySet());
    candidates.addAll(removedBy.keySet());
    candidates.addAll(session.changed);
    for (InstanceState s : candidates) {
      if (s.status() != InstanceStatus.PERSISTENT
          || s.session() != session
          || session.deleted.contains(s)
          || deferredOrphans.containsKey(s)
          || addedBy.containsKey(s)
          || referencesPendingRow(s)) {
        continue;
      }
      Object[] snap = s.snapshot();
      syncForeignKeys(s, false);
      boolean detaches = false;
      for (ColumnMapping fk : Reconciliation.foreignKeysOf(s.mapping())) {
        detaches |= snap != null && snap[fk.index()] != null && fk.get(s.owner()) == null;
      }
      if (detaches) {
        updateRows(s.mapping(), List.of(s));
      }
    }
  }

  private boolean referencesPendingRow(InstanceState s) {
    boolean[] pending = {false};
    s.forEachRelationship(
        (rel, c) -> {
          if (rel.direction() == Direction.MANY_TO_ONE
              && c instanceof ScalarAttribute<?> one
              && one.changed()
              && one.peek() != null) {
            pending[0] |= InstanceState.of(one.peek()).status() == InstanceStatus.PENDING;
          }
        });
    return pending[0];
  }

  /** A many-to-one set to null on a row whose key cannot be empty: refuse with the fix. */
  private static void refuseEmptyKey(InstanceState s, RelationshipMapping rel) {
    ColumnMapping fk = rel.foreignKey();
    if (fk.primaryKey() || !fk.nullable()) {
      throw cannotBeOrphan(
          s,
          fk,
          " no longer refers to a "
              + rel.target().name()
              + " ("
              + rel.qualifiedName()
              + " is null)",
          ", give it another " + rel.target().name(),
          rel.reverse());
    }
  }

  /** Whether another parent, one that survives this flush, took the member over the same key. */
  private boolean readded(List<Link> added, Link l) {
    return added.stream()
        .anyMatch(a -> a.rel.foreignKey() == l.rel.foreignKey() && !toDelete.contains(a.owner));
  }

  /**
   * Empties the foreign key by which {@code s} belonged to {@code l.owner}; refuses, naming the
   * fix, when the key cannot be empty (SQLAlchemy fails later: IntegrityError, or an assertion for
   * a key that is part of the primary key).
   */
  private static void detachFrom(InstanceState s, Link l) {
    ColumnMapping fk = l.rel.foreignKey();
    if (fk.primaryKey() || !fk.nullable()) {
      throw cannotBeOrphan(
          s,
          fk,
          " no longer belongs to " + l.owner.describe() + " (" + l.rel.qualifiedName() + ")",
          ", move it to another " + l.owner.mapping().name(),
          l.rel);
    }
    fk.set(s.owner(), null);
  }

  /**
   * A row about to lose its parent whose key cannot be empty: the refusal, naming the fix.
   * SQLAlchemy fails later: IntegrityError, or an assertion for a key in the primary key.
   */
  private static FlushException cannotBeOrphan(
      InstanceState s, ColumnMapping fk, String why, String move, RelationshipMapping orphanSide) {
    return new FlushException(
        fk.primaryKey() ? "orphan-key-in-primary-key" : "orphan-not-null",
        s.describe()
            + why
            + ", but its foreign key "
            + fk.describe()
            + (fk.primaryKey() ? " is part of its primary key" : " is NOT NULL")
            + ", so it cannot exist without one. Delete it with session.delete(...)"
            + move
            + (orphanSide != null
                ? ", or declare @Relationship(cascade = \"all, delete-orphan\") on "
                    + orphanSide.qualifiedName()
                    + " to delete such orphans."
                : "."));
  }

  // ---- orphans ---------------------------------------------------------------------------------

  /**
   * Children that no parent holds any more: the previous child of a one-to-one parent whose child
   * was replaced (found in the database when it was not loaded, as SQLAlchemy does), and members
   * removed from a collection. With delete-orphan they are deleted (a pending one is simply not
   * inserted); otherwise their foreign key is emptied.
   */
  private void orphans() {
    for (Link l : replacedOneToOne) {
      Object current = ((ScalarAttribute<?>) l.owner.container(l.rel)).peek();
      Object key = refOf(l.owner, l.rel);
      if (key == null) {
        continue;
      }
      for (Object previous :
          Loading.byColumn(session, l.rel.target(), l.rel.foreignKey(), key, List.of())) {
        if (previous != current) {
          link(orphanedBy, previous, l.owner, l.rel);
        }
      }
    }
    List<Map.Entry<InstanceState, List<Link>>> candidates = new ArrayList<>(removedBy.entrySet());
    candidates.addAll(orphanedBy.entrySet());
    for (Map.Entry<InstanceState, List<Link>> e : candidates) {
      InstanceState m = e.getKey();
      for (Link l : e.getValue()) {
        if (!l.rel.cascades(Cascade.DELETE_ORPHAN)
            || readded(addedBy.getOrDefault(m, List.of()), l)
            || heldElsewhere(m, l)) {
          continue;
        }
        if (m.status() == InstanceStatus.PENDING) {
          toInsert.remove(m);
          session.expungeOrphan(m.owner());
        } else if (m.status() == InstanceStatus.PERSISTENT && m.session() == session) {
          if (auto) {
            deferredOrphans.computeIfAbsent(m, k -> new ArrayList<>()).add(l);
          } else {
            session.deleted.add(m);
            orphanDeletes.add(m);
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
    for (Map.Entry<InstanceState, List<Link>> e : deferredOrphans.entrySet()) {
      InstanceState m = e.getKey();
      boolean ownerDeleted = false;
      for (Link l : e.getValue()) {
        ownerDeleted |= toDelete.contains(l.owner);
      }
      if (ownerDeleted) {
        session.deleted.add(m);
        orphanDeletes.add(m);
        deleteNow = true;
      } else {
        removedBy.remove(m);
        orphanedBy.remove(m);
      }
    }
    deferredOrphans.keySet().removeIf(session.deleted::contains);
    if (deleteNow) {
      cascadeDeletes(); // the orphans' own children
    }
  }

  /** Whether the member's own reference (the reverse side) names a parent other than nobody. */
  private static boolean heldElsewhere(InstanceState m, Link l) {
    RelationshipMapping back = l.rel.reverse();
    if (back == null || back.isCollection()) {
      return false;
    }
    Object parent = ((ScalarAttribute<?>) m.container(back)).peek();
    return parent != null && parent != l.owner.owner();
  }

  /**
   * The value for a foreign key pointing at {@code target}; when the target's row is not inserted
   * yet (a cycle between tables), null now and an UPDATE after the inserts.
   */
  private Object keyFor(InstanceState s, RelationshipMapping rel, Object target) {
    if (target == null) {
      return null;
    }
    InstanceState t = InstanceState.of(target);
    Object v = rel.referencedColumn().get(target);
    if (v == null && toInsert.contains(t) && !inserted.contains(t)) {
      if (!rel.foreignKey().nullable()) {
        throw new FlushException(
            "cycle-not-null",
            "Cannot order the inserts: "
                + s.describe()
                + " needs the key of "
                + t.describe()
                + " in "
                + rel.foreignKey()
                + " (NOT NULL), but that row must be inserted later because of a cycle of"
                + " foreign keys between "
                + rel.owner().table().name()
                + " and "
                + rel.target().table().name()
                + ". Make one foreign key of the cycle nullable.");
      }
      postUpdate.add(s);
      LOG.debug(
          "{}: {} is inserted as NULL and set by an UPDATE after the inserts: {} is not inserted"
              + " yet (a cycle of foreign keys between {} and {})",
          s.describe(),
          rel.foreignKey(),
          t.describe(),
          rel.owner().table().name(),
          rel.target().table().name());
    }
    return v;
  }

  private static Object refOf(InstanceState owner, RelationshipMapping rel) {
    return rel.referencedColumn().get(owner.owner());
  }

  // ---- INSERT ----------------------------------------------------------------------------------

  private void insertRows(ModelMapping m) {
    if (toInsertByModel == null) { // one pass over the rows for every model
      toInsertByModel = new IdentityHashMap<>();
      for (InstanceState s : toInsert) {
        toInsertByModel.computeIfAbsent(s.mapping(), k -> new ArrayList<>()).add(s);
      }
    }
    List<InstanceState> rows = new ArrayList<>(toInsertByModel.getOrDefault(m, List.of()));
    if (!inserted.isEmpty()) {
      rows.removeIf(inserted::contains);
    }
    if (rows.isEmpty()) {
      return;
    }
    if (!selfReferencing(m)) { // no row can reference another row of this batch
      for (InstanceState s : rows) {
        syncForeignKeys(s, true);
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
      syncForeignKeys(s, true);
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
            if (toInsert.contains(t) && t != s) {
              out.add(t);
            }
          }
        });
    for (Link l : addedBy.getOrDefault(s, List.of())) {
      if (l.owner.mapping() == s.mapping() && toInsert.contains(l.owner) && l.owner != s) {
        out.add(l.owner);
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
        throw new FlushException(
            "no-key",
            "Cannot insert "
                + s.describe()
                + ": its primary key "
                + m.name()
                + "."
                + missing.fieldName()
                + " is null and the database cannot generate "
                + (id == null ? "part of a composite" : "a " + id.javaType().getSimpleName())
                + " key. Assign it before flushing"
                + (missing.references() != null
                    ? " (it is a foreign key: set the relationship that fills it)."
                    : "."));
      } else {
        given.add(s);
      }
    }
    try {
      if (!generated.isEmpty()) {
        insertGenerated(m, generated);
      }
      insertChunks(m, given, m.columns(), null);
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
      InstanceState clash = session.identity.putIfAbsent(m, key, s);
      if (clash != null && clash != s) {
        throw new FlushException(
            "duplicate-key",
            "Cannot insert "
                + s.describe()
                + ": the session already has "
                + clash.describe()
                + " with the same primary key.");
      }
      s.key(key);
      s.status(InstanceStatus.PERSISTENT);
      s.takeSnapshot();
      session.journal.inserted(s, keyGenerated);
      inserted.add(s);
    }
  }

  /** Inserts rows whose key the database generates, the model's way ({@link GeneratedKeys}). */
  private void insertGenerated(ModelMapping m, List<InstanceState> rows) {
    List<ColumnMapping> withoutKey = new ArrayList<>(m.columns());
    withoutKey.remove(m.id());
    GeneratedKeys keys = new GeneratedKeys(executor, session.connection());
    switch (GeneratedKeys.of(m, engine.dialect())) {
      case RETURNING -> insertChunks(m, rows, withoutKey, m.id());
      case SEQUENCE -> {
        keys.drawFromSequence(m, rows);
        insertChunks(m, rows, m.columns(), null);
      }
      case LAST_KEY ->
          keys.insertEach(m, rows, engine.statements().insert(m, withoutKey, 1, null), withoutKey);
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
    ColumnType[] types = new ColumnType[chunk * cols.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = cols.get(i % cols.size()).type();
    }
    List<Object[]> paramSets = new ArrayList<>(rows.size() / chunk);
    for (int from = 0; from < rows.size(); from += chunk) {
      Object[] values = new Object[types.length];
      int i = 0;
      for (InstanceState s : rows.subList(from, from + chunk)) {
        Object owner = s.owner();
        for (ColumnMapping c : cols) {
          values[i++] = c.get(owner);
        }
      }
      paramSets.add(values);
    }
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
        throw new FlushException(
            "generated-keys",
            "The database returned " + part.size() + " keys for " + chunk + " inserted rows.");
      }
      for (int k = 0; k < chunk; k++) {
        returning.set(rows.get(p * chunk + k).owner(), part.get(k));
      }
    }
  }

  private void resolvePostUpdates() {
    for (InstanceState s : postUpdate) {
      syncForeignKeys(s, true);
    }
  }

  // ---- UPDATE ----------------------------------------------------------------------------------

  private void updateRows(ModelMapping m, List<InstanceState> states) {
    List<InstanceState> candidates = new ArrayList<>(states);
    for (InstanceState s : postUpdate) {
      if (s.mapping() == m) {
        candidates.add(s);
      }
    }
    Map<List<ColumnMapping>, List<InstanceState>> bySet = new LinkedHashMap<>();
    for (InstanceState s : candidates) {
      if (toDelete.contains(s)
          || deferredOrphans.containsKey(s)
          || (inserted.contains(s) && !postUpdate.contains(s))) {
        continue;
      }
      if (session.changed.contains(s)
          || addedBy.containsKey(s)
          || removedBy.containsKey(s)
          || orphanedBy.containsKey(s)) {
        syncForeignKeys(s, false);
      }
      List<ColumnMapping> dirty = dirtyColumns(s);
      if (!dirty.isEmpty()) {
        bySet.computeIfAbsent(dirty, k -> new ArrayList<>()).add(s);
      }
    }
    for (Map.Entry<List<ColumnMapping>, List<InstanceState>> e : bySet.entrySet()) {
      List<ColumnMapping> cols = e.getKey();
      ColumnType[] keyTypes = Keys.types(m);
      ColumnType[] types = new ColumnType[cols.size() + keyTypes.length];
      for (int i = 0; i < cols.size(); i++) {
        types[i] = cols.get(i).type();
      }
      System.arraycopy(keyTypes, 0, types, cols.size(), keyTypes.length);
      List<Object[]> params = new ArrayList<>();
      for (InstanceState s : e.getValue()) {
        Object[] row = new Object[types.length];
        for (int i = 0; i < cols.size(); i++) {
          row[i] = cols.get(i).get(s.owner());
        }
        Object[] key = Keys.values(m, s.key());
        System.arraycopy(key, 0, row, cols.size(), key.length);
        params.add(row);
        before.putIfAbsent(s, s.snapshot()); // the first UPDATE of this flush knows the old key
        session.journal.updating(s);
      }
      if (m.version() != null) {
        versioning.update(m, cols, e.getValue());
      } else {
        String sql = engine.statements().update(m, cols);
        int[] counts = executor.batch(session.connection(), sql, types, params);
        RowCounts.expectOneEach(counts, m, e.getValue(), "update", sql);
      }
      for (InstanceState s : e.getValue()) {
        s.takeSnapshot();
      }
    }
  }

  private List<ColumnMapping> dirtyColumns(InstanceState s) {
    Object[] snap = s.snapshot();
    List<ColumnMapping> dirty = new ArrayList<>();
    for (ColumnMapping c : s.mapping().columns()) {
      if (c.version()) {
        continue; // written by every UPDATE, never a reason for one
      }
      Object now = c.get(s.owner());
      if (snap == null || SessionImpl.differs(c, snap[c.index()], now)) {
        if (c.primaryKey()) {
          throw new FlushException(
              "primary-key-changed",
              s.describe()
                  + ": the primary key changed from "
                  + (snap == null ? null : snap[c.index()])
                  + " to "
                  + now
                  + ". Tether does not update primary keys; create a new object instead.");
        }
        dirty.add(c);
      }
    }
    return dirty;
  }

  // ---- DELETE ----------------------------------------------------------------------------------

  /**
   * Orphans that nothing depends on are deleted before the inserts, so that the child replacing one
   * can take its place under a UNIQUE key (a one-to-one); SQLAlchemy inserts first and fails.
   */
  private void deleteOrphansBeforeInserts(List<ModelMapping> order) {
    Set<InstanceState> early = new LinkedHashSet<>();
    for (InstanceState o : orphanDeletes) {
      if (toDelete.contains(o) && !hasDependents(o)) {
        early.add(o);
      }
    }
    if (early.isEmpty()) {
      return;
    }
    associations.deleteRowsOf(early);
    for (int i = order.size() - 1; i >= 0; i--) {
      deleteRows(order.get(i), early);
    }
    deletedEarly.addAll(early);
  }

  /** Whether a row still refers to {@code s}, or a row to be inserted will. */
  private boolean hasDependents(InstanceState s) {
    for (List<Link> links : orphanedBy.values()) {
      for (Link l : links) {
        if (l.owner == s) {
          return true;
        }
      }
    }
    for (InstanceState t : toDelete) {
      if (t != s && sameTableTargetsOrParents(t).contains(s)) {
        return true;
      }
    }
    for (InstanceState t : toInsert) {
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
    Set<InstanceState> rest = new LinkedHashSet<>(toDelete);
    rest.removeAll(deletedEarly);
    deleteRows(m, rest);
  }

  private void deleteRows(ModelMapping m, Set<InstanceState> from) {
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
      session.identity.remove(m, s.key(), s);
      s.status(InstanceStatus.DELETED);
      session.journal.deleted.add(s);
    }
  }

  // ---- afterwards: memory agrees with the database ---------------------------------------------

  private void afterFlush() {
    new Reconciliation(session, toDelete).run(inserted, before);
    passive.afterFlush();
    if (!before.isEmpty()) {
      new KeyCascades(session).afterUpdates(before);
    }
    List<InstanceState> touched = new ArrayList<>(session.changed);
    touched.addAll(inserted);
    touched.addAll(before.keySet());
    touched.addAll(toDelete);
    touched.removeAll(deferredOrphans.keySet()); // their changes wait for the next flush
    for (InstanceState s : touched) {
      if (!s.isBound()) {
        continue; // no container, so no history to move into the journal
      }
      s.forEachRelationship(
          (rel, c) -> {
            if (c instanceof CollectionAttribute<?> many && !rel.viewOnly()) {
              session.journal.flushedHistory(
                  many, many.addedSinceFlush(), many.removedSinceFlush());
            }
          });
      s.relationshipsFlushed();
    }
    session.pending.clear();
    session.deleted.clear();
    session.changed.clear();
    session.changed.addAll(deferredOrphans.keySet());
    session.deferredOrphans.clear();
    session.deferredOrphans.putAll(deferredOrphans);
  }

  // ---- ordering
  // ----------------------------------------------------------------------------------

  private List<ModelMapping> modelsInDependencyOrder() {
    Map<TableMapping, ModelMapping> byTable = new HashMap<>();
    for (ModelMapping m : engine.metadata().models()) {
      byTable.put(m.table(), m);
      tables.put(m, m.table());
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
    for (ModelMapping m : session.identity.models()) {
      for (InstanceState s : session.identity.of(m)) {
        if (s.status() == InstanceStatus.PERSISTENT
            && (!session.columnsUnchanged(s)
                || session.changed.contains(s)
                || addedBy.containsKey(s)
                || removedBy.containsKey(s)
                || orphanedBy.containsKey(s))) {
          out.computeIfAbsent(m, k -> new ArrayList<>()).add(s);
        }
      }
    }
    return out;
  }

  /**
   * Whether every column field of {@code s} still holds its snapshot value, allocation-free (an
   * untouched field still holds the snapshot's reference, which {@link SessionImpl#differs} decides
   * first).
   */
  static boolean columnsUnchanged(InstanceState s) {
    Object[] snap = s.snapshot();
    if (snap == null) {
      return false;
    }
    Object owner = s.owner();
    List<ColumnMapping> columns = s.mapping().columns();
    for (int i = 0, n = columns.size(); i < n; i++) {
      ColumnMapping c = columns.get(i);
      Object now = c.get(owner);
      Object was = snap[c.index()];
      if (!c.version() && SessionImpl.differs(c, was, now)) {
        return false;
      }
    }
    return true;
  }
}
