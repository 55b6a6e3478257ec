package dev.tether.bench.workload;

import dev.tether.Session;
import dev.tether.bench.Env;
import dev.tether.bench.Impl;
import dev.tether.bench.Trial;
import dev.tether.bench.Workload;
import dev.tether.bench.model.HChild;
import dev.tether.bench.model.RChild;
import dev.tether.bench.model.TChild;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * W4: primary-key lookups. {@code miss}: n distinct children in random order, each one SELECT, in a
 * fresh session (raw: one reused PreparedStatement). {@code hit}: a fixed number of random lookups
 * among n children already in the session, no SQL at all (raw: a {@code HashMap}); the time per
 * lookup must stay flat as n grows. The hit variant also reports heap bytes per managed child.
 */
public final class PkLookup extends Workload {
  private static final int CHILDREN = 10;
  private final int hits;

  public PkLookup(int hits) {
    this.hits = hits;
  }

  @Override
  public String id() {
    return "W4";
  }

  @Override
  public String title() {
    return "primary-key lookups (miss: one SELECT each; hit: identity map, " + hits + " lookups)";
  }

  @Override
  public List<String> variants() {
    return List.of("miss", "hit");
  }

  @Override
  public String scaleUnit() {
    return "children";
  }

  @Override
  public String opUnit() {
    return "lookup";
  }

  @Override
  public boolean readsOnly() {
    return true;
  }

  @Override
  public void seed(Env env, String variant, int n) throws Exception {
    env.seed(Math.max(1, n / CHILDREN), i -> CHILDREN);
  }

  @Override
  public long ops(String variant, int n) {
    return variant.equals("hit") ? hits : children(n);
  }

  private static int children(int n) {
    return Math.max(1, n / CHILDREN) * CHILDREN;
  }

  /** Child keys in a fixed random order, boxed ahead of the timed part for every contender. */
  private static Long[] keys(int count, int n, boolean distinct) {
    Random r = new Random(42);
    Long[] out = new Long[count];
    if (distinct) {
      for (int i = 0; i < count; i++) {
        out[i] = (long) i + 1;
      }
      for (int i = count - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        Long t = out[i];
        out[i] = out[j];
        out[j] = t;
      }
    } else {
      for (int i = 0; i < count; i++) {
        out[i] = (long) r.nextInt(n) + 1;
      }
    }
    return out;
  }

  @Override
  public Trial prepare(Impl impl, Env env, String variant, int n) throws Exception {
    int size = children(n);
    if (variant.equals("miss")) {
      Long[] ids = keys(size, size, true);
      return switch (impl) {
        case RAW -> () -> rawMiss(env, ids);
        case TETHER -> () -> tetherMiss(env, ids);
        case HIBERNATE -> () -> hibernateMiss(env, ids);
      };
    }
    Long[] ids = keys(hits, size, false);
    long parents = size / CHILDREN;
    long before = Loaded.usedHeap();
    return switch (impl) {
      case RAW -> {
        Map<Long, RChild> map = new HashMap<>();
        try (Connection c = env.data().getConnection()) {
          for (RChild ch : Loaded.raw(c, 1, parents)) {
            map.put(ch.id, ch);
          }
        }
        long bytes = (Loaded.usedHeap() - before) / size;
        yield new Hit(bytes, null) {
          @Override
          public long run() {
            long sum = 0;
            for (Long id : ids) {
              sum += map.get(id).val;
            }
            return sum;
          }
        };
      }
      case TETHER -> {
        Session s = env.tether().session();
        Loaded.tether(s, 1, parents);
        long bytes = (Loaded.usedHeap() - before) / size;
        yield new Hit(bytes, s) {
          @Override
          public long run() {
            long sum = 0;
            for (Long id : ids) {
              sum += s.get(TChild.class, id).val;
            }
            return sum;
          }
        };
      }
      case HIBERNATE -> {
        org.hibernate.Session s = env.hibernate().openSession();
        s.beginTransaction();
        Loaded.hibernate(s, 1, parents);
        long bytes = (Loaded.usedHeap() - before) / size;
        yield new Hit(bytes, s) {
          @Override
          public long run() {
            long sum = 0;
            for (Long id : ids) {
              sum += s.find(HChild.class, id).val;
            }
            return sum;
          }
        };
      }
    };
  }

  /** A hit trial: holds the loaded session open until closed. */
  private abstract static class Hit implements Trial {
    private final long bytes;
    private final Object session;

    Hit(long bytes, Object session) {
      this.bytes = bytes;
      this.session = session;
    }

    @Override
    public long bytesPerEntity() {
      return bytes;
    }

    @Override
    public void close() {
      if (session instanceof org.hibernate.Session h) {
        if (h.getTransaction().isActive()) {
          h.getTransaction().rollback();
        }
        h.close();
      } else if (session instanceof Session t) {
        t.close();
      }
    }
  }

  private static long rawMiss(Env env, Long[] ids) throws Exception {
    long sum = 0;
    try (Connection c = env.data().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement("SELECT " + RawSql.CHILD_COLUMNS + " FROM child WHERE id = ?")) {
        for (Long id : ids) {
          ps.setLong(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            sum += RawSql.child(rs).val;
          }
        }
      }
      c.commit();
      c.setAutoCommit(true);
    }
    return sum;
  }

  private static long tetherMiss(Env env, Long[] ids) {
    long sum = 0;
    try (Session s = env.tether().session()) {
      for (Long id : ids) {
        sum += s.get(TChild.class, id).val;
      }
      s.commit();
    }
    return sum;
  }

  private static long hibernateMiss(Env env, Long[] ids) {
    long sum = 0;
    try (org.hibernate.Session s = env.hibernate().openSession()) {
      var tx = s.beginTransaction();
      for (Long id : ids) {
        sum += s.find(HChild.class, id).val;
      }
      tx.commit();
    }
    return sum;
  }
}
