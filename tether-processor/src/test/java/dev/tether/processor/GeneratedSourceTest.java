package dev.tether.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated metamodel as text: stable from one build to the next, and readable. */
class GeneratedSourceTest {

  @Test
  void twoCompilationsOfTheSameSourcesWriteTheSameFilesByteForByte() {
    Compilation first = Compilation.ofDirectory(ModelIndexTest.LIBRARY);
    Compilation second = Compilation.ofDirectory(ModelIndexTest.LIBRARY);
    Map<String, String> generated = first.generatedSources();
    assertThat(generated)
        .containsOnlyKeys(
            "dev/tether/processor/library/Address_.java",
            "dev/tether/processor/library/Author_.java",
            "dev/tether/processor/library/Book_.java",
            "dev/tether/processor/library/Geo_.java",
            "dev/tether/processor/library/Publisher_.java",
            "dev/tether/processor/library/Shelf_Slot_.java",
            "dev/tether/processor/library/tags/Tag_.java");
    assertThat(second.generatedSources()).isEqualTo(generated);
  }

  @Test
  void theMetamodelOfABackrefTargetReadsAsWritten() {
    Compilation c = Compilation.ofDirectory(ModelIndexTest.LIBRARY);
    assertThat(c.generatedSource("dev.tether.processor.library.Author_"))
        .isEqualTo(Compilation.read(Path.of("src/test/resources/expected/Author_.java.txt")));
  }

  @Test
  void theMetamodelOfAnEmbeddableReadsAsWritten() {
    Compilation c = Compilation.ofDirectory(ModelIndexTest.LIBRARY);
    assertThat(c.generatedSource("dev.tether.processor.library.Address_"))
        .isEqualTo(Compilation.read(Path.of("src/test/resources/expected/Address_.java.txt")));
  }
}
