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
import java.util.List;
import java.util.stream.Stream;

/**
 * W3: stream every one of n child rows through a cursor (fetch size {@value #FETCH}) and fold their
 * values. {@code tracked}: the objects stay managed by an open session (Tether's {@code stream},
 * Hibernate's stateful {@code getResultStream}); the heap they retain is reported per entity.
 * {@code read-only}: nothing is retained (Tether's {@code readOnly().stream}, Hibernate's {@code
 * StatelessSession}, which its documentation recommends for reading large results). The raw
 * contender maps each row into a plain object and drops it, in both variants.
 */
public final class Streaming extends Workload {
  static final int FETCH = 1000;
  private static final int CHILDREN = 10;

  @Override
  public String id() {
    return "W3";
  }

  @Override
  public String title() {
    return "stream a large result (fetch size " + FETCH + ")";
  }

  @Override
  public List<String> variants() {
    return List.of("tracked", "read-only");
  }

  @Override
  public String scaleUnit() {
    return "rows";
  }

  @Override
  public String opUnit() {
    return "row";
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
    return (long) Math.max(1, n / CHILDREN) * CHILDREN;
  }

  @Override
  public Trial prepare(Impl impl, Env env, String variant, int n) throws Exception {
    boolean tracked = variant.equals("tracked");
    long rows = ops(variant, n);
    return switch (impl) {
      case RAW -> () -> raw(env);
      case TETHER -> tracked ? new TetherTracked(env, rows) : () -> tetherReadOnly(env);
      case HIBERNATE -> tracked ? new HibernateTracked(env, rows) : () -> hibernateReadOnly(env);
    };
  }

  private static long raw(Env env) throws Exception {
    long sum = 0;
    try (Connection c = env.data().getConnection()) {
      c.setAutoCommit(false); // PostgreSQL only uses a cursor inside a transaction
      try (PreparedStatement ps =
          c.prepareStatement("SELECT " + RawSql.CHILD_COLUMNS + " FROM child")) {
        ps.setFetchSize(FETCH);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            RChild ch = RawSql.child(rs);
            sum = Env.fold(sum, ch.id, ch.val);
          }
        }
      }
      c.commit();
      c.setAutoCommit(true);
    }
    return sum;
  }

  private static long tetherReadOnly(Env env) {
    long sum = 0;
    try (Session s = env.tether().session();
        Stream<TChild> all = s.select(TChild.class).readOnly().stream(FETCH)) {
      for (TChild ch : (Iterable<TChild>) all::iterator) {
        sum = Env.fold(sum, ch.id, ch.val);
      }
    }
    return sum;
  }

  private static long hibernateReadOnly(Env env) {
    long sum = 0;
    try (org.hibernate.StatelessSession s = env.hibernate().openStatelessSession()) {
      var tx = s.beginTransaction();
      try (Stream<HChild> all =
          s.createSelectionQuery("from HChild", HChild.class).setFetchSize(FETCH).stream()) {
        for (HChild ch : (Iterable<HChild>) all::iterator) {
          sum = Env.fold(sum, ch.id, ch.val);
        }
      }
      tx.commit();
    }
    return sum;
  }

  /**
   * A tracked run keeps its session (and every object in it) open until {@link #close}, so the heap
   * it retains can be measured after the timed part.
   */
  private abstract static class Tracked implements Trial {
    private final long rows;
    private final long before = Loaded.usedHeap();

    Tracked(long rows) {
      this.rows = rows;
    }

    @Override
    public long bytesPerEntity() {
      return (Loaded.usedHeap() - before) / rows;
    }
  }

  private static final class TetherTracked extends Tracked {
    private final Session s;

    TetherTracked(Env env, long rows) {
      super(rows);
      s = env.tether().session();
    }

    @Override
    public long run() {
      long sum = 0;
      try (Stream<TChild> all = s.select(TChild.class).stream(FETCH)) {
        for (TChild ch : (Iterable<TChild>) all::iterator) {
          sum = Env.fold(sum, ch.id, ch.val);
        }
      }
      return sum;
    }

    @Override
    public void close() {
      s.close();
    }
  }

  private static final class HibernateTracked extends Tracked {
    private final org.hibernate.Session s;

    HibernateTracked(Env env, long rows) {
      super(rows);
      s = env.hibernate().openSession();
      s.beginTransaction();
    }

    @Override
    public long run() {
      long sum = 0;
      try (Stream<HChild> all =
          s.createSelectionQuery("from HChild", HChild.class).setFetchSize(FETCH).stream()) {
        for (HChild ch : (Iterable<HChild>) all::iterator) {
          sum = Env.fold(sum, ch.id, ch.val);
        }
      }
      return sum;
    }

    @Override
    public void close() {
      s.getTransaction().rollback();
      s.close();
    }
  }
}
