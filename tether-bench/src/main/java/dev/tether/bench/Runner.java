package dev.tether.bench;

import dev.tether.bench.jdbc.Counters;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs a profile on one database: for every workload variant and scale point, every contender
 * {@code warmup + measured} times, the contenders interleaved (the order rotates per iteration) so
 * drift on a noisy machine spreads over all of them. Each iteration starts from a freshly emptied
 * and seeded database (seeded once per point for a workload that {@linkplain Workload#readsOnly
 * only reads}); only {@link Trial#run} is timed and counted.
 */
public final class Runner {
  private final Env env;
  private final Profile profile;
  private final List<Impl> impls;
  private final PrintStream log;

  public Runner(Env env, Profile profile, List<Impl> impls, PrintStream log) {
    this.env = env;
    this.profile = profile;
    this.impls = impls;
    this.log = log;
  }

  /**
   * A contender left out at a scale point because the growth of the contenders predicted runs over
   * the profile's budget: reported as such, never as a number. A point runs for every contender or
   * for none, so that every number has its baseline and its peers.
   */
  public record Skip(
      String workload, String variant, String db, int n, String impl, double estimatedSeconds) {}

  private final List<Skip> skipped = new ArrayList<>();

  public List<Skip> skipped() {
    return skipped;
  }

  public List<Result> run(List<String> only) throws Exception {
    List<Result> out = new ArrayList<>();
    for (Workload w : profile.workloads()) {
      if (!only.isEmpty() && !only.contains(w.id())) {
        continue;
      }
      for (String variant : w.variants()) {
        List<Result> series = new ArrayList<>();
        for (int n : profile.scale(w, variant)) {
          double[] estimates = new double[impls.size()];
          for (int i = 0; i < impls.size(); i++) {
            estimates[i] = estimate(series, impls.get(i), n);
          }
          int rounds = profile.warmup() + profile.measured();
          // all or none: a point never has a ratio without its baseline
          boolean skip = overBudget(estimates, rounds, profile.budgetSeconds());
          if (skip) {
            double total = predicted(estimates, rounds);
            for (int i = 0; i < impls.size(); i++) {
              skipped.add(
                  new Skip(
                      w.id(), variant, env.db().label(), n, impls.get(i).label(), estimates[i]));
              log.printf(
                  Locale.ROOT,
                  "%-3s %-9s %-10s n=%-8d %-9s skipped: its growth predicts %.0f s per run; all"
                      + " contenders' runs together, %.0f s, exceed the %s profile's budget of %.0f"
                      + " s per contender and point%n",
                  w.id(),
                  variant,
                  env.db().label(),
                  n,
                  impls.get(i).label(),
                  estimates[i],
                  total,
                  profile.name(),
                  profile.budgetSeconds());
            }
          }
          List<Result> rs = skip ? List.of() : point(w, variant, n, impls);
          series.addAll(rs);
          out.addAll(rs);
        }
      }
    }
    return out;
  }

  /**
   * Whether a point is skipped for every contender: their predicted seconds per run, times the runs
   * each makes, add up to more than the budget per contender times the number of contenders.
   */
  static boolean overBudget(double[] secondsPerRun, int rounds, double budgetSeconds) {
    return predicted(secondsPerRun, rounds) > budgetSeconds * secondsPerRun.length;
  }

  /** Seconds all contenders' runs at a point are predicted to take together. */
  private static double predicted(double[] secondsPerRun, int rounds) {
    return Arrays.stream(secondsPerRun).sum() * rounds;
  }

  /**
   * Seconds one run of {@code impl} at {@code n} should take, extrapolated from its last two scale
   * points (linear growth when there is only one); 0 when there is none.
   */
  static double estimate(List<Result> series, Impl impl, int n) {
    List<Result> mine = new ArrayList<>();
    for (Result r : series) {
      if (r.impl().equals(impl.label())) {
        mine.add(r);
      }
    }
    if (mine.isEmpty()) {
      return 0;
    }
    Result last = mine.get(mine.size() - 1);
    double e = 1;
    if (mine.size() >= 2) {
      Result prev = mine.get(mine.size() - 2);
      e = Math.log(last.seconds() / prev.seconds()) / Math.log((double) last.n() / prev.n());
    }
    return last.seconds() * Math.pow((double) n / last.n(), Math.max(0, e));
  }

  /** The given contenders at one scale point. */
  public List<Result> point(Workload w, String variant, int n, List<Impl> impls) throws Exception {
    int rounds = profile.warmup() + profile.measured();
    int k = impls.size();
    if (k == 0) {
      return List.of();
    }
    double[][] times = new double[k][profile.measured()];
    Counters.Snapshot[] counts = new Counters.Snapshot[k];
    boolean[] stable = new boolean[k];
    Arrays.fill(stable, true);
    long[] checksums = new long[k];
    long[] bytes = new long[k];
    Arrays.fill(bytes, -1);
    long seeded = 0;
    if (w.readsOnly()) {
      env.empty();
      w.seed(env, variant, n);
      seeded = env.checksum();
    }
    for (int round = 0; round < rounds; round++) {
      for (int step = 0; step < k; step++) {
        int i = (step + round) % k;
        Impl impl = impls.get(i);
        if (!w.readsOnly()) {
          env.empty();
          w.seed(env, variant, n);
        }
        Counters.Snapshot c;
        long result;
        double seconds;
        long perEntity;
        try (Trial trial = w.prepare(impl, env, variant, n)) {
          System.gc();
          Counters counters = env.data().counters();
          counters.reset();
          long t0 = System.nanoTime();
          result = trial.run();
          seconds = (System.nanoTime() - t0) / 1e9;
          c = counters.snapshot();
          perEntity = trial.bytesPerEntity();
        }
        long state = w.readsOnly() ? seeded : env.checksum();
        long sum = Env.mix(state ^ Env.mix(result));
        int m = round - profile.warmup();
        if (m >= 0) {
          times[i][m] = seconds;
          if (counts[i] != null && !counts[i].equals(c)) {
            stable[i] = false;
          }
          counts[i] = c;
          checksums[i] = sum;
          if (perEntity >= 0) {
            bytes[i] = bytes[i] < 0 ? perEntity : Math.min(bytes[i], perEntity);
          }
        }
      }
    }
    boolean same = Arrays.stream(checksums).distinct().count() == 1;
    List<Result> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      double[] t = times[i].clone();
      Arrays.sort(t);
      Result r =
          new Result(
              w.id(),
              env.db().label(),
              n,
              impls.get(i).label(),
              variant,
              median(t),
              t[0],
              t[t.length - 1],
              t.length,
              w.ops(variant, n),
              counts[i],
              stable[i],
              checksums[i],
              same,
              bytes[i]);
      out.add(r);
      log.printf(
          Locale.ROOT,
          "%-3s %-9s %-10s n=%-8d %-9s %10.4f s  %12.0f ops/s  %7d stmts %5d batches %6d"
              + " selects %8d rows read%s%s%n",
          r.workload(),
          r.variant(),
          r.db(),
          n,
          r.impl(),
          r.seconds(),
          r.opsPerSecond(),
          r.counts().statements(),
          r.counts().batches(),
          r.counts().selects(),
          r.counts().rowsRead(),
          same ? "" : "  CHECKSUM MISMATCH",
          stable[i] ? "" : "  (counts varied)");
    }
    return out;
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
