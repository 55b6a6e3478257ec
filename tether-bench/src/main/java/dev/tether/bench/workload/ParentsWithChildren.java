package dev.tether.bench.workload;

import dev.tether.Session;
import dev.tether.bench.Env;
import dev.tether.bench.Impl;
import dev.tether.bench.Trial;
import dev.tether.bench.Workload;
import dev.tether.bench.model.HChild;
import dev.tether.bench.model.HParent;
import dev.tether.bench.model.RChild;
import dev.tether.bench.model.RParent;
import dev.tether.bench.model.TChild;
import dev.tether.bench.model.TParent;
import dev.tether.bench.model.TParent_;
import dev.tether.query.Load;
import dev.tether.query.Select;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * W2: load parents 1..n with one query and touch every child collection (10 children each). The raw
 * contender is always the two-query baseline ({@code IN} lists of 1000 keys for the parents, then
 * for their children). The ORMs, per variant:
 *
 * <ul>
 *   <li>{@code lazy}: one SELECT per collection (Tether with {@code setBatchLazyLoads(false)};
 *       Hibernate's default): the N+1 cost this row exists to show;
 *   <li>{@code batched-lazy}: Tether's default (a lazy load also loads its peers' collections, IN
 *       lists of the session's batch size, 500); Hibernate with {@code setFetchBatchSize(500)};
 *   <li>{@code selectin}: Tether's {@code Load.selectin(children)}; Hibernate has no per-query
 *       selectin, its nearest is batch fetching with a batch of 1000 keys (as the raw baseline);
 *   <li>{@code joined}: Tether's {@code Load.joined(children)}; Hibernate's {@code left join
 *       fetch}.
 * </ul>
 */
public final class ParentsWithChildren extends Workload {
  static final int CHILDREN = 10;
  private static final int IN_CHUNK = 1000;

  @Override
  public String id() {
    return "W2";
  }

  @Override
  public String title() {
    return "load parents and their children (" + CHILDREN + " each)";
  }

  @Override
  public List<String> variants() {
    return List.of("lazy", "batched-lazy", "selectin", "joined");
  }

  @Override
  public String scaleUnit() {
    return "parents";
  }

  @Override
  public String opUnit() {
    return "object";
  }

  @Override
  public boolean readsOnly() {
    return true;
  }

  @Override
  public void seed(Env env, String variant, int n) throws Exception {
    env.seed(n, i -> CHILDREN);
  }

  @Override
  public long ops(String variant, int n) {
    return (long) n * (1 + CHILDREN);
  }

  @Override
  public Trial prepare(Impl impl, Env env, String variant, int n) {
    return switch (impl) {
      case RAW -> () -> raw(env, n);
      case TETHER -> () -> tether(env, variant, n);
      case HIBERNATE -> () -> hibernate(env, variant, n);
    };
  }

  private static long raw(Env env, int n) throws Exception {
    Map<Long, RParent> parents = new HashMap<>(n * 2);
    long sum = 0;
    try (Connection c = env.data().getConnection()) {
      c.setAutoCommit(false);
      for (int from = 1; from <= n; from += IN_CHUNK) {
        int k = Math.min(IN_CHUNK, n - from + 1);
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, name FROM parent WHERE id IN (" + RawSql.inList(k) + ")")) {
          for (int i = 0; i < k; i++) {
            ps.setLong(i + 1, from + i);
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              RParent p = new RParent(rs.getLong(1), rs.getString(2));
              parents.put(p.id, p);
            }
          }
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + RawSql.CHILD_COLUMNS
                    + " FROM child WHERE parent_id IN ("
                    + RawSql.inList(k)
                    + ")")) {
          for (int i = 0; i < k; i++) {
            ps.setLong(i + 1, from + i);
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              RChild ch = RawSql.child(rs);
              RParent p = parents.get(ch.parentId);
              ch.parent = p;
              p.children.add(ch);
            }
          }
        }
      }
      c.commit();
      c.setAutoCommit(true);
    }
    for (long id = 1; id <= n; id++) {
      RParent p = parents.get(id);
      for (RChild ch : p.children) {
        sum = Env.fold(sum, p.id, ch.val);
      }
    }
    return sum;
  }

  private static long tether(Env env, String variant, int n) {
    long sum = 0;
    try (Session s = env.tether().session()) {
      Select<TParent> q = s.select(TParent.class).where(TParent_.id.between(1L, (long) n));
      switch (variant) {
        case "lazy" -> s.setBatchLazyLoads(false);
        case "selectin" -> q.options(Load.selectin(TParent_.children));
        case "joined" -> q.options(Load.joined(TParent_.children));
        default -> {} // batched-lazy: the default
      }
      for (TParent p : q.list()) {
        for (TChild ch : p.children) {
          sum = Env.fold(sum, p.id, ch.val);
        }
      }
      s.commit();
    }
    return sum;
  }

  private static long hibernate(Env env, String variant, int n) {
    long sum = 0;
    try (org.hibernate.Session s = env.hibernate().openSession()) {
      var tx = s.beginTransaction();
      switch (variant) {
        case "batched-lazy" -> s.setFetchBatchSize(500);
        case "selectin" -> s.setFetchBatchSize(IN_CHUNK);
        default -> {}
      }
      String hql =
          variant.equals("joined")
              ? "select distinct p from HParent p left join fetch p.children where p.id <= :n"
              : "from HParent p where p.id <= :n";
      for (HParent p :
          s.createSelectionQuery(hql, HParent.class).setParameter("n", (long) n).list()) {
        for (HChild ch : p.children) {
          sum = Env.fold(sum, p.id, ch.val);
        }
      }
      tx.commit();
    }
    return sum;
  }
}
