package dev.tether.session;

import dev.tether.ObjectState;
import dev.tether.attribute.CollectionAttribute;
import dev.tether.attribute.InstanceState;
import dev.tether.attribute.ScalarAttribute;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.RelationshipMapping;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code @Relationship(passiveDeletes = true)} within one flush: when the owner is deleted, the
 * database's ON DELETE rule removes (CASCADE) or empties (SET NULL) the rows that refer to it, so
 * the flush loads nothing and sends no statement for them. What the session already holds is
 * brought in line all the same (Tether improvement 6): objects whose rows the database deletes
 * become deleted, objects whose key it empties get a null key, exactly as if Tether had written it.
 *
 * <p>SQLAlchemy instead DELETEs the loaded members one by one and leaves the other objects of the
 * identity map stale until they are expired.
 */
final class PassiveDeletes {
  private final SessionState session;

  /** The session's rows of a relationship's target, by foreign-key value; built on first use. */
  private final Map<RelationshipMapping, Map<Object, List<InstanceState>>> byKey =
      new IdentityHashMap<>();

  /** Objects whose rows the database deletes: no DELETE is sent for them. */
  private final Set<InstanceState> deletedByDatabase =
      Collections.newSetFromMap(new IdentityHashMap<>());

  /** Objects whose foreign keys the database sets to NULL. */
  private final Map<InstanceState, List<ColumnMapping>> nulledByDatabase = new IdentityHashMap<>();

  PassiveDeletes(SessionState session) {
    this.session = session;
  }

  /**
   * The session's objects whose rows refer to {@code owner} through {@code rel}, found without
   * loading: the loaded members, and the identity map's rows whose key is {@code ref} — unless this
   * flush moves them elsewhere first (taken out of the collection, or added to another owner's).
   */
  Set<InstanceState> referring(
      InstanceState owner,
      RelationshipMapping rel,
      Object ref,
      Map<InstanceState, List<FlushState.Membership>> addedBy,
      Map<InstanceState, List<FlushState.Membership>> removedBy) {
    Set<InstanceState> out = new LinkedHashSet<>();
    Object c = owner.container(rel);
    if (c instanceof CollectionAttribute<?> many) {
      for (Object m : many.membersIfLoaded()) {
        out.add(InstanceState.of(m));
      }
    } else if (c instanceof ScalarAttribute<?> one && one.isLoaded() && one.peek() != null) {
      out.add(InstanceState.of(one.peek()));
    }
    if (ref != null) {
      for (InstanceState s : index(rel).getOrDefault(ref, List.of())) {
        if (!leaves(s, owner, rel, addedBy, removedBy)) {
          out.add(s);
        }
      }
    }
    out.removeIf(s -> s.session() != session.link() || s.status() != ObjectState.PERSISTENT);
    return out;
  }

  /** Whether this flush re-points {@code s}'s key away from {@code owner} before the delete. */
  private static boolean leaves(
      InstanceState s,
      InstanceState owner,
      RelationshipMapping rel,
      Map<InstanceState, List<FlushState.Membership>> addedBy,
      Map<InstanceState, List<FlushState.Membership>> removedBy) {
    for (FlushState.Membership l : addedBy.getOrDefault(s, List.of())) {
      if (l.owner() != owner && l.rel().foreignKey() == rel.foreignKey()) {
        return true;
      }
    }
    for (FlushState.Membership l : removedBy.getOrDefault(s, List.of())) {
      if (l.owner() == owner && l.rel().foreignKey() == rel.foreignKey()) {
        return true;
      }
    }
    return false;
  }

  private Map<Object, List<InstanceState>> index(RelationshipMapping rel) {
    return byKey.computeIfAbsent(
        rel,
        r -> {
          Map<Object, List<InstanceState>> map = new HashMap<>();
          for (InstanceState s : session.identity().of(r.target())) {
            Object key = r.foreignKey().get(s.owner());
            if (key != null) {
              map.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            }
          }
          return map;
        });
  }

  /** The database deletes {@code s}'s row along with its owner's. */
  void deletedByDatabase(InstanceState s) {
    deletedByDatabase.add(s);
  }

  /** Whether the database deletes {@code s}'s row, so that no DELETE is sent for it. */
  boolean isDeletedByDatabase(InstanceState s) {
    return deletedByDatabase.contains(s);
  }

  /** The database sets {@code s}'s {@code key} to NULL when its owner's row goes. */
  void nulledByDatabase(InstanceState s, ColumnMapping key) {
    nulledByDatabase.computeIfAbsent(s, k -> new ArrayList<>()).add(key);
  }

  /** After the flush: the keys the database emptied are empty in memory too, and clean. */
  void afterFlush() {
    nulledByDatabase.forEach(
        (s, keys) -> {
          for (ColumnMapping key : keys) {
            key.set(s.owner(), null);
            if (s.snapshot() != null) {
              s.snapshot()[key.index()] = null;
            }
          }
        });
  }
}
