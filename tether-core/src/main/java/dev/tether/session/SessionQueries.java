package dev.tether.session;

import dev.tether.LazyLoadException;
import dev.tether.LazyLoadGuard;
import dev.tether.ObjectState;
import dev.tether.QueryException;
import dev.tether.attribute.CollectionAttribute;
import dev.tether.attribute.InstanceState;
import dev.tether.attribute.ScalarAttribute;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ColumnType;
import dev.tether.mapping.Metadata;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import dev.tether.query.internal.QueryContext;
import dev.tether.sql.Executor;
import dev.tether.sql.SqlConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The session as the query layer sees it ({@link QueryContext}): rows become objects through the
 * identity map, bulk statements update or drop the session's objects, and the N+1 guard counts lazy
 * loads that served one object alone. Also runs raw SQL.
 */
final class SessionQueries implements QueryContext {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("dev.tether.query");

  private final SessionState session;
  private final Autoflush autoflush;
  private int batchSize = 500;
  private boolean batchLazyLoads = true;
  private LazyLoadGuard guard = LazyLoadGuard.OFF;
  private int threshold = 10;
  private final Map<RelationshipMapping, Integer> aloneLoads = new HashMap<>();

  SessionQueries(SessionState session, Autoflush autoflush) {
    this.autoflush = autoflush;
    this.session = session;
  }

  void batchSize(int keys) {
    if (keys < 1) {
      throw new IllegalArgumentException("setBatchSize(" + keys + "): a batch is 1 key or more");
    }
    batchSize = keys;
  }

  void batchLazyLoads(boolean on) {
    batchLazyLoads = on;
  }

  void guard(LazyLoadGuard g, int threshold) {
    if (threshold < 1) {
      throw new IllegalArgumentException("setLazyLoadGuard: the threshold is 1 or more");
    }
    this.guard = java.util.Objects.requireNonNull(g, "guard");
    this.threshold = threshold;
    aloneLoads.clear();
  }

  @Override
  public Metadata metadata() {
    return session.engine().metadata();
  }

  @Override
  public Executor executor() {
    return session.engine().executor();
  }

  @Override
  public SqlConnection connection() {
    return session.connection();
  }

  @Override
  public void autoflush() {
    autoflush.beforeQuery();
  }

  @Override
  public void autoflushBeforeLoad() {
    autoflush.beforeLoad();
  }

  @Override
  public boolean flushing() {
    return session.flushing();
  }

  @Override
  public Object hydrate(ModelMapping m, Object[] row, Map<Object, Object> untracked) {
    if (untracked == null) {
      return RowLoader.hydrate(session, m, row);
    }
    Object key = Keys.fromRow(m, row);
    // one map per model of the query, in the query's map: key -> object
    @SuppressWarnings("unchecked")
    Map<Object, Object> byKey =
        (Map<Object, Object>) untracked.computeIfAbsent(m, k -> new HashMap<>());
    Object known = byKey.get(key);
    if (known != null) {
      return known;
    }
    Object o = m.newInstance();
    InstanceState s = InstanceState.of(o);
    s.bindMapping(m);
    RowLoader.overwrite(s, m, row);
    s.status(ObjectState.DETACHED);
    s.key(key);
    s.expireRelationships();
    byKey.put(key, o);
    session.events().afterLoad(s);
    return o;
  }

  @Override
  public InstanceState inMemory(ModelMapping m, Object key) {
    return session.identity().get(m, key);
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public boolean batchLazyLoads() {
    return batchLazyLoads;
  }

  @Override
  public void loadedAlone(RelationshipMapping rel, InstanceState owner) {
    if (guard == LazyLoadGuard.OFF) {
      return;
    }
    int n = aloneLoads.merge(rel, 1, Integer::sum);
    if (n < threshold) {
      return;
    }
    String message =
        "N+1: "
            + rel.qualifiedName()
            + " has now loaded lazily for "
            + n
            + " objects one at a time (the last: "
            + owner.describe()
            + "). Load it with the query that fetches the "
            + rel.owner().name()
            + " objects: .options(Load.selectin("
            + rel.owner().name()
            + "_."
            + rel.name()
            + ")), or fetch them with one select instead of one get each, so that their lazy"
            + " loads are batched.";
    if (guard == LazyLoadGuard.RAISE) {
      throw new LazyLoadException(message);
    }
    if (n == threshold) {
      LOG.warn(message);
    }
  }

  @Override
  public boolean holdsAny(ModelMapping m) {
    return session.identity().holdsAny(m);
  }

  @Override
  public void bulkUpdated(ModelMapping m, List<Object[]> keys, Map<ColumnMapping, Object> values) {
    List<InstanceState> held = new ArrayList<>();
    for (Object[] k : keys) {
      InstanceState s = session.identity().get(m, key(m, k));
      if (s == null) {
        continue;
      }
      held.add(s);
      Object[] snapshot = s.snapshot();
      for (Map.Entry<ColumnMapping, Object> e : values.entrySet()) {
        e.getKey().set(s.owner(), e.getValue());
        if (snapshot != null) {
          snapshot[e.getKey().index()] = e.getValue();
        }
      }
    }
    if (m.filled() != null && !m.filled().updatedByDatabase().isEmpty() && !held.isEmpty()) {
      readBackAfterBulkUpdate(m, held);
    }
  }

  /** What the database wrote in the bulk-updated rows the session holds (computed columns). */
  private void readBackAfterBulkUpdate(ModelMapping m, List<InstanceState> held) {
    List<ColumnMapping> cols = m.filled().updatedByDatabase();
    ReadBack.select(
        executor(), session.engine().statements(), connection(), m, held, cols, "bulk update");
    for (InstanceState s : held) {
      Object[] snapshot = s.snapshot();
      for (ColumnMapping c : cols) {
        if (snapshot != null) {
          snapshot[c.index()] = c.get(s.owner());
        }
      }
    }
  }

  @Override
  public void bulkDeleted(ModelMapping m, List<Object[]> keys) {
    for (Object[] k : keys) {
      InstanceState s = session.identity().get(m, key(m, k));
      if (s != null) {
        session.forget(s);
      }
    }
    for (InstanceState s : session.identity().all()) {
      s.forEachRelationship(
          (rel, c) -> {
            if (rel.target() == m) {
              if (c instanceof CollectionAttribute<?> many && many.isLoaded()) {
                many.expire();
              } else if (c instanceof ScalarAttribute<?> one && one.isLoaded()) {
                one.expire();
              }
            }
          });
    }
  }

  private static Object key(ModelMapping m, Object[] parts) {
    return Keys.normalize(m, parts.length == 1 ? parts[0] : java.util.Arrays.asList(parts));
  }

  @Override
  public void detach(Object model) {
    InstanceState s = InstanceState.of(model);
    if (s.session() == session.link()) {
      session.forget(s);
    }
  }

  /** {@code session.selectSql}: the rows of the application's SQL as objects. */
  <T> List<T> selectSql(Class<T> type, String sql, Object[] params) {
    ModelMapping m = session.engine().metadata().model(type);
    if (m == null) {
      throw new QueryException(
          "not-mapped",
          type.getSimpleName()
              + " is not mapped by this database's registry; include it in Registry.of(...).");
    }
    ColumnType[] types = new ColumnType[params.length];
    for (int i = 0; i < params.length; i++) {
      types[i] = params[i] == null ? ColumnType.STRING : ColumnType.of(params[i].getClass());
      if (types[i] == null) {
        throw new IllegalArgumentException(
            "selectSql: parameter "
                + (i + 1)
                + " is a "
                + params[i].getClass().getName()
                + ", which Tether cannot bind; pass one of "
                + ColumnType.supportedList()
                + ".");
      }
    }
    autoflush();
    List<T> out = new ArrayList<>();
    for (Object[] row :
        executor().queryByName(connection(), sql, types, params.clone(), m.columns())) {
      Object o = RowLoader.hydrate(session, m, row);
      if (o != null) {
        out.add(type.cast(o));
      }
    }
    return out;
  }
}
