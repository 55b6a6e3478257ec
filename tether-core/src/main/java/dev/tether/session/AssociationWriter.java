package dev.tether.session;

import dev.tether.SessionStateException;
import dev.tether.attribute.CollectionAttribute;
import dev.tether.attribute.InstanceState;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ColumnType;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import dev.tether.mapping.TableMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The many-to-many part of a flush: association rows inserted and deleted from the changes of the
 * collections (both sides of a linked pair report the same row; it is written once), rows of
 * deleted objects removed before them, and afterwards every loaded many-to-many collection over the
 * same table — linked or not — brought in line with the rows written.
 */
final class AssociationWriter {
  private record Change(RelationshipMapping rel, InstanceState owner, InstanceState member) {}

  private record Row(TableMapping table, List<Object> values) {}

  private final SessionImpl session;
  private final List<Change> added = new ArrayList<>();
  private final List<Change> removed = new ArrayList<>();

  AssociationWriter(SessionImpl session) {
    this.session = session;
  }

  /** Records what {@code owner}'s many-to-many collection gained and lost since the last flush. */
  void collect(
      InstanceState owner, RelationshipMapping rel, CollectionAttribute<?> many, boolean isNew) {
    for (Object m : isNew ? many.membersIfLoaded() : many.addedSinceFlush()) {
      InstanceState member = InstanceState.of(m);
      if (member.session() != session) {
        throw new SessionStateException(
            owner.describe()
                + " holds "
                + member.describe()
                + " in "
                + rel.qualifiedName()
                + ", but that object is not in this session ("
                + rel.qualifiedName()
                + " does not cascade save-update). Add it with session.add(...) before flushing.");
      }
      added.add(new Change(rel, owner, member));
    }
    if (!isNew) {
      for (Object m : many.removedSinceFlush()) {
        removed.add(new Change(rel, owner, InstanceState.of(m)));
      }
    }
  }

  /** Deletes the association rows of objects about to be deleted (any table that names them). */
  void deleteRowsOf(Set<InstanceState> deleted) {
    Map<ColumnMapping, List<InstanceState>> byColumn = new LinkedHashMap<>();
    for (InstanceState d : deleted) {
      for (ColumnMapping c : columnsReferencing(d.mapping())) {
        byColumn.computeIfAbsent(c, k -> new ArrayList<>()).add(d);
      }
    }
    for (Map.Entry<ColumnMapping, List<InstanceState>> e : byColumn.entrySet()) {
      ColumnMapping c = e.getKey();
      List<Object[]> params = new ArrayList<>();
      for (InstanceState d : e.getValue()) {
        params.add(new Object[] {c.references().get(d.owner())});
      }
      session
          .engine
          .executor()
          .batch(
              session.connection(),
              session.engine.statements().deleteWhere(c.table(), List.of(c)),
              new ColumnType[] {c.type()},
              params);
    }
    for (InstanceState d : deleted) {
      removeFromLoadedCollections(d);
    }
  }

  /** Writes the rows the collections gained and lost; skips rows of deleted objects. */
  void write(Set<InstanceState> deleted) {
    Set<Row> deletes = rows(removed, deleted);
    Set<Row> inserts = rows(added, deleted);
    run(deletes, t -> session.engine.statements().deleteWhere(t, t.columns()));
    run(inserts, t -> session.engine.statements().insertRow(t));
    for (Row r : deletes) {
      showRow(r, false);
    }
    for (Row r : inserts) {
      showRow(r, true);
    }
  }

  /** One batch per association table, with the statement {@code sql} renders for it. */
  private void run(Set<Row> rows, java.util.function.Function<TableMapping, String> sql) {
    for (Map.Entry<TableMapping, List<Object[]>> e : byTable(rows).entrySet()) {
      TableMapping t = e.getKey();
      session.engine.executor().batch(session.connection(), sql.apply(t), types(t), e.getValue());
    }
  }

  private Set<Row> rows(List<Change> changes, Set<InstanceState> deleted) {
    Set<Row> out = new LinkedHashSet<>();
    for (Change c : changes) {
      if (deleted.contains(c.owner) || deleted.contains(c.member)) {
        continue;
      }
      TableMapping t = c.rel.secondary();
      List<Object> values = new ArrayList<>(t.columns().size());
      for (ColumnMapping col : t.columns()) {
        if (col == c.rel.foreignKey()) {
          values.add(col.references().get(c.owner.owner()));
        } else if (col == c.rel.secondaryTargetColumn()) {
          values.add(col.references().get(c.member.owner()));
        } else {
          values.add(null);
        }
      }
      out.add(new Row(t, java.util.Collections.unmodifiableList(values)));
    }
    return out;
  }

  private static Map<TableMapping, List<Object[]>> byTable(Set<Row> rows) {
    Map<TableMapping, List<Object[]>> out = new LinkedHashMap<>();
    for (Row r : rows) {
      out.computeIfAbsent(r.table, k -> new ArrayList<>()).add(r.values.toArray());
    }
    return out;
  }

  private static ColumnType[] types(TableMapping t) {
    return t.columns().stream().map(ColumnMapping::type).toArray(ColumnType[]::new);
  }

  /** Every loaded many-to-many collection over {@code row}'s table shows (or drops) the row. */
  private void showRow(Row row, boolean present) {
    for (RelationshipMapping q : manyToMany()) {
      if (q.secondary() != row.table || q.viewOnly()) {
        continue;
      }
      Object owner = lookup(q.owner(), row.values.get(q.foreignKey().index()));
      Object member = lookup(q.target(), row.values.get(q.secondaryTargetColumn().index()));
      if (owner == null || member == null) {
        continue;
      }
      InstanceState s = InstanceState.of(owner);
      if (present) {
        s.linkRaw(q, member);
      } else {
        s.unlinkRaw(q, member);
      }
    }
  }

  private void removeFromLoadedCollections(InstanceState d) {
    for (RelationshipMapping q : manyToMany()) {
      if (q.target() != d.mapping()) {
        continue;
      }
      for (InstanceState s : session.identity.all()) {
        if (s.mapping() == q.owner() && s.isLoaded(q)) {
          s.unlinkRaw(q, d.owner());
        }
      }
    }
  }

  private Object lookup(ModelMapping m, Object key) {
    InstanceState s = key == null ? null : session.identity.get(m, key);
    return s == null ? null : s.owner();
  }

  private List<RelationshipMapping> manyToMany() {
    return session.engine.metadata().manyToMany();
  }

  /** Association-table columns that reference {@code m}'s key. */
  private List<ColumnMapping> columnsReferencing(ModelMapping m) {
    Set<ColumnMapping> out = new LinkedHashSet<>();
    for (RelationshipMapping r : manyToMany()) {
      if (r.owner() == m && !r.passiveDeletes()) {
        out.add(r.foreignKey());
      }
      if (r.target() == m) {
        out.add(r.secondaryTargetColumn());
      }
    }
    return new ArrayList<>(out);
  }
}
