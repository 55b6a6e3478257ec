package dev.tether.query;

import dev.tether.attribute.CollectionAttribute;
import dev.tether.attribute.InstanceState;
import dev.tether.attribute.ScalarAttribute;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.Loading;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import dev.tether.mapping.RelationshipMapping.Ordering;
import dev.tether.query.internal.QueryContext;
import dev.tether.sql.Cursor;
import dev.tether.sql.ResultColumn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One query that returns objects of a model, with its relationships loaded as its {@link LoadPlan}
 * says: joined relationships come from LEFT OUTER JOINs in the same statement (the rows a
 * collection repeats are folded back into one parent), selectin ones from IN queries run after it
 * ({@link RelationshipLoader}), and every object lands in a {@link LoadGroup} for batched lazy
 * loads. The caller supplies the rest of the statement: joins, where, order, limit.
 */
final class EntityFetch {
  /** A relationship loaded through the join, and what the rows said about it. */
  private static final class Joined {
    final RelationshipMapping rel;
    final LoadPlan plan;
    final List<Joined> children = new ArrayList<>();
    SqlWriter.Source source;
    int offset;
    final Map<Object, Members> members = new IdentityHashMap<>();
    final Members loaded = new Members();

    Joined(RelationshipMapping rel, LoadPlan plan) {
      this.rel = rel;
      this.plan = plan;
    }
  }

  /** Objects in first-seen order, each once. */
  static final class Members {
    final List<Object> list = new ArrayList<>();
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    void add(Object o) {
      if (seen.add(o)) {
        list.add(o);
      }
    }
  }

  /** An object of the result and the extra columns read before it. */
  record Hit(Object[] prefix, Object object) {}

  private final QueryContext ctx;
  private final SqlWriter w;
  private final ModelMapping model;
  private final LoadPlan plan;
  private final Map<Object, Object> untracked;
  private final boolean batch;
  private final SqlWriter.Source root;
  private final List<SqlWriter.Source> prefixSources = new ArrayList<>();
  private final List<ColumnMapping> prefixColumns = new ArrayList<>();
  private final List<Joined> joined = new ArrayList<>();
  private final List<ResultColumn> columns = new ArrayList<>();
  private boolean joinedCollection;
  private int orderStart;

  EntityFetch(
      QueryContext ctx,
      SqlWriter w,
      ModelMapping model,
      LoadPlan plan,
      Map<Object, Object> untracked,
      boolean batch) {
    this.ctx = ctx;
    this.w = w;
    this.model = model;
    this.plan = plan;
    this.untracked = untracked;
    this.batch = batch;
    this.root = w.add(model, null);
  }

  SqlWriter.Source root() {
    return root;
  }

  /** Reads {@code column} of {@code source} before the model's columns (a grouping key). */
  void prefix(SqlWriter.Source source, ColumnMapping column) {
    prefixSources.add(source);
    prefixColumns.add(column);
  }

  /** Whether a joined collection repeats parents across rows (limits then need a subquery). */
  boolean joinsCollection() {
    return joinedCollection;
  }

  /** Plans the joined relationships; call before rendering. */
  EntityFetch planJoins() {
    plan(model, plan, joined);
    return this;
  }

  private void plan(ModelMapping m, LoadPlan p, List<Joined> into) {
    for (RelationshipMapping rel : m.relationships()) {
      if (p.strategy(rel) == Loading.JOINED) {
        Joined j = new Joined(rel, p.nested(rel));
        joinedCollection |= rel.isCollection();
        into.add(j);
        plan(rel.target(), j.plan, j.children);
      }
    }
  }

  /**
   * Renders the whole SELECT. {@code joins} writes the caller's joins after {@code FROM <model>
   * t0}, {@code where} its WHERE (and GROUP BY) after the joined relationships' joins; {@code
   * order} writes order terms (comma separated) or nothing; the joined relationships' joins and
   * orderings are added here. With {@code limit}/{@code offset} and a joined collection, the
   * limited query becomes a subquery so that the limit counts parents, not rows.
   */
  String render(
      boolean distinct,
      Runnable joins,
      Runnable where,
      Runnable order,
      Integer limit,
      Integer offset) {
    boolean wrap = joinedCollection && (limit != null || offset != null);
    w.append(" FROM ");
    w.from(root);
    joins.run();
    if (wrap) {
      where.run();
      renderOrder(order, false);
      limit(limit, offset);
      String inner = "SELECT " + (distinct ? "DISTINCT " : "") + columnList(List.of(), false);
      w.append(") ").append(root.qualifier);
      joins(root, joined);
      renderOrder(order, true);
      return "SELECT " + columnList(joined, true) + " FROM (" + inner + w.text();
    }
    joins(root, joined);
    where.run();
    renderOrder(order, true);
    limit(limit, offset);
    return "SELECT " + (distinct ? "DISTINCT " : "") + columnList(joined, true) + w.text();
  }

  private void limit(Integer limit, Integer offset) {
    w.append(w.dialect().limitClause(limit != null, offset != null));
    if (limit != null) {
      w.param(dev.tether.mapping.ColumnType.INTEGER, limit);
    }
    if (offset != null) {
      w.param(dev.tether.mapping.ColumnType.INTEGER, offset);
    }
  }

  private void renderOrder(Runnable order, boolean withJoined) {
    int at = w.length();
    w.append(" ORDER BY ");
    orderStart = w.length();
    order.run();
    if (withJoined) {
      collectionOrder(joined);
    }
    if (w.length() == orderStart) {
      w.truncate(at);
    }
  }

  private void collectionOrder(List<Joined> nodes) {
    for (Joined j : nodes) {
      if (j.rel.isCollection()) {
        for (Ordering o : RelationshipLoader.orderOf(j.rel)) {
          if (w.length() > orderStart) {
            w.append(", ");
          }
          w.column(j.source, o.column());
          if (o.descending()) {
            w.append(" DESC");
          }
        }
      }
      collectionOrder(j.children);
    }
  }

  private void joins(SqlWriter.Source owner, List<Joined> nodes) {
    for (Joined j : nodes) {
      j.source = w.join(owner, j.rel, null, true);
      joins(j.source, j.children);
    }
  }

  /** The SELECT list; also records how to read each column and where each model starts. */
  private String columnList(List<Joined> nodes, boolean record) {
    StringBuilder b = new StringBuilder();
    String q = w.dialect().quote("x").substring(0, 1);
    if (record) {
      columns.clear();
      for (int i = 0; i < prefixColumns.size(); i++) {
        append(b, prefixSources.get(i), prefixColumns.get(i), q);
      }
    }
    for (ColumnMapping c : model.columns()) {
      append(b, root, c, q);
    }
    if (record) {
      appendJoined(b, nodes, q);
    }
    return b.toString();
  }

  private void appendJoined(StringBuilder b, List<Joined> nodes, String q) {
    for (Joined j : nodes) {
      j.offset = columns.size();
      for (ColumnMapping c : j.rel.target().columns()) {
        append(b, j.source, c, q);
      }
      appendJoined(b, j.children, q);
    }
  }

  private void append(StringBuilder b, SqlWriter.Source s, ColumnMapping c, String q) {
    if (b.length() > 0) {
      b.append(", ");
    }
    b.append(s.qualifier).append('.').append(w.dialect().quote(c.name()));
    columns.add(ResultColumn.of(c));
  }

  // ---- running -------------------------------------------------------------------------------

  /** Runs {@code sql}: the objects in row order (each once when a joined collection repeats). */
  List<Hit> run(String sql) {
    List<Object[]> rows =
        ctx.executor()
            .query(
                ctx.connection(), sql, w.types(), w.values(), columns.toArray(ResultColumn[]::new));
    List<Hit> hits = new ArrayList<>(rows.size());
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Object[] row : rows) {
      Hit h = hydrate(row);
      if (h.object() != null
          && (!joinedCollection || !prefixColumns.isEmpty() || seen.add(h.object()))) {
        hits.add(h);
      }
    }
    List<Object> objects = new ArrayList<>(hits.size());
    hits.forEach(h -> objects.add(h.object()));
    finish(objects);
    return hits;
  }

  /** Opens a streaming cursor on {@code sql}. */
  Cursor open(String sql, int fetchSize) {
    return ctx.executor()
        .cursor(
            ctx.connection(),
            sql,
            w.types(),
            w.values(),
            columns.toArray(ResultColumn[]::new),
            fetchSize);
  }

  /** The object of one row (null if the session deleted it), joined objects recorded. */
  Hit hydrate(Object[] row) {
    int p = prefixColumns.size();
    Object[] prefix = p == 0 ? null : java.util.Arrays.copyOfRange(row, 0, p);
    Object o = object(model, row, p);
    if (o != null) {
      record(o, row, joined);
    }
    return new Hit(prefix, o);
  }

  private void record(Object parent, Object[] row, List<Joined> nodes) {
    for (Joined j : nodes) {
      Object child = object(j.rel.target(), row, j.offset);
      j.members.computeIfAbsent(parent, k -> new Members());
      if (child != null) {
        j.members.get(parent).add(child);
        j.loaded.add(child);
        record(child, row, j.children);
      }
    }
  }

  private Object object(ModelMapping m, Object[] row, int from) {
    for (ColumnMapping k : m.keyColumns()) {
      if (row[from + k.index()] == null) {
        return null; // the outer join found nothing
      }
    }
    int width = m.columns().size();
    // a row of exactly this model's columns is its own (each row is a new array)
    Object[] values =
        from == 0 && row.length == width
            ? row
            : java.util.Arrays.copyOfRange(row, from, from + width);
    return ctx.hydrate(m, values, untracked);
  }

  /**
   * After the rows of a result (or of a streamed chunk): fills the joined relationships, runs the
   * selectin loads, and groups the objects as peers.
   */
  void finish(List<Object> objects) {
    complete(objects, model, plan, joined);
  }

  private void complete(List<Object> objects, ModelMapping m, LoadPlan p, List<Joined> nodes) {
    for (Joined j : nodes) {
      for (Map.Entry<Object, Members> e : j.members.entrySet()) {
        populate(InstanceState.of(e.getKey()), j.rel, e.getValue().list);
      }
      List<Object> children = new ArrayList<>(j.loaded.list);
      j.members.clear();
      j.loaded.list.clear();
      j.loaded.seen.clear();
      complete(children, j.rel.target(), j.plan, j.children);
    }
    after(ctx, objects, m, p, untracked, batch);
  }

  /**
   * {@code SELECT <model's columns> FROM t t0 WHERE t0.a = ? AND ... ORDER BY ...}: what {@code
   * session.get}, {@code refresh} and the flush's reads by key send, rendered as a lazy load of the
   * same rows is (one renderer, one SQL shape). Parameters are left for the caller to bind, in the
   * order of {@code where}; the text depends only on its arguments, so callers may cache it.
   */
  static String selectWhere(
      dev.tether.sql.Dialect dialect,
      dev.tether.mapping.Metadata metadata,
      ModelMapping m,
      List<ColumnMapping> where,
      List<Ordering> order) {
    SqlWriter w = new SqlWriter(dialect, metadata, false);
    EntityFetch f = new EntityFetch(null, w, m, LoadPlan.DECLARED, null, false);
    SqlWriter.Source root = f.root();
    return f.render(
        false,
        () -> {},
        () -> {
          for (int i = 0; i < where.size(); i++) {
            w.append(i == 0 ? " WHERE " : " AND ");
            w.column(root, where.get(i));
            w.append(" = ?");
          }
        },
        () -> {
          for (int i = 0; i < order.size(); i++) {
            if (i > 0) {
              w.append(", ");
            }
            w.column(root, order.get(i).column());
            if (order.get(i).descending()) {
              w.append(" DESC");
            }
          }
        },
        null,
        null);
  }

  /**
   * What {@code session.get} owes the object it just read by key: the relationships declared {@code
   * lazy = "selectin"} load now, one IN query each (nested declared strategies followed); those
   * declared {@code "joined"} load the same way, since the row was not read by a query that could
   * join them. The object then batches its lazy loads as a one-object query result.
   */
  static void afterGet(QueryContext ctx, Object object, ModelMapping m) {
    List<Object> objects = List.of(object);
    InstanceState s = InstanceState.of(object);
    for (RelationshipMapping rel : m.relationships()) {
      if (LoadPlan.DECLARED.strategy(rel) == Loading.JOINED && !s.isLoaded(rel)) {
        RelationshipLoader.load(
            ctx, rel, List.of(s), LoadPlan.DECLARED.nested(rel), null, ctx.batchLazyLoads(), null);
      }
    }
    after(ctx, objects, m, LoadPlan.DECLARED, null, ctx.batchLazyLoads());
  }

  /** The selectin and noload relationships of {@code objects}, then their peer group. */
  static void after(
      QueryContext ctx,
      List<Object> objects,
      ModelMapping m,
      LoadPlan p,
      Map<Object, Object> untracked,
      boolean batch) {
    if (objects.isEmpty()) {
      return;
    }
    for (RelationshipMapping rel : m.relationships()) {
      Loading strategy = p.strategy(rel);
      if (strategy == Loading.SELECTIN) {
        List<InstanceState> owners = new ArrayList<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object o : objects) {
          InstanceState s = InstanceState.of(o);
          if (seen.add(o) && !s.isLoaded(rel)) {
            owners.add(s);
          }
        }
        RelationshipLoader.load(ctx, rel, owners, p.nested(rel), untracked, batch, null);
      } else if (strategy == Loading.NOLOAD && p.isExplicit(rel)) {
        for (Object o : objects) {
          InstanceState s = InstanceState.of(o);
          if (!s.isLoaded(rel)) {
            populate(s, rel, List.of());
          }
        }
      }
    }
    if (untracked == null) {
      LoadGroup.form(objects, p, batch);
    }
  }

  /** Sets an unloaded relationship to what was loaded; a loaded one is left as it is. */
  static void populate(InstanceState s, RelationshipMapping rel, List<Object> loaded) {
    Object c = s.container(rel);
    if (c instanceof CollectionAttribute<?> many) {
      if (!many.isLoaded()) {
        many.populate(loaded);
      }
    } else {
      ScalarAttribute<?> one = (ScalarAttribute<?>) c;
      if (!one.isLoaded()) {
        one.setCommitted(loaded.isEmpty() ? null : loaded.get(0));
      }
    }
  }
}
