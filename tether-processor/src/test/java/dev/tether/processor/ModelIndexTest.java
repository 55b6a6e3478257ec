package dev.tether.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.MappingException;
import dev.tether.Registry;
import dev.tether.processor.library.Author;
import dev.tether.processor.library.Book;
import dev.tether.processor.library.Draft;
import dev.tether.processor.library.Publisher;
import dev.tether.processor.library.Shelf;
import dev.tether.processor.library.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model index the processor writes, and {@code Registry.scan()} reading it. */
class ModelIndexTest {
  static final Path LIBRARY = Path.of("src/test/java/dev/tether/processor/library");

  @Test
  void theIndexListsTheMappedClassesByBinaryNameSorted() throws IOException {
    try (InputStream in =
        ModelIndexTest.class.getClassLoader().getResourceAsStream("META-INF/tether/models")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo(
              "dev.tether.processor.library.Author\n"
                  + "dev.tether.processor.library.Book\n"
                  + "dev.tether.processor.library.Publisher\n"
                  + "dev.tether.processor.library.Shelf$Slot\n"
                  + "dev.tether.processor.library.tags.Tag\n");
    }
  }

  @Test
  void scanConfiguresEveryIndexedModelAndNothingElse() {
    Registry models = Registry.scan();
    for (Class<?> c :
        List.of(Author.class, Book.class, Publisher.class, Shelf.Slot.class, Tag.class)) {
      assertThat(models.contains(c)).as(c.getName()).isTrue();
    }
    assertThat(models.contains(Draft.class)).isFalse(); // @SuppressWarnings("tether")
  }

  @Test
  void scanWithoutAnIndexSaysHowToGetOne() throws IOException {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      thread.setContextClassLoader(empty);
      assertThatThrownBy(Registry::scan)
          .isInstanceOf(MappingException.class)
          .hasMessage(
              "Registry.scan() found no model index (META-INF/tether/models) on the class path."
                  + " The index is written by Tether's annotation processor when it compiles the"
                  + " models: add dev.tether:tether-processor to the compiler's"
                  + " annotationProcessorPaths (Maven) or -processorpath (javac), or list the models"
                  + " yourself with Registry.of(Parent.class, Child.class, ...).");
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  @Test
  void anIncrementalCompilationMergesItsModelsIntoTheExistingIndex() throws IOException {
    Compilation full = Compilation.ofDirectory(LIBRARY);
    assertThat(full.problems()).isEmpty();
    // recompile Tag alone into the same output, the other classes on the class path
    Compilation tagOnly =
        Compilation.into(full.classes, Compilation.read(LIBRARY.resolve("tags/Tag.java")));
    assertThat(tagOnly.problems()).isEmpty();
    assertThat(Files.readString(full.classes.resolve("META-INF/tether/models")))
        .isEqualTo(
            "dev.tether.processor.library.Author\n"
                + "dev.tether.processor.library.Book\n"
                + "dev.tether.processor.library.Publisher\n"
                + "dev.tether.processor.library.Shelf$Slot\n"
                + "dev.tether.processor.library.tags.Tag\n");
  }
}
