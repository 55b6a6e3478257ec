package dev.tether.bench;

import dev.tether.bench.workload.CascadeDelete;
import dev.tether.bench.workload.DirtyFlush;
import dev.tether.bench.workload.GraphInsert;
import dev.tether.bench.workload.MoveChildren;
import dev.tether.bench.workload.ParentsWithChildren;
import dev.tether.bench.workload.PkLookup;
import dev.tether.bench.workload.SmallTransactions;
import dev.tether.bench.workload.Streaming;
import java.util.List;
import java.util.Map;

/**
 * How much to run: warm-up and measured iterations, and the scale points of each workload variant
 * ({@code "W4"} for all of a workload's variants, {@code "W4/hit"} for one).
 *
 * @param name {@code smoke}, {@code full} or {@code ci}
 * @param warmup untimed iterations per contender and scale point
 * @param measured timed iterations; the report quotes their median
 * @param budgetSeconds seconds per contender and scale point: when the contenders' growth predicts
 *     more than this times their number for all iterations of a point, the point is skipped for all
 *     of them (and reported as skipped), so superlinear growth cannot stall the run and no point
 *     has a ratio without its baseline
 */
public record Profile(
    String name,
    int warmup,
    int measured,
    double budgetSeconds,
    List<Workload> workloads,
    Map<String, int[]> scales) {

  /** The scale points of {@code workload}/{@code variant}. */
  public int[] scale(Workload workload, String variant) {
    int[] s = scales.get(workload.id() + "/" + variant);
    return s != null ? s : scales.getOrDefault(workload.id(), new int[0]);
  }

  public static Profile named(String name) {
    return switch (name) {
      case "smoke" -> smoke();
      case "full" -> full();
      case "ci" -> ci();
      default -> throw new IllegalArgumentException("unknown profile " + name + ": smoke|full|ci");
    };
  }

  /** About ten minutes on SQLite: two scale points per workload, 1 warm-up, 3 measured. */
  static Profile smoke() {
    return new Profile(
        "smoke",
        1,
        3,
        120,
        workloads(1_000_000, 1000),
        Map.of(
            "W1", new int[] {1000, 10_000},
            "W2", new int[] {100, 1000},
            "W3", new int[] {10_000, 100_000},
            "W4/miss", new int[] {1000, 10_000},
            "W4/hit", new int[] {10_000, 100_000},
            "W5", new int[] {1000, 10_000},
            "W6", new int[] {10, 1000, 10_000},
            "W7", new int[] {100, 1000},
            "W8", new int[] {300, 1000}));
  }

  /**
   * Three scale points per workload (1M rows in W3 and W4 hit, 100k-child collections in W6), 2
   * warm-up and 3 measured iterations: about 15–25 minutes per database on a 2-core machine.
   */
  static Profile full() {
    return new Profile(
        "full",
        2,
        3,
        120,
        workloads(1_000_000, 1000),
        Map.of(
            "W1", new int[] {1000, 10_000, 100_000},
            "W2", new int[] {100, 1000, 10_000},
            "W3", new int[] {10_000, 100_000, 1_000_000},
            "W4/miss", new int[] {1000, 10_000, 100_000},
            "W4/hit", new int[] {10_000, 100_000, 1_000_000},
            "W5", new int[] {1000, 10_000, 100_000},
            "W6", new int[] {10, 1000, 10_000, 100_000},
            "W7", new int[] {100, 1000, 10_000},
            "W8", new int[] {100, 1000, 3000}));
  }

  /** The deterministic CI check: tiny sizes, one iteration, no timing used. */
  public static Profile ci() {
    return new Profile(
        "ci",
        0,
        1,
        Double.MAX_VALUE,
        workloads(1000, 20),
        Map.of(
            "W1", new int[] {20},
            "W2", new int[] {5},
            "W3", new int[] {30},
            "W4", new int[] {50},
            "W5", new int[] {50},
            "W6", new int[] {10, 40},
            "W7", new int[] {5},
            "W8", new int[] {3}));
  }

  static List<Workload> workloads(int hits, int moves) {
    return List.of(
        new GraphInsert(),
        new ParentsWithChildren(),
        new Streaming(),
        new PkLookup(hits),
        new DirtyFlush(),
        new MoveChildren(moves),
        new CascadeDelete(),
        new SmallTransactions());
  }
}
