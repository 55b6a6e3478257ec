package dev.tether.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.tether.Model;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.sqlite.JDBC;

/**
 * A user's named module against tether-core on the module path: it compiles against the API (the
 * root package, the query builder, the metamodel the processor generates) and runs; the internal
 * packages are out of its reach, a compile error. The rest of the suite runs on the class path.
 */
class ModulePathTest {
  @TempDir Path dir;

  static final String MODULE_INFO =
      """
      module shop {
        requires dev.tether;
        opens shop to dev.tether; // Tether reads and writes the mapped fields
      }
      """;

  static final String PARENT =
      """
      package shop;

      import dev.tether.*;

      @Table("parent")
      public class Parent extends Model {
        @Id public Integer id;
        public String name;

        @Relationship(backPopulates = "parent")
        public final Many<Child> children = many();

        public Parent() {}

        public Parent(String name) {
          this.name = name;
        }
      }
      """;

  static final String CHILD =
      """
      package shop;

      import dev.tether.*;

      @Table("child")
      public class Child extends Model {
        @Id public Integer id;
        public String name;

        @ForeignKey("parent.id")
        public Integer parentId;

        @Relationship(backPopulates = "children")
        public final One<Parent> parent = one();

        public Child() {}

        public Child(String name) {
          this.name = name;
        }
      }
      """;

  /** Uses the API only: Database, Session, a Select with generated metamodel attributes. */
  static final String MAIN =
      """
      package shop;

      import dev.tether.Database;
      import dev.tether.Registry;
      import dev.tether.Session;
      import dev.tether.query.Load;
      import dev.tether.query.Select;
      import java.util.List;

      public class Main {
        public static void main(String[] args) {
          try (Database db = Database.open("jdbc:sqlite::memory:", Registry.scan())) {
            db.createAll();
            try (Session session = db.session()) {
              Parent p = new Parent("p");
              p.children.add(new Child("a"));
              p.children.add(new Child("b"));
              session.add(p);
              session.commit();
            }
            try (Session session = db.session()) {
              Select<Parent> select =
                  session.select(Parent.class).where(Parent_.name.eq("p"))
                      .options(Load.selectin(Parent_.children));
              List<Parent> found = select.list();
              System.out.println("children=" + found.get(0).children.size()
                  + " parentOf(a)=" + session.select(Child.class).where(Child_.name.eq("a"))
                      .one().parent.get().name);
            }
          }
        }
      }
      """;

  @Test
  void aUserModuleCompilesAgainstTheApiAndRuns() throws Exception {
    Path classes =
        compile(
            Map.of("shop/Parent.java", PARENT, "shop/Child.java", CHILD, "shop/Main.java", MAIN));
    assertThat(classes.resolve("shop/Parent_.class")).as("the generated metamodel").exists();

    List<Path> modulePath = new ArrayList<>(runtimeModules());
    modulePath.add(classes);
    Process run =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path",
                modulePath.stream()
                    .map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator)),
                "--module",
                "shop/shop.Main")
            .redirectErrorStream(true)
            .start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).as(output).isZero();
    assertThat(output).contains("children=2 parentOf(a)=p");
  }

  @Test
  void internalPackagesAreOutOfAUserModulesReach() throws IOException {
    String internals =
        """
        package shop;

        public class Internals {
          dev.tether.session.SessionImpl session;
          dev.tether.attribute.InstanceState state;
          dev.tether.mapping.Metadata metadata;
          dev.tether.query.internal.QueryContext context;
          dev.tether.query.LazyLoader loader;
        }
        """;
    List<String> errors =
        reports(
                Map.of(
                    "shop/Parent.java",
                    PARENT,
                    "shop/Child.java",
                    CHILD,
                    "shop/Internals.java",
                    internals))
            .stream()
            .filter(d -> d.startsWith("ERROR"))
            .toList();

    assertThat(errors)
        .as("one error per internal type, saying why")
        .hasSize(5)
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("Internals.java:4")
                    .contains("package dev.tether.session is not visible"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("Internals.java:5")
                    .contains("package dev.tether.attribute is not visible"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("Internals.java:6")
                    .contains("package dev.tether.mapping is not visible"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("Internals.java:7")
                    .contains("package dev.tether.query.internal is not visible"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("Internals.java:8")
                    .contains("dev.tether.query.LazyLoader is not public in dev.tether.query"));
  }

  /** The core's modules at run time: the core, its requirements, and a JDBC driver. */
  private static List<Path> runtimeModules() {
    return List.of(
        Compilation.location(Model.class),
        Compilation.location(Logger.class),
        Compilation.location(HikariDataSource.class),
        Compilation.location(JDBC.class));
  }

  private Path compile(Map<String, String> sources) throws IOException {
    List<String> reports = new ArrayList<>();
    Path classes = compile(sources, reports);
    assertThat(reports).as("the user's module compiles cleanly").isEmpty();
    return classes;
  }

  private List<String> reports(Map<String, String> sources) throws IOException {
    List<String> reports = new ArrayList<>();
    compile(sources, reports);
    return reports;
  }

  /**
   * Compiles module {@code shop} ({@link #MODULE_INFO} and {@code sources}) with tether-core and
   * its requirements on the module path and the processor on, as a user's build does.
   */
  private Path compile(Map<String, String> sources, List<String> reports) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path generated = Files.createDirectories(dir.resolve("generated"));
    List<Path> files = new ArrayList<>();
    files.add(Files.writeString(src.resolve("module-info.java"), MODULE_INFO));
    for (Map.Entry<String, String> s : sources.entrySet()) {
      Path f = src.resolve(s.getKey());
      Files.createDirectories(f.getParent());
      files.add(Files.writeString(f, s.getValue()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, null)) {
      fm.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      fm.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      fm.setLocationFromPaths(StandardLocation.MODULE_PATH, runtimeModules().subList(0, 3));
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null,
              fm,
              diagnostics,
              List.of("-Xlint:all", "-Xlint:-processing"),
              null,
              fm.getJavaFileObjectsFromPaths(files));
      task.setProcessors(List.of(new TetherProcessor()));
      task.call();
    }
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      String file =
          d.getSource() == null ? "" : Path.of(d.getSource().getName()).getFileName().toString();
      reports.add(
          d.getKind() + " " + file + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
    }
    return classes;
  }
}
