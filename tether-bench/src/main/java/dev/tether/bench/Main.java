package dev.tether.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark command ({@code ./bench} at the repository root runs it):
 *
 * <pre>
 * Main --profile smoke|full --db sqlite,postgresql,mariadb --out results.json
 *      [--impl raw,tether,hibernate] [--workloads W1,W5] [--work-dir DIR]
 * </pre>
 *
 * Writes the JSON records, a markdown report next to them ({@code results.md}) and one SVG chart
 * per workload ({@code results-W1.svg}, ...). Exits 1 when any checksum differs between contenders.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parse(args);
    Profile profile = Profile.named(opts.getOrDefault("profile", "smoke"));
    List<Db> dbs = new ArrayList<>();
    for (String d : opts.getOrDefault("db", "sqlite").split(",")) {
      dbs.add(Db.of(d));
    }
    List<Impl> impls = new ArrayList<>();
    for (String i : opts.getOrDefault("impl", "raw,tether,hibernate").split(",")) {
      impls.add(Impl.of(i));
    }
    List<String> only =
        opts.containsKey("workloads") ? Arrays.asList(opts.get("workloads").split(",")) : List.of();
    Path out = Path.of(opts.getOrDefault("out", "bench-results.json")).toAbsolutePath();
    Path workDir =
        opts.containsKey("work-dir")
            ? Path.of(opts.get("work-dir"))
            : Files.createTempDirectory("tether-bench");
    Files.createDirectories(workDir);

    Map<String, String> environment = environment(profile);
    List<Result> results = new ArrayList<>();
    List<Runner.Skip> skipped = new ArrayList<>();
    long start = System.nanoTime();
    for (Db db : dbs) {
      try (Env env = Env.open(db, workDir)) {
        environment.put(db.label(), describe(env));
        System.out.println("[bench] " + db.label() + ": " + environment.get(db.label()));
        Runner runner = new Runner(env, profile, impls, System.out);
        results.addAll(runner.run(only));
        skipped.addAll(runner.skipped());
      }
      // written after every database, so an interrupted run keeps the databases it finished
      environment.put("run time", String.format("%.1f min", (System.nanoTime() - start) / 60e9));
      write(out, new Report(results, environment, profile.workloads(), skipped), profile);
    }
    if (results.stream().anyMatch(r -> !r.checksumOk())) {
      System.err.println("[bench] CHECKSUM MISMATCH: the contenders did not do the same work");
      System.exit(1);
    }
  }

  private static void write(Path out, Report report, Profile profile) throws IOException {
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.json());
    String base = out.getFileName().toString().replaceFirst("\\.json$", "");
    Files.writeString(
        out.resolveSibling(base + ".md"), report.markdown(w -> base + "-" + w + ".svg"));
    for (Workload w : profile.workloads()) {
      String svg = report.chart(w);
      if (svg != null) {
        Files.writeString(out.resolveSibling(base + "-" + w.id() + ".svg"), svg);
      }
    }
    System.out.println("[bench] wrote " + out + ", " + base + ".md and the charts");
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "usage: --profile smoke|full --db sqlite,postgresql,mariadb --out FILE.json"
                + " [--impl raw,tether,hibernate] [--workloads W1,W2] [--work-dir DIR]");
      }
      opts.put(args[i].substring(2), args[++i]);
    }
    return opts;
  }

  private static Map<String, String> environment(Profile profile) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(
        "profile",
        profile.name()
            + " ("
            + profile.warmup()
            + " warm-up, "
            + profile.measured()
            + " measured iterations, median)");
    env.put("cpu", cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
    env.put(
        "jvm",
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + ", heap "
            + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MiB, "
            + String.join(
                " ",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
    env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    env.put(
        "hibernate",
        org.hibernate.Version.getVersionString()
            + " (batch_size 1000, order_inserts/updates, pooled sequences of 1000)");
    return env;
  }

  private static String cpu() throws IOException {
    Path info = Path.of("/proc/cpuinfo");
    if (Files.isReadable(info)) {
      for (String line : Files.readAllLines(info)) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    }
    return System.getProperty("os.arch");
  }

  private static String describe(Env env) throws Exception {
    try (Connection c = env.data().uncounted().getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      return md.getDatabaseProductName()
          + " "
          + md.getDatabaseProductVersion()
          + ", driver "
          + md.getDriverVersion()
          + ", URL "
          + md.getURL()
              .replaceAll("password=[^&]*", "password=***")
              .replaceAll("jdbc:sqlite:[^?]*/", "jdbc:sqlite:<work-dir>/");
    }
  }
}
