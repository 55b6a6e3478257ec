package dev.tether.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.zaxxer.hikari.HikariDataSource;
import dev.tether.Model;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's named module with tether-core and tether-jackson on the module path: the module named
 * {@code dev.tether.jackson} (its jar's {@code Automatic-Module-Name}) reaches the two internal
 * packages tether-core exports to it alone, and writes and reads a pair. The rest of the suite runs
 * on the class path.
 */
class ModulePathTest {
  @TempDir Path dir;

  static final String MODULE_INFO =
      """
      module app {
        requires dev.tether;
        requires dev.tether.jackson;
        requires tools.jackson.databind;
        opens app to dev.tether;
      }
      """;

  static final String MAIN =
      """
      package app;

      import dev.tether.*;
      import dev.tether.jackson.TetherModule;
      import tools.jackson.databind.json.JsonMapper;

      public class Main {
        @Table("p")
        public static class P extends Model {
          @Id public Integer id;
          @Relationship(backPopulates = "p") public final Many<C> cs = many();
        }

        @Table("c")
        public static class C extends Model {
          @Id public Integer id;
          @ForeignKey("p.id") public Integer pId;
          @Relationship(backPopulates = "cs") public final One<P> p = one();
        }

        public static void main(String[] args) {
          JsonMapper json =
              JsonMapper.builder().addModule(TetherModule.of(Registry.of(P.class, C.class))).build();
          P p = new P();
          p.id = 1;
          C c = new C();
          c.id = 2;
          c.p.set(p);
          System.out.println(json.writeValueAsString(p));
          System.out.println("pId=" + json.readValue("{\\"id\\":5,\\"p\\":1}", C.class).pId);
        }
      }
      """;

  @Test
  void aUserModuleWritesAndReadsThroughTheModule() throws Exception {
    List<Path> modulePath = new ArrayList<>();
    modulePath.add(location(Model.class));
    modulePath.add(jacksonModuleJar());
    modulePath.add(location(JsonMapper.class));
    modulePath.add(location(JsonParser.class));
    modulePath.add(location(JsonFormat.class));
    modulePath.add(location(Logger.class));
    modulePath.add(location(HikariDataSource.class));
    Path classes = compile(modulePath);
    modulePath.add(classes);
    Process run =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path",
                modulePath.stream()
                    .map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator)),
                "--module",
                "app/app.Main")
            .redirectErrorStream(true)
            .start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).as(output).isZero();
    assertThat(output).contains("{\"id\":1,\"cs\":[{\"id\":2,\"pId\":null,\"p\":1}]}\npId=1");
  }

  /**
   * This module's classes as the jar Maven builds: under {@code mvn test} they are a directory,
   * which the module path would name {@code classes}, not {@code dev.tether.jackson}.
   */
  private Path jacksonModuleJar() throws IOException, URISyntaxException {
    Path classes = location(TetherModule.class);
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Automatic-Module-Name", "dev.tether.jackson");
    Path jar = dir.resolve("tether-jackson.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out, manifest);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        j.putNextEntry(
            new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
        j.write(Files.readAllBytes(f));
        j.closeEntry();
      }
    }
    return jar;
  }

  private Path compile(List<Path> modulePath) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/app"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<Path> files =
        List.of(
            Files.writeString(dir.resolve("src/module-info.java"), MODULE_INFO),
            Files.writeString(src.resolve("Main.java"), MAIN));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, null)) {
      fm.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      fm.setLocationFromPaths(StandardLocation.MODULE_PATH, modulePath);
      javac
          .getTask(
              null,
              fm,
              diagnostics,
              List.of("-proc:none"),
              null,
              fm.getJavaFileObjectsFromPaths(files))
          .call();
    }
    assertThat(diagnostics.getDiagnostics()).as("the user's module compiles cleanly").isEmpty();
    return classes;
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
