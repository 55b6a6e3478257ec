package dev.tether.bench.workload;

import dev.tether.Session;
import dev.tether.bench.Env;
import dev.tether.bench.Impl;
import dev.tether.bench.Trial;
import dev.tether.bench.Workload;
import dev.tether.bench.model.HParent;
import dev.tether.bench.model.TParent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * W7: delete n parents by key, their children going with them through the ORM's delete cascade
 * (which loads each parent and its collection). Raw: {@code DELETE ... WHERE parent_id IN (...)}
 * then the parents, 1000 keys per statement.
 */
public final class CascadeDelete extends Workload {
  private static final int CHILDREN = 10;
  private static final int IN_CHUNK = 1000;

  @Override
  public String id() {
    return "W7";
  }

  @Override
  public String title() {
    return "cascade delete of parents (" + CHILDREN + " children each)";
  }

  @Override
  public List<String> variants() {
    return List.of("m10");
  }

  @Override
  public String scaleUnit() {
    return "parents";
  }

  @Override
  public String opUnit() {
    return "row";
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
      case TETHER ->
          () -> {
            try (Session s = env.tether().session()) {
              for (long id = 1; id <= n; id++) {
                s.delete(s.get(TParent.class, id));
              }
              s.commit();
            }
            return n;
          };
      case HIBERNATE ->
          () -> {
            try (org.hibernate.Session s = env.hibernate().openSession()) {
              var tx = s.beginTransaction();
              for (long id = 1; id <= n; id++) {
                s.remove(s.find(HParent.class, id));
              }
              tx.commit();
            }
            return n;
          };
    };
  }

  private static long raw(Env env, int n) throws Exception {
    try (Connection c = env.data().getConnection()) {
      c.setAutoCommit(false);
      for (String sql :
          List.of("DELETE FROM child WHERE parent_id IN (", "DELETE FROM parent WHERE id IN (")) {
        PreparedStatement full = null;
        for (int from = 1; from <= n; from += IN_CHUNK) {
          int k = Math.min(IN_CHUNK, n - from + 1);
          PreparedStatement ps =
              k == IN_CHUNK && full != null
                  ? full
                  : c.prepareStatement(sql + RawSql.inList(k) + ")");
          if (k == IN_CHUNK) {
            full = ps;
          }
          for (int i = 0; i < k; i++) {
            ps.setLong(i + 1, from + i);
          }
          ps.executeUpdate();
          if (ps != full) {
            ps.close();
          }
        }
        if (full != null) {
          full.close();
        }
      }
      c.commit();
      c.setAutoCommit(true);
    }
    return n;
  }
}
