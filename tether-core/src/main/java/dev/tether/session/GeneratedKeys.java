package dev.tether.session;

import dev.tether.attribute.InstanceState;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ColumnType;
import dev.tether.mapping.ModelMapping;
import dev.tether.sql.Dialect;
import dev.tether.sql.Executor;
import dev.tether.sql.SqlConnection;
import java.util.List;

/**
 * How the keys the database generates for new rows reach their objects, for the models whose key
 * does not come back through {@code INSERT ... RETURNING} (the default, which {@link UnitOfWork}
 * runs itself): drawn from the model's {@code @Sequence} before the INSERT, or read with the
 * dialect's last-key function after each single-row INSERT ({@code @Table(implicitReturning =
 * false)}, or a database without RETURNING).
 */
final class GeneratedKeys {
  /** The three ways, chosen per model and dialect by {@link #of}. */
  enum Strategy {
    /** {@code INSERT ... RETURNING key}, many rows per statement. */
    RETURNING,
    /** One query draws every new row's key from the sequence; then batched INSERTs with keys. */
    SEQUENCE,
    /** One INSERT per row, each followed by the dialect's last-key query. */
    LAST_KEY
  }

  private final Executor executor;
  private final SqlConnection connection;

  GeneratedKeys(Executor executor, SqlConnection connection) {
    this.executor = executor;
    this.connection = connection;
  }

  /** The strategy for {@code m}'s generated keys on {@code dialect}. */
  static Strategy of(ModelMapping m, Dialect dialect) {
    if (m.keySequence() != null && dialect.supportsSequences()) {
      return Strategy.SEQUENCE;
    }
    return m.implicitReturning() && dialect.supportsReturning()
        ? Strategy.RETURNING
        : Strategy.LAST_KEY;
  }

  /** Puts a key drawn from {@code m}'s sequence into each of {@code rows}, in one query. */
  void drawFromSequence(ModelMapping m, List<InstanceState> rows) {
    ColumnMapping id = m.id();
    String sql = executor.dialect().nextValuesSql(m.keySequence());
    List<Object[]> keys =
        executor.query(
            connection,
            sql,
            new ColumnType[] {ColumnType.INTEGER},
            new Object[] {rows.size()},
            List.of(id));
    if (keys.size() != rows.size()) {
      throw FlushMessages.sequenceShort(m, keys.size(), rows.size(), sql);
    }
    for (int i = 0; i < rows.size(); i++) {
      id.set(rows.get(i).owner(), keys.get(i)[0]);
    }
  }

  /** Inserts each of {@code rows} on its own ({@code insertSql}), then reads its key. */
  void insertEach(
      ModelMapping m, List<InstanceState> rows, String insertSql, List<ColumnMapping> cols) {
    ColumnMapping id = m.id();
    ColumnType[] types = cols.stream().map(ColumnMapping::type).toArray(ColumnType[]::new);
    String lastKey = executor.dialect().lastKeySql(m.table().name(), id.name());
    for (InstanceState s : rows) {
      Object[] values = new Object[cols.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = cols.get(i).get(s.owner());
      }
      executor.update(connection, insertSql, types, values);
      List<Object[]> key =
          executor.query(connection, lastKey, new ColumnType[0], new Object[0], List.of(id));
      Object value = key.isEmpty() ? null : key.get(0)[0];
      if (value == null || (value instanceof Number n && n.longValue() == 0)) {
        throw FlushMessages.noGeneratedKey(s, m, id, lastKey);
      }
      id.set(s.owner(), value);
    }
  }
}
