package dev.tether.session;

import dev.tether.attribute.InstanceState;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ColumnType;
import dev.tether.mapping.FilledColumns;
import dev.tether.mapping.ModelMapping;
import dev.tether.sql.Dialect;
import dev.tether.sql.Executor;
import dev.tether.sql.SqlConnection;
import dev.tether.sql.Statements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes the rows of models whose columns the database fills — server defaults, triggers, computed
 * columns ({@link FilledColumns}) — and brings the values the database wrote into the objects in
 * the same flush (SQLAlchemy's {@code eager_defaults}), so that afterwards memory still equals the
 * database. {@link Persistence} hands it those models' rows and no others: a model without such
 * columns is written as before, at no cost.
 *
 * <p><b>INSERT.</b> A column with a server default is left out while its field is {@code null};
 * rows that leave out different columns need different column lists, so the rows of one batch are
 * grouped by that set (each group keeps the order it was added in). The values come back in the
 * INSERT itself ({@code RETURNING}) when the model's keys do ({@link
 * GeneratedKeys.Strategy#RETURNING}) and the dialect reports what wrote them; otherwise one {@code
 * SELECT ... WHERE key IN (...)} per {@link ReadBack#SELECT_ROWS} rows follows the batch.
 * <b>UPDATE.</b> One row: {@code UPDATE ... RETURNING} where the dialect has it; several: the
 * batched UPDATE, then the same SELECT (a JDBC batch returns no rows, and one SELECT costs less
 * than a round trip per row).
 */
final class FetchedColumns {
  private final Executor executor;
  private final Statements statements;
  private final Dialect dialect;
  private final Supplier<SqlConnection> connection;
  private final Journal journal;

  /**
   * @param connection the session's connection, asked for only when a statement runs (it begins the
   *     transaction)
   * @param journal where the columns the database filled are remembered for a rollback
   */
  FetchedColumns(
      Executor executor,
      Statements statements,
      Supplier<SqlConnection> connection,
      Journal journal) {
    this.executor = executor;
    this.statements = statements;
    this.dialect = executor.dialect();
    this.connection = connection;
    this.journal = journal;
  }

  // ---- INSERT ----------------------------------------------------------------------------------

  /**
   * Inserts {@code generated} (new rows of {@code m} whose key the database generates) and {@code
   * given} (rows with their key), and reads into each what the database wrote.
   */
  void insert(ModelMapping m, List<InstanceState> generated, List<InstanceState> given) {
    GeneratedKeys.Strategy strategy = GeneratedKeys.of(m, dialect);
    List<InstanceState> keyed = given;
    if (!generated.isEmpty() && strategy == GeneratedKeys.Strategy.SEQUENCE) {
      new GeneratedKeys(executor, connection.get()).drawFromSequence(m, generated);
      keyed = new ArrayList<>(generated);
      keyed.addAll(given);
      generated = List.of();
    }
    boolean[] selectLater = new boolean[m.columns().size()];
    for (Map.Entry<List<ColumnMapping>, List<InstanceState>> g : groups(m, generated).entrySet()) {
      insertGroup(m, g.getKey(), g.getValue(), true, strategy, selectLater);
    }
    for (Map.Entry<List<ColumnMapping>, List<InstanceState>> g : groups(m, keyed).entrySet()) {
      insertGroup(m, g.getKey(), g.getValue(), false, strategy, selectLater);
    }
    List<ColumnMapping> later = new ArrayList<>();
    for (ColumnMapping c : m.columns()) {
      if (selectLater[c.index()]) {
        later.add(c);
      }
    }
    if (!later.isEmpty()) {
      List<InstanceState> all = new ArrayList<>(generated);
      all.addAll(keyed);
      ReadBack.select(executor, statements, connection.get(), m, all, later, "insert");
    }
  }

  /**
   * The rows grouped by the defaulted columns they leave {@code null} (in order of first
   * appearance); a value in a column only the database writes is refused.
   */
  private static Map<List<ColumnMapping>, List<InstanceState>> groups(
      ModelMapping m, List<InstanceState> rows) {
    FilledColumns f = m.filled();
    Map<List<ColumnMapping>, List<InstanceState>> groups = new LinkedHashMap<>();
    for (InstanceState s : rows) {
      Object owner = s.owner();
      for (ColumnMapping c : f.insertedByDatabase()) {
        Object v = c.get(owner);
        if (v != null) {
          throw FlushMessages.databaseColumnWritten(s, c, true, null, v);
        }
      }
      List<ColumnMapping> omitted = List.of();
      for (ColumnMapping c : f.defaulted()) {
        if (c.get(owner) == null) {
          if (omitted.isEmpty()) {
            omitted = new ArrayList<>(f.defaulted().size());
          }
          omitted.add(c);
        }
      }
      groups.computeIfAbsent(omitted, k -> new ArrayList<>()).add(s);
    }
    return groups;
  }

  /**
   * Inserts one group: the insertable columns but {@code omitted} (and a generated key), with the
   * values the database writes returned where they can be, the others marked in {@code
   * selectLater}.
   */
  private void insertGroup(
      ModelMapping m,
      List<ColumnMapping> omitted,
      List<InstanceState> rows,
      boolean keyGenerated,
      GeneratedKeys.Strategy strategy,
      boolean[] selectLater) {
    List<ColumnMapping> cols = new ArrayList<>(m.filled().insertable());
    cols.removeAll(omitted);
    if (keyGenerated) {
      cols.remove(m.id());
    }
    List<ColumnMapping> fetched = new ArrayList<>(m.filled().insertedByDatabase());
    fetched.addAll(omitted);
    List<ColumnMapping> returning = new ArrayList<>();
    if (keyGenerated) {
      returning.add(m.id());
    } else {
      returning.addAll(m.keyColumns());
    }
    boolean canReturn = strategy == GeneratedKeys.Strategy.RETURNING;
    int keyCount = returning.size();
    for (ColumnMapping c : fetched) {
      if (canReturn && returnable(c)) {
        returning.add(c);
      } else {
        selectLater[c.index()] = true;
      }
    }
    for (InstanceState s : rows) {
      journal.filledByDatabase(s, fetched); // a rollback empties them again
    }
    if (keyGenerated && strategy == GeneratedKeys.Strategy.LAST_KEY) {
      new GeneratedKeys(executor, connection.get())
          .insertEach(m, rows, statements.insertReturning(m, cols, 1, List.of()), cols);
    } else if (keyGenerated || returning.size() > keyCount) {
      insertChunks(m, rows, cols, returning, keyGenerated);
    } else {
      insertChunks(m, rows, cols, List.of(), false);
    }
  }

  /**
   * Whether RETURNING reports {@code c}'s value: a default's or a formula's always; one a trigger
   * may write only where the dialect's RETURNING sees trigger writes.
   */
  private boolean returnable(ColumnMapping c) {
    return !c.fill().insertedByDatabase()
        || c.computedExpression() != null
        || dialect.returningSeesTriggerWrites();
  }

  /**
   * Inserts {@code rows} in multi-row statements, as {@link Persistence} does, each {@code
   * RETURNING} the {@code returning} columns when there are any: the generated key first (rows
   * matched in key order, as the keys are generated in row order), or the given key's columns first
   * (rows matched by key).
   */
  private void insertChunks(
      ModelMapping m,
      List<InstanceState> rows,
      List<ColumnMapping> cols,
      List<ColumnMapping> returning,
      boolean keyGenerated) {
    int chunk =
        cols.isEmpty()
            ? 1
            : Math.max(
                1,
                Math.min(dialect.insertRowsPerStatement(), dialect.maxParameters() / cols.size()));
    int full = rows.size() / chunk * chunk; // the full chunks share one statement, then the rest
    insertChunks(m, rows.subList(0, full), chunk, cols, returning, keyGenerated);
    insertChunks(
        m, rows.subList(full, rows.size()), rows.size() - full, cols, returning, keyGenerated);
  }

  private void insertChunks(
      ModelMapping m,
      List<InstanceState> rows,
      int chunk,
      List<ColumnMapping> cols,
      List<ColumnMapping> returning,
      boolean keyGenerated) {
    if (rows.isEmpty()) {
      return;
    }
    ColumnType[] types = InsertChunks.types(cols, chunk);
    List<Object[]> paramSets = InsertChunks.params(rows, chunk, cols);
    String sql = statements.insertReturning(m, cols, chunk, returning);
    if (returning.isEmpty()) {
      executor.updateEach(connection.get(), sql, types, paramSets);
      return;
    }
    List<List<Object[]>> results =
        executor.queryEach(connection.get(), sql, types, paramSets, returning);
    for (int p = 0; p < results.size(); p++) {
      List<Object[]> returned = results.get(p);
      List<InstanceState> part = rows.subList(p * chunk, p * chunk + chunk);
      if (returned.size() != chunk) {
        throw FlushMessages.keysMissing(returned.size(), chunk);
      }
      if (keyGenerated) {
        returned.sort((a, b) -> compareKeys(a[0], b[0]));
        for (int k = 0; k < chunk; k++) {
          ReadBack.assign(part.get(k), returning, returned.get(k), 0);
        }
      } else {
        ReadBack.assignByKey(m, part, returning, returned, "insert", sql);
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareKeys(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }

  // ---- UPDATE ----------------------------------------------------------------------------------

  /**
   * Whether the UPDATE of {@code rows} reads the values back itself: one unversioned row of a model
   * whose statements may return rows, on a dialect that has {@code UPDATE ... RETURNING} and
   * reports what wrote them.
   */
  boolean updateReturns(ModelMapping m, List<InstanceState> rows) {
    if (rows.size() != 1
        || m.version() != null
        || !dialect.supportsUpdateReturning()
        || GeneratedKeys.of(m, dialect) != GeneratedKeys.Strategy.RETURNING) {
      return false;
    }
    for (ColumnMapping c : m.filled().updatedByDatabase()) {
      if (!returnable(c)) {
        return false;
      }
    }
    return true;
  }

  /** {@code UPDATE ... RETURNING} of the one row {@code s}, checked by the row it returns. */
  void updateReturning(
      ModelMapping m, List<ColumnMapping> cols, InstanceState s, ColumnType[] types, Object[] row) {
    List<ColumnMapping> returning = m.filled().updatedByDatabase();
    String sql = statements.update(m, cols, returning);
    List<Object[]> found = executor.query(connection.get(), sql, types, row, returning);
    RowCounts.expectOneEach(new int[] {found.size()}, m, List.of(s), "update", sql);
    ReadBack.assign(s, returning, found.get(0), 0);
  }

  /** After the UPDATE of {@code rows}: the values the database wrote, by one SELECT per batch. */
  void afterUpdate(ModelMapping m, List<InstanceState> rows) {
    ReadBack.select(
        executor, statements, connection.get(), m, rows, m.filled().updatedByDatabase(), "update");
  }
}
