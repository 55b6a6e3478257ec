package dev.tether.bench.workload;

import dev.tether.Session;
import dev.tether.bench.Env;
import dev.tether.bench.Impl;
import dev.tether.bench.Trial;
import dev.tether.bench.Workload;
import dev.tether.bench.model.HChild;
import dev.tether.bench.model.HParent;
import dev.tether.bench.model.TChild;
import dev.tether.bench.model.TParent;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * W6: move a fixed number of children from source parents to one destination parent, every
 * collection holding n children, then commit. {@code loaded}: all collections involved are loaded
 * first (untimed), so back-population edits them; the ORMs must not pay O(n) per move. {@code
 * unloaded}: only the moving children and the destination are in the session; setting the
 * many-to-one must issue no SELECT. Raw: a batched {@code UPDATE child SET parent_id}.
 */
public final class MoveChildren extends Workload {
  private final int moves;

  public MoveChildren(int moves) {
    this.moves = moves;
  }

  @Override
  public String id() {
    return "W6";
  }

  @Override
  public String title() {
    return "move " + moves + " children between parents (n = collection size)";
  }

  @Override
  public List<String> variants() {
    return List.of("loaded", "unloaded");
  }

  @Override
  public String scaleUnit() {
    return "children per collection";
  }

  @Override
  public String opUnit() {
    return "move";
  }

  private int sources(int n) {
    return (moves + n - 1) / n;
  }

  private int movesPerSource(int n) {
    return Math.min(n, moves);
  }

  @Override
  public void seed(Env env, String variant, int n) throws Exception {
    env.seed(sources(n) + 1L, i -> n);
  }

  @Override
  public long ops(String variant, int n) {
    return (long) sources(n) * movesPerSource(n);
  }

  /** The children that move: spread evenly over each source collection, by key. */
  private long[] movers(int n) {
    int s = sources(n);
    int k = movesPerSource(n);
    long[] ids = new long[s * k];
    int step = n / k;
    int i = 0;
    for (int src = 0; src < s; src++) {
      for (int j = 0; j < k; j++) {
        ids[i++] = (long) src * n + (long) j * step + 1;
      }
    }
    return ids;
  }

  @Override
  public Trial prepare(Impl impl, Env env, String variant, int n) throws Exception {
    long[] ids = movers(n);
    long dest = sources(n) + 1L;
    boolean loaded = variant.equals("loaded");
    return switch (impl) {
      case RAW ->
          () -> {
            long[] to = new long[ids.length];
            java.util.Arrays.fill(to, dest);
            try (Connection c = env.data().getConnection()) {
              c.setAutoCommit(false);
              RawSql.updateBatched(c, "parent_id", ids, to);
              c.commit();
              c.setAutoCommit(true);
            }
            return ids.length;
          };
      case TETHER -> tether(env, ids, dest, loaded);
      case HIBERNATE -> hibernate(env, ids, dest, loaded);
    };
  }

  private static Set<Long> keySet(long[] ids) {
    Set<Long> out = new HashSet<>();
    for (long id : ids) {
      out.add(id);
    }
    return out;
  }

  private static Trial tether(Env env, long[] ids, long destId, boolean loaded) {
    Session s = env.tether().session();
    TParent dest = s.get(TParent.class, destId);
    List<TChild> moving = new ArrayList<>(ids.length);
    if (loaded) {
      dest.children.size();
      Set<Long> wanted = keySet(ids);
      for (TChild c : Loaded.tether(s, 1, destId - 1)) {
        if (wanted.contains(c.id)) {
          moving.add(c);
        }
      }
    } else {
      for (long id : ids) {
        moving.add(s.get(TChild.class, id));
      }
    }
    return new Trial() {
      @Override
      public long run() {
        for (TChild c : moving) {
          c.parent.set(dest);
        }
        s.commit();
        return moving.size();
      }

      @Override
      public void close() {
        s.close();
      }
    };
  }

  private static Trial hibernate(Env env, long[] ids, long destId, boolean loaded) {
    org.hibernate.Session s = env.hibernate().openSession();
    var tx = s.beginTransaction();
    HParent dest = s.find(HParent.class, destId);
    List<HChild> moving = new ArrayList<>(ids.length);
    if (loaded) {
      dest.children.size();
      Set<Long> wanted = keySet(ids);
      for (HChild c : Loaded.hibernate(s, 1, destId - 1)) {
        if (wanted.contains(c.id)) {
          moving.add(c);
        }
      }
    } else {
      for (long id : ids) {
        moving.add(s.find(HChild.class, id));
      }
    }
    return new Trial() {
      @Override
      public long run() {
        for (HChild c : moving) {
          if (loaded) { // the documented helper: keep both sides of loaded collections right
            c.parent.children.remove(c);
            dest.addChild(c);
          } else { // the owning side only; touching the collections would load them
            c.parent = dest;
          }
        }
        tx.commit();
        return moving.size();
      }

      @Override
      public void close() {
        s.close();
      }
    };
  }
}
