package dev.tether.session;

import dev.tether.attribute.InstanceState;
import dev.tether.attribute.InstanceStatus;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ColumnType;
import dev.tether.mapping.ModelMapping;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns rows into objects through the identity map: a row whose object is already in the session
 * yields that object untouched (unflushed changes win), any other row a new persistent object whose
 * relationships load on first use.
 */
final class Loading {
  private Loading() {}

  /** {@code SELECT ... FROM m WHERE column = value ORDER BY pk}, as objects. */
  static List<Object> select(
      SessionImpl session, ModelMapping m, ColumnMapping column, Object value) {
    Engine e = session.engine;
    String sql = e.statements().selectWhere(m, column, List.of(m.id()));
    List<Object[]> rows =
        e.executor()
            .query(
                session.connection(),
                sql,
                new ColumnType[] {column.type()},
                new Object[] {value},
                m.columns());
    List<Object> out = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      Object o = hydrate(session, m, row);
      if (o != null) {
        out.add(o);
      }
    }
    return out;
  }

  /** The object for {@code row}; {@code null} when the session has deleted it. */
  static Object hydrate(SessionImpl session, ModelMapping m, Object[] row) {
    Object key = row[m.id().index()];
    InstanceState known = session.identity.get(m, key);
    if (known != null) {
      return known.status() == InstanceStatus.DELETED ? null : known.owner();
    }
    Object o = m.newInstance();
    for (ColumnMapping c : m.columns()) {
      c.set(o, row[c.index()]);
    }
    InstanceState s = InstanceState.of(o);
    s.status(InstanceStatus.PERSISTENT);
    s.session(session);
    s.key(key);
    s.restoreSnapshot(row.clone());
    s.expireRelationships();
    session.identity.putIfAbsent(m, key, s);
    return o;
  }
}
