package dev.tether.query;

import dev.tether.ObjectState;
import dev.tether.attribute.InstanceState;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.Direction;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import dev.tether.mapping.RelationshipMapping.Ordering;
import dev.tether.query.internal.QueryContext;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads one relationship for many owners at once: {@code SELECT ... WHERE key IN (?, ...)}, one
 * statement per chunk of keys (at most the session's batch size, and under the database's parameter
 * limit). Serves selectin loading and batched lazy loading alike.
 */
final class RelationshipLoader {
  private RelationshipLoader() {}

  /**
   * Loads {@code rel} of {@code owners} and sets it on each of them except {@code skip} (the object
   * whose lazy load asked: its container sets itself from the result). Returns what each owner
   * holds.
   */
  static Map<InstanceState, List<Object>> load(
      QueryContext ctx,
      RelationshipMapping rel,
      List<InstanceState> owners,
      LoadPlan nested,
      Map<Object, Object> untracked,
      boolean batch,
      InstanceState skip) {
    Map<InstanceState, List<Object>> out = new IdentityHashMap<>();
    boolean byForeignKey = rel.direction() == Direction.MANY_TO_ONE;
    ColumnMapping ownerColumn = byForeignKey ? rel.foreignKey() : rel.referencedColumn();
    Map<Object, List<InstanceState>> byKey = new LinkedHashMap<>();
    for (InstanceState o : owners) {
      Object key = norm(ownerColumn.get(o.owner()));
      out.put(o, new ArrayList<>());
      if (key == null) {
        continue;
      }
      if (byForeignKey && rel.referencedColumn().isIdentity()) {
        Object known = known(ctx, rel.target(), key, untracked);
        if (known != null) {
          if (known != GONE) {
            out.get(o).add(known);
          }
          continue;
        }
      }
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
    }
    List<Object> keys = new ArrayList<>(byKey.keySet());
    int chunk = Math.max(1, Math.min(ctx.batchSize(), ctx.executor().dialect().maxParameters()));
    for (int from = 0; from < keys.size(); from += chunk) {
      List<Object> part = keys.subList(from, Math.min(keys.size(), from + chunk));
      for (EntityFetch.Hit h : fetch(ctx, rel, part, nested, untracked, batch)) {
        Object key = norm(keyOf(rel, h));
        for (InstanceState o : byKey.getOrDefault(key, List.of())) {
          out.get(o).add(h.object());
        }
      }
    }
    for (Map.Entry<InstanceState, List<Object>> e : out.entrySet()) {
      if (e.getKey() != skip) {
        EntityFetch.populate(e.getKey(), rel, e.getValue());
      }
    }
    return out;
  }

  private static final Object GONE = new Object();

  /** The object for {@code key} already in memory, {@link #GONE} if deleted, else null. */
  private static Object known(
      QueryContext ctx, ModelMapping m, Object key, Map<Object, Object> untracked) {
    if (untracked != null) {
      return null; // untracked objects are found by the query itself
    }
    InstanceState s = ctx.inMemory(m, key);
    if (s == null) {
      return null;
    }
    return s.status() == ObjectState.DELETED ? GONE : s.owner();
  }

  /** The owner key a loaded row belongs to. */
  private static Object keyOf(RelationshipMapping rel, EntityFetch.Hit h) {
    return switch (rel.direction()) {
      case MANY_TO_MANY -> h.prefix()[0];
      case MANY_TO_ONE -> InstanceState.of(h.object()).committedValue(rel.referencedColumn());
      case ONE_TO_MANY -> InstanceState.of(h.object()).committedValue(rel.foreignKey());
    };
  }

  private static List<EntityFetch.Hit> fetch(
      QueryContext ctx,
      RelationshipMapping rel,
      List<Object> keys,
      LoadPlan nested,
      Map<Object, Object> untracked,
      boolean batch) {
    SqlWriter w = new SqlWriter(ctx.executor().dialect(), ctx.metadata(), false);
    EntityFetch f = new EntityFetch(ctx, w, rel.target(), nested, untracked, batch);
    SqlWriter.Source target = f.root();
    f.planJoins();
    List<Ordering> order = rel.isCollection() ? orderOf(rel) : List.of();
    SqlWriter.Source[] keyed = {target};
    String sql =
        f.render(
            false,
            () -> {
              if (rel.direction() == Direction.MANY_TO_MANY) {
                SqlWriter.Source link = w.addTable(rel.secondary());
                w.append(" JOIN ");
                w.from(link);
                w.append(" ON ");
                w.column(link, rel.secondaryTargetColumn());
                w.append(" = ");
                w.column(target, rel.secondaryTargetColumn().references());
                f.prefix(link, rel.foreignKey());
                keyed[0] = link;
              }
            },
            () -> {
              ColumnMapping keyColumn =
                  switch (rel.direction()) {
                    case MANY_TO_MANY -> rel.foreignKey();
                    case MANY_TO_ONE -> rel.referencedColumn();
                    case ONE_TO_MANY -> rel.foreignKey();
                  };
              w.append(" WHERE ");
              w.column(keyed[0], keyColumn);
              if (keys.size() == 1) {
                w.append(" = "); // one owner: the plain lazy load
                w.bind(keyColumn.type(), keys.get(0));
                return;
              }
              w.append(" IN (");
              for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                  w.append(", ");
                }
                w.bind(keyColumn.type(), keys.get(i));
              }
              w.append(")");
            },
            () -> {
              for (int i = 0; i < order.size(); i++) {
                if (i > 0) {
                  w.append(", ");
                }
                w.column(target, order.get(i).column());
                if (order.get(i).descending()) {
                  w.append(" DESC");
                }
              }
            },
            null,
            null);
    return f.run(sql);
  }

  /** The declared order of a collection, else its target's primary key. */
  static List<Ordering> orderOf(RelationshipMapping rel) {
    if (!rel.ordering().isEmpty()) {
      return rel.ordering();
    }
    List<Ordering> byKey = new ArrayList<>();
    rel.target().keyColumns().forEach(c -> byKey.add(new Ordering(c, false)));
    return byKey;
  }

  /** Integral keys as {@code Long}, so that an {@code Integer} key finds a {@code Long} one. */
  static Object norm(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    return v;
  }
}
