package dev.tether.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.MappingException;
import dev.tether.Model;
import dev.tether.Registry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in process with {@code javax.tools.JavaCompiler}, Tether's classes on the
 * class path and, unless told otherwise, {@link TetherProcessor} on; keeps what javac reported and
 * what it wrote (classes, generated sources, resources) in a temporary directory.
 */
final class Compilation {
  /** One diagnostic: its kind, the file and line it points at, and its message. */
  record Report(Diagnostic.Kind kind, String file, long line, String message) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + kind.toString().toLowerCase(Locale.ROOT) + ": " + message;
    }
  }

  final List<Report> reports;
  final Path classes;
  final Path generated;
  final boolean success;

  private Compilation(List<Report> reports, Path classes, Path generated, boolean success) {
    this.reports = reports;
    this.classes = classes;
    this.generated = generated;
    this.success = success;
  }

  /** Compiles {@code sources} (each a whole compilation unit) with the processor on. */
  static Compilation of(String... sources) {
    return compile(true, sources);
  }

  /** Compiles {@code sources} without any annotation processor: what Registry.of sees alone. */
  static Compilation withoutProcessor(String... sources) {
    return compile(false, sources);
  }

  /** Compiles the {@code .java} files under {@code dir}, with the processor on. */
  static Compilation ofDirectory(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return compile(
          true,
          files
              .filter(f -> f.toString().endsWith(".java"))
              .sorted()
              .map(Compilation::read)
              .toArray(String[]::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Compiles {@code sources} into {@code classes}, an earlier compilation's output, which is also
   * on the class path: what an incremental build does with the changed files.
   */
  static Compilation into(Path classes, String... sources) {
    return compile(true, classes, sources);
  }

  private static Compilation compile(boolean processor, String... sources) {
    return compile(processor, null, sources);
  }

  private static Compilation compile(boolean processor, Path into, String... sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      Path out = Files.createTempDirectory("tether-processor-test");
      Path classes = into != null ? into : Files.createDirectories(out.resolve("classes"));
      Path generated = Files.createDirectories(out.resolve("generated"));
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      files.setLocationFromPaths(
          StandardLocation.CLASS_PATH,
          into != null ? List.of(location(Model.class), into) : List.of(location(Model.class)));
      List<JavaFileObject> units = new ArrayList<>();
      for (String source : sources) {
        units.add(new Source(source));
      }
      List<String> options = new ArrayList<>(List.of("-Xlint:all", "-Xlint:-processing"));
      if (!processor) {
        options.add("-proc:none");
      }
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, options, null, units);
      if (processor) {
        task.setProcessors(List.of(new TetherProcessor()));
      }
      boolean success = task.call();
      List<Report> reports = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        String file =
            d.getSource() == null ? "" : Path.of(d.getSource().getName()).getFileName().toString();
        reports.add(new Report(d.getKind(), file, d.getLineNumber(), d.getMessage(Locale.ROOT)));
      }
      return new Compilation(reports, classes, generated, success);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The directory or jar a class was loaded from (tether-core's, on this test's class path). */
  static Path location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The errors and warnings, as javac prints them. */
  List<Report> problems() {
    return reports.stream()
        .filter(
            r ->
                r.kind() == Diagnostic.Kind.ERROR
                    || r.kind() == Diagnostic.Kind.WARNING
                    || r.kind() == Diagnostic.Kind.MANDATORY_WARNING)
        .toList();
  }

  /** The one error javac reported; fails when there are none or several. */
  Report error() {
    List<Report> errors = reports.stream().filter(r -> r.kind() == Diagnostic.Kind.ERROR).toList();
    assertThat(errors).as("errors of the compilation").hasSize(1);
    return errors.get(0);
  }

  /** Every generated source file, by path relative to the generated-sources directory. */
  Map<String, String> generatedSources() {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> files = Files.walk(generated)) {
      files
          .filter(Files::isRegularFile)
          .forEach(f -> all.put(generated.relativize(f).toString().replace('\\', '/'), read(f)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  /** The generated source of class {@code qualifiedName}. */
  String generatedSource(String qualifiedName) {
    return read(generated.resolve(qualifiedName.replace('.', '/') + ".java"));
  }

  /** A class loader over the compiled classes, with this test's classes (Tether's) as parent. */
  URLClassLoader loader() {
    try {
      return new URLClassLoader(
          new URL[] {classes.toUri().toURL()}, Compilation.class.getClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What {@code Registry.of} throws for the compiled classes {@code names}. */
  MappingException runtimeFailure(String... names) {
    try (URLClassLoader loader = loader()) {
      List<Class<?>> models = new ArrayList<>();
      for (String name : names) {
        models.add(Class.forName(name, true, loader));
      }
      Registry.of(models.toArray(Class<?>[]::new));
    } catch (MappingException e) {
      return e;
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    throw new AssertionError("Registry.of(...) accepted the models");
  }

  /**
   * {@code Registry.of} for the compiled classes {@code names} (the first one's registry), with the
   * loaded classes by name; fails when it throws.
   */
  Map<String, Class<?>> configured(String... names) {
    try (URLClassLoader loader = loader()) {
      Map<String, Class<?>> models = new TreeMap<>();
      for (String name : names) {
        models.put(name, Class.forName(name, true, loader));
      }
      Registry.of(models.values().toArray(Class<?>[]::new));
      return models;
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A compilation unit given as text; its file name comes from its public class. */
  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String text) {
      super(URI.create("string:///" + path(text)), Kind.SOURCE);
      this.text = text;
    }

    private static String path(String text) {
      java.util.regex.Matcher pkg =
          java.util.regex.Pattern.compile("package\\s+([\\w.]+);").matcher(text);
      java.util.regex.Matcher type =
          java.util.regex.Pattern.compile(
                  "(?m)^(?:public\\s+)?(?:final\\s+|abstract\\s+)*(?:class|interface|enum|record)\\s+(\\w+)")
              .matcher(text);
      String name = type.find() ? type.group(1) : "package-info";
      return (pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "") + name + ".java";
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
