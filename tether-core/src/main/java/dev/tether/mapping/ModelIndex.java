package dev.tether.mapping;

import dev.tether.MappingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the model indexes that Tether's annotation processor writes ({@code
 * META-INF/tether/models}: one binary class name per line) for {@code Registry.scan()}: every
 * mapped class of every jar or output directory compiled with the processor, without scanning the
 * class path.
 */
public final class ModelIndex {
  /** Where the processor writes the index, relative to a class-path root. */
  public static final String RESOURCE = "META-INF/tether/models";

  private ModelIndex() {}

  /** The classes listed by every index {@code loader} sees, sorted by name, loaded by it. */
  public static List<Class<?>> classes(ClassLoader loader) {
    Set<String> names = new TreeSet<>();
    List<URL> indexes;
    try {
      indexes = Collections.list(loader.getResources(RESOURCE));
      for (URL index : indexes) {
        read(index, names);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
    if (names.isEmpty()) {
      throw new MappingException(
          "no-model-index",
          "Registry.scan() found no model index ("
              + RESOURCE
              + (indexes.isEmpty() ? "" : ", empty")
              + ") on the class path. The index is written by Tether's annotation processor when"
              + " it compiles the models: add dev.tether:tether-processor to the compiler's"
              + " annotationProcessorPaths (Maven) or -processorpath (javac), or list the models"
              + " yourself with Registry.of(Parent.class, Child.class, ...).");
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String name : names) {
      try {
        classes.add(Class.forName(name, false, loader));
      } catch (ClassNotFoundException e) {
        throw new MappingException(
            "model-index-stale",
            "The model index "
                + RESOURCE
                + " lists "
                + name
                + ", which is not on the class path. The index is older than the classes: rebuild"
                + " the project (mvn clean compile) so the annotation processor writes it anew.");
      }
    }
    return classes;
  }

  private static void read(URL index, Set<String> names) throws IOException {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String name = line.trim();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
    }
  }
}
