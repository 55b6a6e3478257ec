package dev.tether.processor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/tether/models}, the model index that {@code Registry.scan()} reads: the
 * binary names of the compilation's mapped classes, one per line, sorted.
 *
 * <p>An incremental build compiles only the changed sources, so the index already in the output
 * directory is merged in: its entries stay unless {@code stillModel} says the class is gone or is
 * no longer a model.
 */
final class ModelIndexWriter {
  /** The resource {@code Registry.scan()} reads. */
  static final String RESOURCE = dev.tether.mapping.ModelIndex.RESOURCE;

  private ModelIndexWriter() {}

  /** Writes the index of {@code models} merged with the existing one; nothing if both are empty. */
  static void write(Filer filer, Set<String> models, Predicate<String> stillModel)
      throws IOException {
    Set<String> all = new TreeSet<>(models);
    for (String old : existing(filer)) {
      if (!models.contains(old) && stillModel.test(old)) {
        all.add(old);
      }
    }
    if (all.isEmpty()) {
      return;
    }
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", RESOURCE);
    try (Writer out = file.openWriter()) {
      for (String name : all) {
        out.write(name);
        out.write('\n');
      }
    }
  }

  /** The entries of the index left by an earlier build, if any. */
  private static Set<String> existing(Filer filer) {
    Set<String> names = new TreeSet<>();
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", RESOURCE);
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(file.openInputStream(), StandardCharsets.UTF_8))) {
        in.lines()
            .map(String::trim)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .forEach(names::add);
      }
    } catch (IOException | IllegalArgumentException e) {
      // no earlier index: a clean build
    }
    return names;
  }
}
