package dev.tether.mapping;

import dev.tether.Model;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Compiles many small groups of model sources in one in-process {@code javac} call (no annotation
 * processor: what {@code Registry.of} sees alone) and loads them. Each group lives in a package of
 * its own, so that groups may reuse class names; a group javac rejects is dropped and the others
 * are compiled again without it, so one bad group costs one extra call, not the batch.
 */
final class InProcessCompiler {
  /** javac in this JVM, as {@code java.util.spi.ToolProvider} offers it to code in any module. */
  private static final ToolProvider JAVAC =
      ToolProvider.findFirst("javac").orElseThrow(() -> new IllegalStateException("no javac"));

  /** {@code File.java:12: error: message}, as javac prints an error. */
  private static final Pattern ERROR = Pattern.compile("(?m)^(.+\\.java):\\d+: error: (.*)$");

  /** One compilation unit of group {@code pkg}: its top-level type's simple name and its text. */
  record Unit(String pkg, String type, String text) {}

  /** A batch's outcome: the loader of what compiled, and the rejected groups with javac's words. */
  record Batch(URLClassLoader loader, Map<String, String> rejected, Path classes)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        loader.close();
        try (Stream<Path> files = Files.walk(classes)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private InProcessCompiler() {}

  /** Compiles {@code units}, grouped by package; groups javac rejects are left out. */
  static Batch compile(List<Unit> units) {
    Map<String, String> rejected = new LinkedHashMap<>();
    Path classes;
    try {
      classes = Files.createTempDirectory("tether-malformed");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Unit> todo = new ArrayList<>(units);
    while (!todo.isEmpty()) {
      Map<String, String> errors = run(todo, classes);
      if (errors.isEmpty()) {
        break;
      }
      rejected.putAll(errors);
      todo.removeIf(u -> errors.containsKey(u.pkg()));
    }
    try {
      URLClassLoader loader =
          new URLClassLoader(
              new URL[] {classes.toUri().toURL()}, InProcessCompiler.class.getClassLoader());
      return new Batch(loader, rejected, classes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One javac call; the groups with errors, each with its first error, or none. */
  private static Map<String, String> run(List<Unit> units, Path classes) {
    try {
      Path sources = Files.createTempDirectory("tether-malformed-src");
      List<String> args =
          new ArrayList<>(
              List.of(
                  "-proc:none",
                  "-nowarn",
                  "-encoding",
                  "UTF-8",
                  "-d",
                  classes.toString(),
                  "-cp",
                  location(Model.class).toString()));
      Map<String, String> packageOf = new LinkedHashMap<>();
      for (Unit u : units) {
        Path file = sources.resolve(u.pkg().replace('.', '/')).resolve(u.type() + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, u.text());
        args.add(file.toString());
        packageOf.put(file.toString(), u.pkg());
      }
      StringWriter out = new StringWriter();
      int status;
      try (PrintWriter print = new PrintWriter(out)) {
        status = JAVAC.run(print, print, args.toArray(String[]::new));
      }
      try (Stream<Path> files = Files.walk(sources)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      Map<String, String> errors = new LinkedHashMap<>();
      Matcher m = ERROR.matcher(out.toString());
      while (m.find()) {
        String pkg = packageOf.get(m.group(1));
        if (pkg != null) {
          errors.putIfAbsent(pkg, m.group(2));
        }
      }
      if (status != 0 && errors.isEmpty()) {
        throw new IllegalStateException("javac failed without naming a source:\n" + out);
      }
      return errors;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The packages of {@code units}, in order. */
  static Set<String> packages(List<Unit> units) {
    Set<String> all = new LinkedHashSet<>();
    units.forEach(u -> all.add(u.pkg()));
    return all;
  }

  private static Path location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
