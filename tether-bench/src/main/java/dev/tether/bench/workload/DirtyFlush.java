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
import java.util.List;

/**
 * W5: n children are loaded into one session (untimed); the timed part changes {@code val} on a
 * fraction of them (every value really changes) and commits. {@code f0} changes nothing and so
 * measures the pure cost of a flush over n managed objects. The raw contender updates exactly the
 * changed rows with a JDBC batch.
 */
public final class DirtyFlush extends Workload {
  private static final int CHILDREN = 10;

  @Override
  public String id() {
    return "W5";
  }

  @Override
  public String title() {
    return "dirty update flush (f = fraction of the n loaded children changed)";
  }

  @Override
  public List<String> variants() {
    return List.of("f0", "f10", "f100");
  }

  @Override
  public String scaleUnit() {
    return "loaded children";
  }

  @Override
  public String opUnit() {
    return "row (f0: object checked)";
  }

  @Override
  public void seed(Env env, String variant, int n) throws Exception {
    env.seed(Math.max(1, n / CHILDREN), i -> CHILDREN);
  }

  private static int every(String variant) {
    return switch (variant) {
      case "f0" -> 0;
      case "f10" -> 10;
      case "f100" -> 1;
      default -> throw new IllegalArgumentException(variant);
    };
  }

  /** Chosen by key, so every contender changes the same rows whatever order it loaded them in. */
  private static boolean changes(long id, int every) {
    return every != 0 && id % every == 0;
  }

  @Override
  public long ops(String variant, int n) {
    int size = Math.max(1, n / CHILDREN) * CHILDREN;
    int every = every(variant);
    return every == 0 ? size : size / every;
  }

  @Override
  public Trial prepare(Impl impl, Env env, String variant, int n) throws Exception {
    long parents = Math.max(1, n / CHILDREN);
    int every = every(variant);
    return switch (impl) {
      case RAW -> {
        Connection c = Loaded.rawTransaction(env);
        List<RChild> rows = Loaded.raw(c, 1, parents);
        yield new Trial() {
          @Override
          public long run() throws Exception {
            int changed = 0;
            for (RChild ch : rows) {
              changed += changes(ch.id, every) ? 1 : 0;
            }
            long[] ids = new long[changed];
            long[] vals = new long[changed];
            int i = 0;
            for (RChild ch : rows) {
              if (changes(ch.id, every)) {
                ch.val++;
                ids[i] = ch.id;
                vals[i++] = ch.val;
              }
            }
            if (changed > 0) {
              RawSql.updateBatched(c, "val", ids, vals);
            }
            c.commit();
            return changed;
          }

          @Override
          public void close() throws java.sql.SQLException {
            Loaded.end(c);
          }
        };
      }
      case TETHER -> {
        Session s = env.tether().session();
        List<TChild> rows = Loaded.tether(s, 1, parents);
        yield new Trial() {
          @Override
          public long run() {
            int changed = 0;
            for (var ch : rows) {
              if (changes(ch.id, every)) {
                ch.val++;
                changed++;
              }
            }
            s.commit();
            return changed;
          }

          @Override
          public void close() {
            s.close();
          }
        };
      }
      case HIBERNATE -> {
        org.hibernate.Session s = env.hibernate().openSession();
        var tx = s.beginTransaction();
        List<HChild> rows = Loaded.hibernate(s, 1, parents);
        yield new Trial() {
          @Override
          public long run() {
            int changed = 0;
            for (var ch : rows) {
              if (changes(ch.id, every)) {
                ch.val++;
                changed++;
              }
            }
            tx.commit();
            return changed;
          }

          @Override
          public void close() {
            s.close();
          }
        };
      }
    };
  }
}
