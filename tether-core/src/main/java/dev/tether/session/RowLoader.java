package dev.tether.session;

import dev.tether.ObjectState;
import dev.tether.attribute.InstanceState;
import dev.tether.engine.Engine;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ColumnType;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping.Ordering;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns rows into objects through the identity map: a row whose object is already in the session
 * yields that object untouched (unflushed changes win), any other row a new persistent object whose
 * relationships load on first use.
 */
final class RowLoader {
  private RowLoader() {}

  /** The row of {@code m} with primary key {@code key} (normalised), as a list of 0 or 1. */
  static List<Object> byKey(SessionState session, ModelMapping m, Object key) {
    return select(session, m, m.keyColumns(), Keys.values(m, key), List.of());
  }

  /** {@code SELECT ... FROM m WHERE column = value ORDER BY order}, as objects. */
  static List<Object> byColumn(
      SessionState session,
      ModelMapping m,
      ColumnMapping column,
      Object value,
      List<Ordering> order) {
    return select(session, m, List.of(column), new Object[] {value}, order);
  }

  private static String selectWhere(
      Engine e, ModelMapping m, List<ColumnMapping> where, List<Ordering> order) {
    return e.statements()
        .selectWhere(
            m,
            where,
            order,
            () ->
                dev.tether.query.internal.Queries.selectWhere(
                    e.dialect(), e.metadata(), m, where, order));
  }

  private static List<Object> select(
      SessionState session,
      ModelMapping m,
      List<ColumnMapping> where,
      Object[] values,
      List<Ordering> order) {
    Engine e = session.engine();
    ColumnType[] types = where.stream().map(ColumnMapping::type).toArray(ColumnType[]::new);
    String sql = selectWhere(e, m, where, order);
    return hydrateAll(
        session, m, e.executor().query(session.connection(), sql, types, values, m.columns()));
  }

  private static List<Object> hydrateAll(
      SessionState session, ModelMapping m, List<Object[]> rows) {
    List<Object> out = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      Object o = hydrate(session, m, row);
      if (o != null) {
        out.add(o);
      }
    }
    return out;
  }

  /** Puts a row's values into an object's fields and snapshot (refresh, expired rows). */
  static void overwrite(InstanceState s, ModelMapping m, Object[] row) {
    m.writeColumns(s.owner(), row);
    s.restoreSnapshot(row.clone());
    s.reloadColumns(false);
  }

  /** The row of {@code m} with key {@code key}, or null; no object is created. */
  static Object[] rowByKey(SessionState session, ModelMapping m, Object key) {
    Engine e = session.engine();
    List<ColumnMapping> where = m.keyColumns();
    ColumnType[] types = where.stream().map(ColumnMapping::type).toArray(ColumnType[]::new);
    List<Object[]> rows =
        e.executor()
            .query(
                session.connection(),
                selectWhere(e, m, where, List.of()),
                types,
                Keys.values(m, key),
                m.columns());
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** The object for {@code row}; {@code null} when the session has deleted it. */
  static Object hydrate(SessionState session, ModelMapping m, Object[] row) {
    Object key = Keys.fromRow(m, row);
    InstanceState known = session.identity().get(m, key);
    if (known != null) {
      if (known.status() == ObjectState.DELETED) {
        return null;
      }
      if (known.reloadColumns()) {
        overwrite(known, m, row);
        session.events().afterLoad(known);
      }
      return known.owner();
    }
    Object o = m.newInstance();
    InstanceState s = InstanceState.of(o);
    s.bindMapping(m); // this database's mapping, even if a later Registry.of mapped the class
    overwrite(s, m, row);
    s.status(ObjectState.PERSISTENT);
    s.session(session.link());
    s.key(key);
    s.expireRelationships();
    session.identity().putIfAbsent(m, key, s);
    session.events().afterLoad(s);
    return o;
  }
}
