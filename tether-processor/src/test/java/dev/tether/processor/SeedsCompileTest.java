package dev.tether.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The seeds' scenarios in Java (the models of README's "The seeds in Java"), and every shared test
 * fixture of tether-core, compile with the processor on without a single error or warning.
 */
class SeedsCompileTest {
  static final Path SEEDS = Path.of("src/test/resources/seeds");

  @Test
  void neitherBackPopulatesNorBackref() {
    assertThat(Compilation.ofDirectory(SEEDS.resolve("neither")).problems()).isEmpty();
  }

  @Test
  void backPopulatesOnBothSides() {
    assertThat(Compilation.ofDirectory(SEEDS.resolve("backpopulates")).problems()).isEmpty();
  }

  @Test
  void backrefOnTheChildAsInSeed002() {
    Compilation c = Compilation.ofDirectory(SEEDS.resolve("backref_on_child"));
    assertThat(c.problems()).isEmpty();
    assertThat(c.generatedSource("seed.backref_on_child.Parent_"))
        .contains("public static Many<Child> children(Parent parent) {");
  }

  @Test
  void backrefOnTheParentAsInSeed001() {
    Compilation c = Compilation.ofDirectory(SEEDS.resolve("backref_on_parent"));
    assertThat(c.problems()).isEmpty();
    assertThat(c.generatedSource("seed.backref_on_parent.Child_"))
        .contains("public static One<Parent> parent(Child child) {");
  }

  @Test
  void everyFixtureOfTetherCore() {
    Compilation c =
        Compilation.ofDirectory(Path.of("../tether-core/src/test/java/dev/tether/fixtures"));
    assertThat(c.problems()).isEmpty();
    assertThat(c.generatedSources()).containsKey("dev/tether/fixtures/Seed_Parent_.java");
  }
}
