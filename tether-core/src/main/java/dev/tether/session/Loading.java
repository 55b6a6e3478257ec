package dev.tether.session;

import dev.tether.attribute.InstanceState;
import dev.tether.attribute.InstanceStatus;
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
final class Loading {
  private Loading() {}

  /** The row of {@code m} with primary key {@code key} (normalised), as a list of 0 or 1. */
  static List<Object> byKey(SessionImpl session, ModelMapping m, Object key) {
    return select(session, m, m.keyColumns(), Keys.values(m, key), keyOrder(m));
  }

  /** {@code SELECT ... FROM m WHERE column = value ORDER BY order}, as objects. */
  static List<Object> byColumn(
      SessionImpl session,
      ModelMapping m,
      ColumnMapping column,
      Object value,
      List<Ordering> order) {
    return select(session, m, List.of(column), new Object[] {value}, order);
  }

  private static List<Ordering> keyOrder(ModelMapping m) {
    return m.keyColumns().stream().map(c -> new Ordering(c, false)).toList();
  }

  private static List<Object> select(
      SessionImpl session,
      ModelMapping m,
      List<ColumnMapping> where,
      Object[] values,
      List<Ordering> order) {
    Engine e = session.engine;
    ColumnType[] types = where.stream().map(ColumnMapping::type).toArray(ColumnType[]::new);
    String sql = e.statements().selectWhere(m, where, order);
    return hydrateAll(
        session, m, e.executor().query(session.connection(), sql, types, values, m.columns()));
  }

  private static List<Object> hydrateAll(SessionImpl session, ModelMapping m, List<Object[]> rows) {
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
    for (ColumnMapping c : m.columns()) {
      c.set(s.owner(), row[c.index()]);
    }
    s.restoreSnapshot(row.clone());
    s.reloadColumns(false);
  }

  /** The row of {@code m} with key {@code key}, or null; no object is created. */
  static Object[] rowByKey(SessionImpl session, ModelMapping m, Object key) {
    Engine e = session.engine;
    List<ColumnMapping> where = m.keyColumns();
    ColumnType[] types = where.stream().map(ColumnMapping::type).toArray(ColumnType[]::new);
    List<Object[]> rows =
        e.executor()
            .query(
                session.connection(),
                e.statements().selectWhere(m, where, keyOrder(m)),
                types,
                Keys.values(m, key),
                m.columns());
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** The object for {@code row}; {@code null} when the session has deleted it. */
  static Object hydrate(SessionImpl session, ModelMapping m, Object[] row) {
    Object key = Keys.fromRow(m, row);
    InstanceState known = session.identity.get(m, key);
    if (known != null) {
      if (known.status() == InstanceStatus.DELETED) {
        return null;
      }
      if (known.reloadColumns()) {
        overwrite(known, m, row);
        afterLoad(session, known);
      }
      return known.owner();
    }
    Object o = m.newInstance();
    InstanceState s = InstanceState.of(o);
    overwrite(s, m, row);
    s.status(InstanceStatus.PERSISTENT);
    s.session(session);
    s.key(key);
    s.expireRelationships();
    session.identity.putIfAbsent(m, key, s);
    afterLoad(session, s);
    return o;
  }

  /**
   * Runs the after-load hooks and listeners of {@code s}, whose column fields were just set from a
   * row; with none in the whole database, one boolean.
   */
  static void afterLoad(SessionImpl session, InstanceState s) {
    Events events = session.engine.events();
    if (events.afterLoad()) {
      session.rowEvents().afterLoad(events, s);
    }
  }
}
