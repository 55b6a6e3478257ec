package dev.tether.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns results into the JSON records and the markdown report: per workload and database the
 * medians, ratios to {@code raw} and to {@code hibernate} from the same run, statement counts, and
 * each contender's growth exponent between consecutive scale points.
 */
public final class Report {
  private final List<Result> results;
  private final Map<String, String> environment;
  private final List<Workload> workloads;
  private final List<Runner.Skip> skipped;

  public Report(
      List<Result> results,
      Map<String, String> environment,
      List<Workload> workloads,
      List<Runner.Skip> skipped) {
    this.results = results;
    this.environment = environment;
    this.workloads = workloads;
    this.skipped = skipped;
  }

  // ---- JSON ------------------------------------------------------------------------------------

  public String json() {
    StringBuilder sb = new StringBuilder("{\n  \"environment\": {");
    int i = 0;
    for (Map.Entry<String, String> e : environment.entrySet()) {
      sb.append(i++ == 0 ? "\n" : ",\n")
          .append("    ")
          .append(quote(e.getKey()))
          .append(": ")
          .append(quote(e.getValue()));
    }
    sb.append("\n  },\n  \"records\": [");
    i = 0;
    for (Result r : results) {
      sb.append(i++ == 0 ? "\n" : ",\n").append("    ").append(record(r));
    }
    sb.append("\n  ],\n  \"skipped\": [");
    i = 0;
    for (Runner.Skip s : skipped) {
      sb.append(i++ == 0 ? "\n" : ",\n")
          .append(
              String.format(
                  Locale.ROOT,
                  "    {\"workload\": %s, \"variant\": %s, \"db\": %s, \"n\": %d, \"impl\": %s,"
                      + " \"estimated_seconds\": %.1f}",
                  quote(s.workload()),
                  quote(s.variant()),
                  quote(s.db()),
                  s.n(),
                  quote(s.impl()),
                  s.estimatedSeconds()));
    }
    return sb.append("\n  ]\n}\n").toString();
  }

  private static String record(Result r) {
    return String.format(
        Locale.ROOT,
        "{\"workload\": %s, \"db\": %s, \"n\": %d, \"impl\": %s, \"variant\": %s,"
            + " \"seconds\": %.6f, \"rows_per_s\": %.1f, \"statements\": %d, \"batches\": %d,"
            + " \"batch_rows\": %d, \"selects\": %d, \"rows_read\": %d, \"ops\": %d,"
            + " \"ns_per_op\": %.1f, \"min_seconds\": %.6f, \"max_seconds\": %.6f,"
            + " \"iterations\": %d, \"checksum\": \"%016x\", \"checksum_ok\": %b,"
            + " \"counts_stable\": %b, \"bytes_per_entity\": %d}",
        quote(r.workload()),
        quote(r.db()),
        r.n(),
        quote(r.impl()),
        quote(r.variant()),
        r.seconds(),
        r.opsPerSecond(),
        r.counts().statements(),
        r.counts().batches(),
        r.counts().batchedRows(),
        r.counts().selects(),
        r.counts().rowsRead(),
        r.ops(),
        r.nanosPerOp(),
        r.minSeconds(),
        r.maxSeconds(),
        r.iterations(),
        r.checksum(),
        r.checksumOk(),
        r.countsStable(),
        r.bytesPerEntity());
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  // ---- markdown --------------------------------------------------------------------------------

  /**
   * The report; {@code chartName} gives the SVG file name of a workload, relative to the report.
   */
  public String markdown(java.util.function.Function<String, String> chartName) {
    StringBuilder sb = new StringBuilder("# Tether benchmark results\n\n");
    sb.append("| environment | |\n| --- | --- |\n");
    environment.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    sb.append(
        "\nTimes are medians of the measured iterations; ratios are time(impl) / time(baseline)"
            + " at the same point of the same run (> 1 is slower). `e` is the growth exponent"
            + " log(t2/t1) / log(n2/n1) from the previous scale point (1 = linear; for W4 hit and"
            + " W6 the operation count is fixed, so flat = 0). Counts are from the last measured"
            + " iteration.\n\n");
    sb.append(summary());
    for (Workload w : workloads) {
      List<Result> rs = results.stream().filter(r -> r.workload().equals(w.id())).toList();
      if (rs.isEmpty()) {
        continue;
      }
      sb.append("\n## ").append(w.id()).append(": ").append(w.title()).append("\n\n");
      sb.append("n = ")
          .append(w.scaleUnit())
          .append("; one op = one ")
          .append(w.opUnit())
          .append(".\n\n");
      sb.append("![").append(w.id()).append("](").append(chartName.apply(w.id())).append(")\n\n");
      for (String db : distinct(rs, Result::db)) {
        sb.append("### ").append(db).append("\n\n");
        sb.append(
            "| variant | n | impl | median s | ops/s | ns/op | × raw | × hibernate | e |"
                + " stmts | batches | selects | rows read | spread | check |\n");
        sb.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Result r : rs) {
          if (!r.db().equals(db)) {
            continue;
          }
          sb.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %d | %s | %.4f | %s | %s | %s | %s | %s | %d | %d | %d | %d | %.0f%% |"
                      + " %s%s |\n",
                  r.variant(),
                  r.n(),
                  r.impl(),
                  r.seconds(),
                  human(r.opsPerSecond()),
                  human(r.nanosPerOp()),
                  ratio(r, "raw"),
                  ratio(r, "hibernate"),
                  exponent(r).map(e -> String.format(Locale.ROOT, "%.2f", e)).orElse(""),
                  r.counts().statements(),
                  r.counts().batches(),
                  r.counts().selects(),
                  r.counts().rowsRead(),
                  100 * (r.maxSeconds() - r.minSeconds()) / r.seconds(),
                  r.checksumOk() ? "ok" : "**MISMATCH**",
                  r.bytesPerEntity() >= 0 ? ", " + r.bytesPerEntity() + " B/entity" : ""));
        }
        sb.append('\n');
      }
    }
    if (!skipped.isEmpty()) {
      sb.append("\n## Skipped: predicted over the profile's time budget\n\n");
      for (Runner.Skip s : skipped) {
        sb.append(
            String.format(
                Locale.ROOT,
                "* %s %s, %s, n = %d, %s: about %.0f s per run predicted from its growth\n",
                s.workload(),
                s.variant(),
                s.db(),
                s.n(),
                s.impl(),
                s.estimatedSeconds()));
      }
    }
    return sb.toString();
  }

  /** Tether's ratios at the largest scale point of every workload variant and database. */
  private String summary() {
    StringBuilder sb = new StringBuilder("## Ratios at the largest scale point\n\n");
    sb.append("| workload | variant | db | n | tether × raw | hibernate × raw |")
        .append(" tether × hibernate | tether e | hibernate e |\n")
        .append("|---|---|---|---:|---:|---:|---:|---:|---:|\n");
    Map<String, Result> largest = new LinkedHashMap<>();
    for (Result r : results) {
      if (r.impl().equals("tether")) {
        String key = r.workload() + "/" + r.variant() + "/" + r.db();
        Result prev = largest.get(key);
        if (prev == null || r.n() > prev.n()) {
          largest.put(key, r);
        }
      }
    }
    for (Result t : largest.values()) {
      Optional<Result> h = find(t, "hibernate");
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %d | %s | %s | %s | %s | %s |\n",
              t.workload(),
              t.variant(),
              t.db(),
              t.n(),
              ratio(t, "raw"),
              h.map(x -> ratio(x, "raw")).orElse(""),
              ratio(t, "hibernate"),
              exponent(t).map(e -> String.format(Locale.ROOT, "%.2f", e)).orElse(""),
              h.flatMap(this::exponent)
                  .map(e -> String.format(Locale.ROOT, "%.2f", e))
                  .orElse("")));
    }
    return sb.toString();
  }

  private Optional<Result> find(Result r, String impl) {
    return results.stream()
        .filter(
            x ->
                x.impl().equals(impl)
                    && x.workload().equals(r.workload())
                    && x.variant().equals(r.variant())
                    && x.db().equals(r.db())
                    && x.n() == r.n())
        .findFirst();
  }

  private String ratio(Result r, String baseline) {
    return find(r, baseline)
        .map(b -> String.format(Locale.ROOT, "%.2f", r.seconds() / b.seconds()))
        .orElse("");
  }

  /** Growth exponent from the next smaller scale point of the same series. */
  Optional<Double> exponent(Result r) {
    Result prev = null;
    for (Result x : results) {
      if (x.impl().equals(r.impl())
          && x.workload().equals(r.workload())
          && x.variant().equals(r.variant())
          && x.db().equals(r.db())
          && x.n() < r.n()
          && (prev == null || x.n() > prev.n())) {
        prev = x;
      }
    }
    if (prev == null) {
      return Optional.empty();
    }
    return Optional.of(
        Math.log(r.seconds() / prev.seconds()) / Math.log((double) r.n() / prev.n()));
  }

  static String human(double v) {
    if (v >= 1e6) {
      return String.format(Locale.ROOT, "%.2fM", v / 1e6);
    }
    if (v >= 1e4) {
      return String.format(Locale.ROOT, "%.1fk", v / 1e3);
    }
    return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
  }

  static <T> List<T> distinct(List<Result> rs, java.util.function.Function<Result, T> key) {
    Set<T> out = new LinkedHashSet<>();
    for (Result r : rs) {
      out.add(key.apply(r));
    }
    return new ArrayList<>(out);
  }

  // ---- charts ----------------------------------------------------------------------------------

  /** One SVG per workload; null when it has no results. */
  public String chart(Workload w) {
    List<Result> rs = results.stream().filter(r -> r.workload().equals(w.id())).toList();
    return rs.isEmpty() ? null : Chart.svg(w, rs);
  }
}
