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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * W2: load n parents by key and touch every child collection (10 children each). The raw contender
 * is the two-query baseline ({@code IN} lists of 1000 keys for the parents, then for their
 * children); the ORMs run their lazy default, one SELECT per parent and one per collection: the N+1
 * cost this row exists to show. Selectin, joined and batched-lazy need Tether's query API and are
 * listed in {@link Pending} until it lands.
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
    return List.of("lazy");
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
      case TETHER -> () -> tether(env, n);
      case HIBERNATE -> () -> hibernate(env, n);
    };
  }

  static long fold(long acc, long id, int val) {
    return acc + Env.mix(id * 1_000_003L + val);
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
        sum = fold(sum, p.id, ch.val);
      }
    }
    return sum;
  }

  private static long tether(Env env, int n) {
    long sum = 0;
    try (Session s = env.tether().session()) {
      for (long id = 1; id <= n; id++) {
        TParent p = s.get(TParent.class, id);
        for (TChild ch : p.children) {
          sum = fold(sum, p.id, ch.val);
        }
      }
      s.commit();
    }
    return sum;
  }

  private static long hibernate(Env env, int n) {
    long sum = 0;
    try (org.hibernate.Session s = env.hibernate().openSession()) {
      var tx = s.beginTransaction();
      for (long id = 1; id <= n; id++) {
        HParent p = s.find(HParent.class, id);
        for (HChild ch : p.children) {
          sum = fold(sum, p.id, ch.val);
        }
      }
      tx.commit();
    }
    return sum;
  }
}
