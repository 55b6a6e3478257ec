package dev.tether;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.tether.shape.Alone;
import dev.tether.shape.Ping;
import dev.tether.shape.Pong;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@link CodeShape} measures for {@link ArchitectureTest}, on three fixture classes. */
class CodeShapeTest {
  static final JavaClasses FIXTURES =
      new ClassFileImporter().importPackagesOf(Ping.class, Pong.class, Alone.class);

  @Test
  void findsTheCycleInsideAPackageAndNothingElse() {
    assertThat(CodeShape.classCycles(FIXTURES))
        .isEqualTo(Map.of("dev.tether.shape", Set.of(Set.of("Ping", "Pong"))));
  }

  @Test
  void findsAFieldReadFromAnotherClassButNotConstantsNorNestedClasses() {
    assertThat(CodeShape.foreignFieldAccesses(FIXTURES, "dev.tether.shape"))
        .containsExactlyInAnyOrder("Pong → Ping.count", "Alone → Pong.seen");
  }

  @Test
  void readsTheCoreModuleDescriptor() {
    assertThat(CodeShape.coreModule().name()).isEqualTo("dev.tether");
  }

  @Test
  void countsTheLinesOfEveryModulesMainSources() {
    Map<String, Long> lines = CodeShape.mainSourceLines(CodeShape.repositoryRoot());
    assertThat(lines).containsKeys("tether-core/src/main/java/module-info.java");
    assertThat(lines.keySet()).anyMatch(p -> p.startsWith("tether-processor/src/main/java/"));
  }
}
