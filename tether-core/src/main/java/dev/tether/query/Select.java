package dev.tether.query;

import dev.tether.NoResultException;
import dev.tether.NonUniqueResultException;
import dev.tether.QueryException;
import dev.tether.attribute.InstanceState;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import dev.tether.query.internal.Queries;
import dev.tether.query.internal.QueryContext;
import dev.tether.sql.Cursor;
import dev.tether.sql.ResultColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A SELECT being built: of model objects ({@code session.select(Parent.class)}) or of values
 * ({@code session.select(Child_.parentId, Child_.id.count())}). Methods add to it and return it;
 * {@link #list()}, {@link #one()}, {@link #first()}, {@link #count()}, {@link #exists()} and {@link
 * #stream(int)} run it (after an autoflush) in the session's transaction. Every value is a bound
 * parameter; table and column names come only from the mapping.
 *
 * <pre>{@code
 * List<Parent> ps = session.select(Parent.class)
 *     .where(Parent_.name.like("p%"), Parent_.children.any(Child_.name.eq("c1")))
 *     .orderBy(Parent_.name.asc())
 *     .limit(10)
 *     .options(Load.selectin(Parent_.children))
 *     .list();
 * }</pre>
 *
 * <p>Objects come through the session's identity map: a row whose object the session already holds
 * returns that object, with its unflushed changes (an expired one is refreshed from the row). A
 * {@code Select} is a mutable builder used by one thread; build a new one for each query.
 *
 * @param <R> what each row becomes: a model object, a value, or a {@link Tuple2}/{@link Tuple3}
 */
public final class Select<R> {
  private record JoinSpec(
      Alias<?> from, RelationshipAttribute<?, ?> rel, Alias<?> to, boolean outer) {}

  private final QueryContext ctx;
  private final Class<?> model;
  private final List<Expression<?>> values;
  private final Function<Object[], R> shape;
  private final List<Condition> where = new ArrayList<>();
  private final List<JoinSpec> joins = new ArrayList<>();
  private final List<Order> orders = new ArrayList<>();
  private final List<Expression<?>> groupBy = new ArrayList<>();
  private final List<Condition> having = new ArrayList<>();
  private final List<LoadOption<?, ?>> options = new ArrayList<>();
  private Integer limit;
  private Integer offset;
  private boolean distinct;
  private boolean readOnly;
  private boolean batch = true;
  private boolean detachChunks;
  private RelationshipAttribute<?, ?> defaultOrder;

  static {
    // The session builds selects and bulk statements through this door (see Queries).
    Queries.install(new Door());
  }

  private Select(
      QueryContext ctx, Class<?> model, List<Expression<?>> values, Function<Object[], R> shape) {
    this.ctx = ctx;
    this.model = model;
    this.values = values;
    this.shape = shape;
  }

  // ---- made by the session ---------------------------------------------------------------------

  /** A select of {@code model} objects (the session's {@code select(Class)}). */
  static <T> Select<T> of(QueryContext ctx, Class<T> model) {
    return new Select<>(ctx, model, null, null);
  }

  /**
   * A select of the members of {@code owner}'s {@code relationship} (the session's {@code
   * select(relationship, owner)}), in the relationship's declared order unless {@code orderBy} says
   * otherwise.
   */
  static <M, T> Select<T> members(QueryContext ctx, ManyAttribute<M, T> relationship, M owner) {
    Select<T> s = new Select<>(ctx, relationship.target(), null, null);
    s.where.add(new Condition.MemberOf(relationship, java.util.Objects.requireNonNull(owner)));
    s.defaultOrder = relationship;
    return s;
  }

  /** A select of one value per row. */
  @SuppressWarnings("unchecked")
  static <A> Select<A> of(QueryContext ctx, Expression<A> a) {
    return new Select<>(ctx, fromOf(a), List.of(a), r -> (A) r[0]);
  }

  /** A select of two values per row. */
  @SuppressWarnings("unchecked")
  static <A, B> Select<Tuple2<A, B>> of(QueryContext ctx, Expression<A> a, Expression<B> b) {
    return new Select<>(ctx, fromOf(a, b), List.of(a, b), r -> new Tuple2<>((A) r[0], (B) r[1]));
  }

  /** A select of three values per row. */
  @SuppressWarnings("unchecked")
  static <A, B, C> Select<Tuple3<A, B, C>> of(
      QueryContext ctx, Expression<A> a, Expression<B> b, Expression<C> c) {
    return new Select<>(
        ctx, fromOf(a, b, c), List.of(a, b, c), r -> new Tuple3<>((A) r[0], (B) r[1], (C) r[2]));
  }

  private static Class<?> fromOf(Expression<?>... exprs) {
    for (Expression<?> e : exprs) {
      if (e.modelType() != null) {
        return e.modelType();
      }
    }
    throw new QueryException(
        "select-no-model",
        "A select of values needs at least one column of a model to read from, e.g."
            + " select(Parent_.id.count()).");
  }

  // ---- building --------------------------------------------------------------------------------

  /** Adds conditions, all of which must hold (and with the ones already given). */
  public Select<R> where(Condition... conditions) {
    for (Condition c : conditions) {
      where.add(java.util.Objects.requireNonNull(c, "condition"));
    }
    return this;
  }

  /** Orders the rows; terms from {@link Expression#asc()} and {@link Expression#desc()}. */
  public Select<R> orderBy(Order... terms) {
    orders.addAll(List.of(terms));
    return this;
  }

  /** At most {@code n} rows (objects, when a joined collection is loaded). */
  public Select<R> limit(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("limit(" + n + "): a limit is 0 or more");
    }
    limit = n;
    return this;
  }

  /** Skips the first {@code n} rows. */
  public Select<R> offset(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("offset(" + n + "): an offset is 0 or more");
    }
    offset = n;
    return this;
  }

  /** {@code SELECT DISTINCT}. */
  public Select<R> distinct() {
    distinct = true;
    return this;
  }

  /**
   * Joins along {@code relationship} from the model that declares it ({@code JOIN child t1 ON
   * t1.parent_id = t0.id}), so that {@code where} and {@code orderBy} can use the target's columns.
   * Objects are returned once per joined row, as in SQL; add {@link #distinct()} to fold them.
   */
  public Select<R> join(RelationshipAttribute<?, ?> relationship) {
    joins.add(new JoinSpec(null, relationship, null, false));
    return this;
  }

  /** {@link #join}, reaching the target through {@code alias} (self-joins, one table twice). */
  public <T> Select<R> join(RelationshipAttribute<?, T> relationship, Alias<T> alias) {
    joins.add(new JoinSpec(null, relationship, alias, false));
    return this;
  }

  /** Joins from {@code from} (an alias already joined) along {@code relationship} to {@code to}. */
  public <M, T> Select<R> join(
      Alias<M> from, RelationshipAttribute<M, T> relationship, Alias<T> to) {
    joins.add(new JoinSpec(from, relationship, to, false));
    return this;
  }

  /** {@code LEFT OUTER JOIN}: owners without a related row are kept (its columns are null). */
  public Select<R> outerJoin(RelationshipAttribute<?, ?> relationship) {
    joins.add(new JoinSpec(null, relationship, null, true));
    return this;
  }

  /** {@link #outerJoin} through {@code alias}. */
  public <T> Select<R> outerJoin(RelationshipAttribute<?, T> relationship, Alias<T> alias) {
    joins.add(new JoinSpec(null, relationship, alias, true));
    return this;
  }

  /** {@code GROUP BY}, for selects of values with aggregates. */
  public Select<R> groupBy(Expression<?>... expressions) {
    groupBy.addAll(List.of(expressions));
    return this;
  }

  /** {@code HAVING}: conditions on groups, e.g. {@code Child_.id.count().gt(2L)}. */
  public Select<R> having(Condition... conditions) {
    having.addAll(List.of(conditions));
    return this;
  }

  /** Loading strategies for this query's objects; see {@link Load}. */
  public Select<R> options(LoadOption<?, ?>... loadOptions) {
    options.addAll(List.of(loadOptions));
    return this;
  }

  /**
   * Untracked results for reporting: objects are not put into the session (no identity map entry,
   * no dirty checking, no flush) and come back detached; relationships load only through options
   * ({@code selectin}, {@code joined}), never lazily. Memory is only what the caller keeps.
   */
  public Select<R> readOnly() {
    readOnly = true;
    return this;
  }

  /**
   * Whether a lazy load of one object's relationship also loads it for its peers from this query
   * (default true; the session's {@code setBatchLazyLoads} turns it off for every query).
   */
  public Select<R> batchLazyLoads(boolean on) {
    batch = on;
    return this;
  }

  /**
   * For {@link #stream}: each chunk's objects leave the session (detached) when the next chunk is
   * read, so that a long tracked stream holds one chunk at a time.
   */
  public Select<R> detachEachChunk() {
    detachChunks = true;
    return this;
  }

  // ---- running ---------------------------------------------------------------------------------

  /** Every row. */
  public List<R> list() {
    ctx.autoflush();
    if (values == null) {
      List<R> out = new ArrayList<>();
      for (EntityFetch.Hit h : entityFetch().run(entitySql())) {
        out.add(cast(h.object()));
      }
      return out;
    }
    SqlWriter w = writer();
    String sql = valuesSql(w);
    List<R> out = new ArrayList<>();
    for (Object[] row :
        ctx.executor().query(ctx.connection(), sql, w.types(), w.values(), resultColumns(w))) {
      out.add(shape.apply(row));
    }
    return out;
  }

  /**
   * The only row.
   *
   * @throws NoResultException when there is none
   * @throws NonUniqueResultException when there are several
   */
  public R one() {
    List<R> all = list();
    if (all.isEmpty()) {
      throw new NoResultException(
          describe() + ".one() found no row. Use optional() or first() when none is expected.");
    }
    if (all.size() > 1) {
      throw tooMany(all.size(), "one()");
    }
    return all.get(0);
  }

  /** The only row, or empty when there is none; several rows are an error. */
  public Optional<R> optional() {
    List<R> all = list();
    if (all.size() > 1) {
      throw tooMany(all.size(), "optional()");
    }
    return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.get(0));
  }

  /** The first row (the query runs with {@code LIMIT 1}), or empty. */
  public Optional<R> first() {
    Integer before = limit;
    limit = 1;
    try {
      List<R> all = list();
      return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.get(0));
    } finally {
      limit = before;
    }
  }

  /** How many rows {@link #list()} would return, counted by the database. */
  public long count() {
    ctx.autoflush();
    SqlWriter w = writer();
    String sql;
    if (distinct || limit != null || offset != null || !groupBy.isEmpty()) {
      sql = "SELECT COUNT(*) FROM (" + plainSql(w, true) + ") q";
    } else {
      sql = "SELECT COUNT(*)" + plainBody(w);
    }
    Object[] row =
        ctx.executor()
            .query(
                ctx.connection(),
                sql,
                w.types(),
                w.values(),
                new ResultColumn[] {
                  new ResultColumn(dev.tether.mapping.ColumnType.LONG, Long.class)
                })
            .get(0);
    return ((Number) row[0]).longValue();
  }

  /** Whether any row matches ({@code SELECT 1 ... LIMIT 1}). */
  public boolean exists() {
    ctx.autoflush();
    SqlWriter w = writer();
    String sql = "SELECT 1" + plainBody(w) + w.dialect().limitClause(true, false);
    w.param(dev.tether.mapping.ColumnType.INTEGER, 1);
    return !ctx.executor()
        .query(
            ctx.connection(),
            sql,
            w.types(),
            w.values(),
            new ResultColumn[] {
              new ResultColumn(dev.tether.mapping.ColumnType.INTEGER, Integer.class)
            })
        .isEmpty();
  }

  /**
   * Streams the objects without reading the whole result first: the driver fetches {@code
   * fetchSize} rows at a time (inside the session's transaction, which PostgreSQL needs for it),
   * and {@code selectin} options load per chunk of {@code fetchSize} objects. Close the stream
   * (try-with-resources); it holds the connection's cursor open until then. With {@link
   * #readOnly()} (or {@link #detachEachChunk()}) memory stays bounded by one chunk.
   *
   * <pre>{@code
   * try (Stream<Item> items = session.select(Item.class).readOnly().stream(1000)) {
   *   items.forEach(report::add);
   * }
   * }</pre>
   *
   * Joined collections are refused here (their rows cannot be folded one chunk at a time); use
   * {@code selectin}. On MariaDB, another query in the same session while a stream is open makes
   * the driver buffer the rest of the stream first.
   */
  public Stream<R> stream(int fetchSize) {
    if (fetchSize < 1) {
      throw new IllegalArgumentException("stream(" + fetchSize + "): the fetch size is 1 or more");
    }
    if (values != null) {
      return list().stream();
    }
    ctx.autoflush();
    Map<Object, Object> untracked = readOnly ? new HashMap<>() : null;
    EntityFetch f = entityFetch(untracked);
    if (f.joinsCollection()) {
      throw new QueryException(
          "stream-joined-collection",
          describe()
              + ".stream(...): a joined collection spreads one object over several rows, which a"
              + " stream cannot fold chunk by chunk. Load it with Load.selectin(...) instead.");
    }
    Cursor cursor = f.open(entitySql(f), fetchSize);
    Iterator<R> chunks =
        new Iterator<>() {
          private List<Object> chunk = List.of();
          private int at;
          private boolean done;

          @Override
          public boolean hasNext() {
            if (at < chunk.size()) {
              return true;
            }
            if (done) {
              return false;
            }
            if (detachChunks) {
              chunk.forEach(ctx::detach);
            }
            if (untracked != null) {
              untracked.clear();
            }
            List<Object> next = new ArrayList<>(fetchSize);
            while (next.size() < fetchSize) {
              Object[] row = cursor.next();
              if (row == null) {
                done = true;
                break;
              }
              Object o = f.hydrate(row).object();
              if (o != null) {
                next.add(o);
              }
            }
            f.finish(next);
            chunk = next;
            at = 0;
            return !chunk.isEmpty();
          }

          @Override
          public R next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return cast(chunk.get(at++));
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(chunks, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(cursor::close);
  }

  // ---- rendering -------------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private R cast(Object o) {
    return (R) o;
  }

  private SqlWriter writer() {
    return new SqlWriter(ctx.executor().dialect(), ctx.metadata(), false);
  }

  private EntityFetch fetch;
  private SqlWriter fetchWriter;

  private EntityFetch entityFetch() {
    return entityFetch(readOnly ? new HashMap<>() : null);
  }

  private EntityFetch entityFetch(Map<Object, Object> untracked) {
    if (!groupBy.isEmpty() || !having.isEmpty()) {
      throw new QueryException(
          "group-by-objects",
          describe()
              + ": groupBy/having apply to selects of values, e.g. session.select(Child_.parentId,"
              + " Child_.id.count()).groupBy(Child_.parentId).");
    }
    fetchWriter = writer();
    ModelMapping m = fetchWriter.model(model);
    LoadPlan plan = LoadPlan.of(fetchWriter, m, options);
    fetch = new EntityFetch(ctx, fetchWriter, m, plan, untracked, batch).planJoins();
    return fetch;
  }

  private String entitySql() {
    return entitySql(fetch);
  }

  private String entitySql(EntityFetch f) {
    SqlWriter w = fetchWriter;
    return f.render(distinct, () -> joins(w), () -> where(w), () -> orderTerms(w), limit, offset);
  }

  /** Joins, WHERE, GROUP BY and HAVING, after {@code FROM <model> t0}. */
  private void body(SqlWriter w) {
    joins(w);
    where(w);
  }

  private void joins(SqlWriter w) {
    for (JoinSpec j : joins) {
      dev.tether.mapping.RelationshipMapping rel = w.relationship(j.rel);
      SqlWriter.Source owner = w.source(rel.owner().type(), j.from);
      w.join(owner, rel, j.to, j.outer);
    }
  }

  private void where(SqlWriter w) {
    conditions(w, " WHERE ", where);
    if (!groupBy.isEmpty()) {
      w.append(" GROUP BY ");
      for (int i = 0; i < groupBy.size(); i++) {
        if (i > 0) {
          w.append(", ");
        }
        groupBy.get(i).render(w);
      }
    }
    conditions(w, " HAVING ", having);
  }

  private static void conditions(SqlWriter w, String keyword, List<Condition> all) {
    if (all.isEmpty()) {
      return;
    }
    w.append(keyword);
    (all.size() == 1 ? all.get(0) : Condition.and(all.toArray(Condition[]::new))).render(w);
  }

  private void orderTerms(SqlWriter w) {
    if (orders.isEmpty() && defaultOrder != null) {
      SqlWriter.Source target = w.source(model, null);
      List<dev.tether.mapping.RelationshipMapping.Ordering> order =
          RelationshipLoader.orderOf(w.relationship(defaultOrder));
      for (int i = 0; i < order.size(); i++) {
        w.append(i > 0 ? ", " : "");
        w.column(target, order.get(i).column());
        w.append(order.get(i).descending() ? " DESC" : "");
      }
    }
    for (int i = 0; i < orders.size(); i++) {
      if (i > 0) {
        w.append(", ");
      }
      orders.get(i).render(w);
    }
  }

  /** {@code FROM ... WHERE ...} of this select, without its SELECT list, order and limit. */
  private String plainBody(SqlWriter w) {
    SqlWriter.Source root = w.add(w.model(model), null);
    w.append(" FROM ");
    w.from(root);
    body(w);
    return w.text();
  }

  /** The select as a subquery for count(): its own columns, limit and offset, no order. */
  private String plainSql(SqlWriter w, boolean forCount) {
    SqlWriter.Source root = w.add(w.model(model), null);
    w.append(" FROM ");
    w.from(root);
    body(w);
    w.append(w.dialect().limitClause(limit != null, offset != null));
    if (limit != null) {
      w.param(dev.tether.mapping.ColumnType.INTEGER, limit);
    }
    if (offset != null) {
      w.param(dev.tether.mapping.ColumnType.INTEGER, offset);
    }
    String list;
    if (values != null) {
      list = selectList(w);
    } else {
      StringBuilder b = new StringBuilder();
      for (dev.tether.mapping.ColumnMapping c : w.model(model).columns()) {
        b.append(b.length() == 0 ? "" : ", ").append(root.qualifier).append('.');
        b.append(w.dialect().quote(c.name()));
      }
      list = b.toString();
    }
    return "SELECT " + (distinct ? "DISTINCT " : "") + list + w.text();
  }

  private String valuesSql(SqlWriter w) {
    SqlWriter.Source root = w.add(w.model(model), null);
    w.append(" FROM ");
    w.from(root);
    body(w);
    if (!orders.isEmpty()) {
      w.append(" ORDER BY ");
      orderTerms(w);
    }
    w.append(w.dialect().limitClause(limit != null, offset != null));
    if (limit != null) {
      w.param(dev.tether.mapping.ColumnType.INTEGER, limit);
    }
    if (offset != null) {
      w.param(dev.tether.mapping.ColumnType.INTEGER, offset);
    }
    return "SELECT " + (distinct ? "DISTINCT " : "") + selectList(w) + w.text();
  }

  /** Renders the selected expressions (which bind nothing) at the end, then cuts them off. */
  private String selectList(SqlWriter w) {
    int at = w.length();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        w.append(", ");
      }
      values.get(i).render(w);
    }
    String list = w.text().substring(at);
    w.truncate(at);
    return list;
  }

  private ResultColumn[] resultColumns(SqlWriter w) {
    ResultColumn[] out = new ResultColumn[values.size()];
    for (int i = 0; i < out.length; i++) {
      Expression<?> e = values.get(i);
      out[i] = ResultColumn.value(e.valueType(w), e.javaType(w), e.mapping(w));
    }
    return out;
  }

  private NonUniqueResultException tooMany(int n, String call) {
    return new NonUniqueResultException(
        describe()
            + "."
            + call
            + " expected at most one row but found "
            + n
            + ". Narrow the where, or use first() with an orderBy to take one.");
  }

  private String describe() {
    return values == null
        ? "select(" + model.getSimpleName() + ".class)"
        : "select(" + values.toString().replace("[", "").replace("]", "") + ")";
  }

  /**
   * This package's side of {@link Queries}, the session's door: calls the package-private factories
   * of {@code Select}, {@link Update} and {@link Delete} and the {@link LazyLoader}.
   */
  private static final class Door implements Queries.Builder {
    @Override
    public <T> Select<T> select(QueryContext ctx, Class<T> model) {
      return Select.of(ctx, model);
    }

    @Override
    public <M, T> Select<T> members(QueryContext ctx, ManyAttribute<M, T> relationship, M owner) {
      return Select.members(ctx, relationship, owner);
    }

    @Override
    public <A> Select<A> select(QueryContext ctx, Expression<A> a) {
      return Select.of(ctx, a);
    }

    @Override
    public <A, B> Select<Tuple2<A, B>> select(QueryContext ctx, Expression<A> a, Expression<B> b) {
      return Select.of(ctx, a, b);
    }

    @Override
    public <A, B, C> Select<Tuple3<A, B, C>> select(
        QueryContext ctx, Expression<A> a, Expression<B> b, Expression<C> c) {
      return Select.of(ctx, a, b, c);
    }

    @Override
    public <T> Update<T> bulkUpdate(QueryContext ctx, Class<T> model) {
      return Update.of(ctx, model);
    }

    @Override
    public <T> Delete<T> bulkDelete(QueryContext ctx, Class<T> model) {
      return Delete.of(ctx, model);
    }

    @Override
    public List<Object> loadCollection(
        QueryContext ctx, InstanceState owner, RelationshipMapping rel) {
      return LazyLoader.loadCollection(ctx, owner, rel);
    }

    @Override
    public Object loadReference(QueryContext ctx, InstanceState owner, RelationshipMapping rel) {
      return LazyLoader.loadReference(ctx, owner, rel);
    }

    @Override
    public void afterGet(QueryContext ctx, Object object, ModelMapping model) {
      LazyLoader.afterGet(ctx, object, model);
    }

    @Override
    public String selectWhere(
        dev.tether.sql.Dialect dialect,
        dev.tether.mapping.Metadata metadata,
        ModelMapping m,
        List<dev.tether.mapping.ColumnMapping> where,
        List<dev.tether.mapping.RelationshipMapping.Ordering> order) {
      return EntityFetch.selectWhere(dialect, metadata, m, where, order);
    }
  }
}
