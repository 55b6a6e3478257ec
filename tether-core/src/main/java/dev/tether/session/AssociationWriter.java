package dev.tether.session;

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
final class AssociationWriter implements DependencyProcessor {
  private record Change(RelationshipMapping rel, InstanceState owner, InstanceState member) {}

  /**
   * One association row, by its two key columns alone ({@code first} before {@code second} in the
   * table, so both sides of a linked pair name the same row). Other columns of a mapped association
   * table are never written by a link: an INSERT leaves them to their defaults (or triggers), and a
   * DELETE matches the keys only, whatever those columns hold.
   */
  private record Row(
      TableMapping table,
      ColumnMapping first,
      ColumnMapping second,
      Object firstValue,
      Object secondValue) {
    /** The statement shape this row shares with others: table and key columns. */
    Shape shape() {
      return new Shape(table, first, second);
    }

    Object valueOf(ColumnMapping c) {
      return c == first ? firstValue : c == second ? secondValue : null;
    }
  }

  private record Shape(TableMapping table, ColumnMapping first, ColumnMapping second) {
    List<ColumnMapping> columns() {
      return List.of(first, second);
    }

    ColumnType[] types() {
      return new ColumnType[] {first.type(), second.type()};
    }
  }

  private final SessionState session;
  private final List<Change> added = new ArrayList<>();
  private final List<Change> removed = new ArrayList<>();

  AssociationWriter(SessionState session) {
    this.session = session;
  }

  /** Records what {@code owner}'s many-to-many collection gained and lost since the last flush. */
  @Override
  public void collect(
      InstanceState owner, RelationshipMapping rel, Object container, boolean isNew) {
    CollectionAttribute<?> many = (CollectionAttribute<?>) container;
    for (Object m : isNew ? many.membersIfLoaded() : many.addedSinceFlush()) {
      InstanceState member = InstanceState.of(m);
      if (member.session() != session.link()) {
        throw FlushMessages.linkToObjectNotInSession(owner, member, rel);
      }
      added.add(new Change(rel, owner, member));
    }
    if (!isNew) {
      for (Object m : many.removedSinceFlush()) {
        removed.add(new Change(rel, owner, InstanceState.of(m)));
      }
    }
  }

  /**
   * Rows of a deleted owner are deleted by {@link #deleteRowsOf}, whatever its collection holds.
   */
  @Override
  public void collectFromDeleted(
      InstanceState owner, RelationshipMapping rel, Object container, boolean isNew) {}

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
          .engine()
          .executor()
          .batch(
              session.connection(),
              session.engine().statements().deleteWhere(c.table(), List.of(c)),
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
    run(deletes, true);
    run(inserts, false);
    for (Row r : deletes) {
      showRow(r, false);
    }
    for (Row r : inserts) {
      showRow(r, true);
    }
  }

  /**
   * One batch per table and key-column pair: DELETEs by the two keys (each must match its row, or
   * another transaction removed it first and the flush fails), or INSERTs of the two keys alone.
   */
  private void run(Set<Row> rows, boolean delete) {
    for (Map.Entry<Shape, List<Row>> e : byShape(rows).entrySet()) {
      Shape shape = e.getKey();
      var statements = session.engine().statements();
      String sql =
          delete
              ? statements.deleteWhere(shape.table(), shape.columns())
              : statements.insertColumns(shape.table(), shape.columns());
      List<Object[]> params = new ArrayList<>(e.getValue().size());
      for (Row r : e.getValue()) {
        params.add(new Object[] {r.firstValue(), r.secondValue()});
      }
      int[] counts =
          session.engine().executor().batch(session.connection(), sql, shape.types(), params);
      if (delete) {
        List<Row> sent = e.getValue();
        RowCounts.expectOneEach(
            counts,
            i -> {
              Row r = sent.get(i);
              return FlushMessages.staleLink(
                  r.table().name(),
                  r.first(),
                  r.firstValue(),
                  r.second(),
                  r.secondValue(),
                  counts[i],
                  sql);
            });
      }
    }
  }

  private Set<Row> rows(List<Change> changes, Set<InstanceState> deleted) {
    Set<Row> out = new LinkedHashSet<>();
    for (Change c : changes) {
      if (deleted.contains(c.owner) || deleted.contains(c.member)) {
        continue;
      }
      ColumnMapping own = c.rel.foreignKey();
      ColumnMapping other = c.rel.secondaryTargetColumn();
      Object ownValue = own.references().get(c.owner.owner());
      Object otherValue = other.references().get(c.member.owner());
      out.add(
          own.index() < other.index()
              ? new Row(c.rel.secondary(), own, other, ownValue, otherValue)
              : new Row(c.rel.secondary(), other, own, otherValue, ownValue));
    }
    return out;
  }

  private static Map<Shape, List<Row>> byShape(Set<Row> rows) {
    Map<Shape, List<Row>> out = new LinkedHashMap<>();
    for (Row r : rows) {
      out.computeIfAbsent(r.shape(), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  /** Every loaded many-to-many collection over {@code row}'s table shows (or drops) the row. */
  private void showRow(Row row, boolean present) {
    for (RelationshipMapping q : manyToMany()) {
      if (q.secondary() != row.table() || q.viewOnly() || !covers(row, q)) {
        continue;
      }
      Object owner = lookup(q.owner(), row.valueOf(q.foreignKey()));
      Object member = lookup(q.target(), row.valueOf(q.secondaryTargetColumn()));
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

  /** Whether {@code row}'s two key columns are {@code q}'s. */
  private static boolean covers(Row row, RelationshipMapping q) {
    ColumnMapping a = q.foreignKey();
    ColumnMapping b = q.secondaryTargetColumn();
    return (a == row.first() && b == row.second()) || (a == row.second() && b == row.first());
  }

  private void removeFromLoadedCollections(InstanceState d) {
    for (RelationshipMapping q : manyToMany()) {
      if (q.target() != d.mapping()) {
        continue;
      }
      for (InstanceState s : session.identity().all()) {
        if (s.mapping() == q.owner() && s.isLoaded(q)) {
          s.unlinkRaw(q, d.owner());
        }
      }
    }
  }

  private Object lookup(ModelMapping m, Object key) {
    InstanceState s = key == null ? null : session.identity().get(m, key);
    return s == null ? null : s.owner();
  }

  private List<RelationshipMapping> manyToMany() {
    return session.engine().metadata().manyToMany();
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
