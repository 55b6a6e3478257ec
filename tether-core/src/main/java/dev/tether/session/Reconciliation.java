package dev.tether.session;

import dev.tether.attribute.CollectionAttribute;
import dev.tether.attribute.InstanceState;
import dev.tether.attribute.ScalarAttribute;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.Direction;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Tether improvement 6, the end of every flush: loaded relationships are brought in line with the
 * rows just written, for every relationship over a foreign key that changed — linked or not. A row
 * whose key now names another parent leaves the old parent's loaded collection and joins the new
 * one's; a many-to-one shows the object its key names (a key written directly re-points it); a
 * deleted row leaves every loaded collection and reference. Raw operations only: nothing here fires
 * sync or SQL.
 */
final class Reconciliation {
  private final SessionState session;
  private final Set<InstanceState> toDelete;
  private final Map<ColumnMapping, List<RelationshipMapping>> overKey;
  private final Map<ModelMapping, List<ColumnMapping>> foreignKeys = new IdentityHashMap<>();
  private final Map<ModelMapping, List<RelationshipMapping>> manyToManyOver =
      new IdentityHashMap<>();

  Reconciliation(SessionState session, Set<InstanceState> toDelete) {
    this.session = session;
    this.toDelete = toDelete;
    this.overKey = relationshipsByForeignKey(session.engine().metadata().models());
  }

  /** {@code inserted} rows are new; {@code before} holds the old snapshot of each updated row. */
  void run(Set<InstanceState> inserted, Map<InstanceState, Object[]> before) {
    for (InstanceState s : inserted) {
      for (ColumnMapping fk : foreignKeys(s.mapping())) {
        moved(s, fk, null, fk.get(s.owner()));
      }
    }
    for (Map.Entry<InstanceState, Object[]> e : before.entrySet()) {
      InstanceState s = e.getKey();
      if (inserted.contains(s)) {
        continue;
      }
      for (ColumnMapping fk : foreignKeys(s.mapping())) {
        Object old = e.getValue()[fk.index()];
        Object now = fk.get(s.owner());
        if (fk.differs(old, now)) {
          moved(s, fk, old, now);
        } else {
          showKey(s, fk, now);
        }
      }
    }
    for (InstanceState d : toDelete) {
      forgetDeleted(d);
    }
    if (!session.engine().metadata().manyToMany().isEmpty()) {
      for (InstanceState s : inserted) {
        if (!manyToManyOver(s.mapping()).isEmpty()) {
          showAssociationRow(s, currentValues(s), true);
        }
      }
    }
    for (Map.Entry<InstanceState, Object[]> e : before.entrySet()) {
      if (!inserted.contains(e.getKey())) {
        showAssociationRow(e.getKey(), e.getValue(), false);
        showAssociationRow(e.getKey(), currentValues(e.getKey()), true);
      }
    }
    for (InstanceState d : toDelete) {
      if (d.snapshot() != null) {
        showAssociationRow(d, d.snapshot(), false);
      }
    }
  }

  /**
   * A row of a model that maps a many-to-many's association table (the association-object pattern)
   * links its two ends in every loaded collection over that table, or unlinks them.
   */
  private void showAssociationRow(InstanceState row, Object[] values, boolean present) {
    for (RelationshipMapping q : manyToManyOver(row.mapping())) {
      Object owner = lookup(q.owner(), q.foreignKey().references(), values[q.foreignKey().index()]);
      Object member =
          lookup(
              q.target(),
              q.secondaryTargetColumn().references(),
              values[q.secondaryTargetColumn().index()]);
      if (owner == null || member == null) {
        continue;
      }
      if (present) {
        InstanceState.of(owner).linkRaw(q, member);
      } else {
        InstanceState.of(owner).unlinkRaw(q, member);
      }
    }
  }

  private List<RelationshipMapping> manyToManyOver(ModelMapping m) {
    return manyToManyOver.computeIfAbsent(m, this::findManyToManyOver);
  }

  private List<RelationshipMapping> findManyToManyOver(ModelMapping m) {
    List<RelationshipMapping> out = new ArrayList<>();
    for (RelationshipMapping r : session.engine().metadata().manyToMany()) {
      if (r.secondary() == m.table() && !r.viewOnly()) {
        out.add(r);
      }
    }
    return out;
  }

  private static Object[] currentValues(InstanceState s) {
    Object[] values = new Object[s.mapping().columns().size()];
    for (ColumnMapping c : s.mapping().columns()) {
      values[c.index()] = c.get(s.owner());
    }
    return values;
  }

  /**
   * A deleted row leaves every loaded collection and reference that holds it: those its own
   * relationships point to (linked pairs, whatever was flushed) and those over its foreign keys, by
   * the committed and the current key (unlinked sides).
   */
  private void forgetDeleted(InstanceState d) {
    d.forEachRelationship(
        (rel, c) -> {
          if (rel.reverse() == null) {
            return;
          }
          Object[] members =
              c instanceof CollectionAttribute<?> many
                  ? many.membersIfLoaded()
                  : peekOf((ScalarAttribute<?>) c);
          for (Object other : members) {
            InstanceState.of(other).unlinkRaw(rel.reverse(), d.owner());
          }
        });
    Object[] snap = d.snapshot();
    for (ColumnMapping fk : foreignKeys(d.mapping())) {
      moved(d, fk, snap == null ? null : snap[fk.index()], null);
      moved(d, fk, fk.get(d.owner()), null);
    }
  }

  private static Object[] peekOf(ScalarAttribute<?> one) {
    Object v = one.isLoaded() ? one.peek() : null;
    return v == null ? new Object[0] : new Object[] {v};
  }

  /** Row {@code s}'s foreign key {@code fk} went from {@code oldKey} to {@code newKey}. */
  private void moved(InstanceState s, ColumnMapping fk, Object oldKey, Object newKey) {
    for (RelationshipMapping r : overKey.getOrDefault(fk, List.of())) {
      if (r.direction() != Direction.ONE_TO_MANY) {
        continue;
      }
      Object oldOwner = lookup(r.owner(), r.referencedColumn(), oldKey);
      Object newOwner = lookup(r.owner(), r.referencedColumn(), newKey);
      if (oldOwner != null && oldOwner != newOwner) {
        InstanceState.of(oldOwner).unlinkRaw(r, s.owner());
      }
      if (newOwner != null) {
        InstanceState.of(newOwner).linkRaw(r, s.owner());
      }
    }
    showKey(s, fk, newKey);
  }

  /** Every many-to-one of {@code s} over {@code fk} shows the object {@code key} names. */
  private void showKey(InstanceState s, ColumnMapping fk, Object key) {
    if (toDelete.contains(s)) {
      return;
    }
    s.forEachRelationship(
        (rel, c) -> {
          if (rel.direction() != Direction.MANY_TO_ONE
              || rel.foreignKey() != fk
              || !(c instanceof ScalarAttribute<?> one)) {
            return;
          }
          Object shown = one.isLoaded() ? one.peek() : null;
          Object shownKey = shown == null ? null : rel.referencedColumn().get(shown);
          if (one.isLoaded() && Objects.equals(shownKey, key)) {
            return;
          }
          Object target = lookup(rel.target(), rel.referencedColumn(), key);
          if (key == null) {
            one.setCommitted(null);
          } else if (target != null) {
            one.setCommitted(target);
          } else {
            one.expire();
          }
        });
  }

  private static Map<ColumnMapping, List<RelationshipMapping>> relationshipsByForeignKey(
      Iterable<ModelMapping> models) {
    Map<ColumnMapping, List<RelationshipMapping>> out = new IdentityHashMap<>();
    for (ModelMapping m : models) {
      for (RelationshipMapping r : m.relationships()) {
        if (!r.viewOnly()) {
          out.computeIfAbsent(r.foreignKey(), k -> new ArrayList<>()).add(r);
        }
      }
    }
    return out;
  }

  private List<ColumnMapping> foreignKeys(ModelMapping m) {
    return foreignKeys.computeIfAbsent(m, Reconciliation::foreignKeysOf);
  }

  static List<ColumnMapping> foreignKeysOf(ModelMapping m) {
    List<ColumnMapping> out = new ArrayList<>();
    for (ColumnMapping c : m.columns()) {
      if (c.references() != null) {
        out.add(c);
      }
    }
    return out;
  }

  /** The object of {@code model} whose {@code column} is {@code key}, if in memory. */
  private Object lookup(ModelMapping model, ColumnMapping column, Object key) {
    if (key == null || !column.isIdentity()) {
      return null;
    }
    InstanceState t = session.identity().get(model, key);
    return t == null || toDelete.contains(t) ? null : t.owner();
  }
}
