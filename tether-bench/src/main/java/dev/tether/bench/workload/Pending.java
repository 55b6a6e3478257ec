package dev.tether.bench.workload;

import java.util.List;

/**
 * Workload variants the harness knows but cannot run yet, each with the reason. They are printed
 * and listed in the report, never timed and never given numbers. When Tether's query API lands
 * (branch {@code query}), each becomes a variant of its workload class.
 */
public final class Pending {
  private Pending() {}

  /** A variant that is not measured, and why. */
  public record Variant(String workload, String variant, String reason) {}

  private static final String QUERY_API =
      "needs Tether's query API (session.select(Parent.class)..., Load.selectin/joined, stream()),"
          + " not merged yet";

  public static final List<Variant> ALL =
      List.of(
          new Variant("W2", "selectin", QUERY_API),
          new Variant("W2", "joined", QUERY_API),
          new Variant("W2", "batched-lazy", QUERY_API),
          new Variant("W3", "tracked", QUERY_API),
          new Variant("W3", "read-only", QUERY_API));
}
