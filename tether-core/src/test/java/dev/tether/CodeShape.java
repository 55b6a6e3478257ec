package dev.tether;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What {@link ArchitectureTest}'s shape rules measure: class cycles inside a package, field
 * accesses from one class into another's, the module descriptor, and the length of main source
 * files. A class and the classes nested in it (lambdas, anonymous and inner classes) count as one:
 * its top-level class.
 */
final class CodeShape {
  private CodeShape() {}

  /**
   * The top-level class that {@code c} is, or is nested in (by name: {@code a.B$C} → {@code B}).
   */
  static String topLevel(JavaClass c) {
    String name = c.getName();
    int dollar = name.indexOf('$');
    return dollar < 0 ? name : name.substring(0, dollar);
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /**
   * Every class cycle inside one package: the strongly connected components (of two classes or
   * more) of the graph of top-level classes of one package, an edge for every dependency between
   * them. Keyed by package, each cycle the sorted simple names of its classes.
   */
  static Map<String, Set<Set<String>>> classCycles(JavaClasses classes) {
    Map<String, Map<String, Set<String>>> graphs = new TreeMap<>();
    for (JavaClass c : classes) {
      String from = topLevel(c);
      Map<String, Set<String>> graph =
          graphs.computeIfAbsent(c.getPackageName(), p -> new TreeMap<>());
      Set<String> edges = graph.computeIfAbsent(from, k -> new TreeSet<>());
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        JavaClass target = d.getTargetClass();
        String to = topLevel(target.getBaseComponentType());
        if (target.getBaseComponentType().getPackageName().equals(c.getPackageName())
            && !to.equals(from)
            && classes.contain(to)) {
          edges.add(to);
        }
      }
    }
    Map<String, Set<Set<String>>> cycles = new TreeMap<>();
    graphs.forEach(
        (pkg, graph) -> {
          for (Set<String> component : stronglyConnected(graph)) {
            if (component.size() > 1) {
              Set<String> names = new TreeSet<>();
              component.forEach(n -> names.add(simple(n)));
              cycles.computeIfAbsent(pkg, p -> new LinkedHashSet<>()).add(names);
            }
          }
        });
    return cycles;
  }

  /** Tarjan's algorithm (recursive: a package holds a few dozen classes at most). */
  private static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new HashSet<>();
    List<Set<String>> out = new ArrayList<>();
    int[] counter = {0};
    for (String v : graph.keySet()) {
      if (!index.containsKey(v)) {
        connect(v, graph, index, low, stack, onStack, out, counter);
      }
    }
    return out;
  }

  private static void connect(
      String v,
      Map<String, Set<String>> graph,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<Set<String>> out,
      int[] counter) {
    index.put(v, counter[0]);
    low.put(v, counter[0]);
    counter[0]++;
    stack.push(v);
    onStack.add(v);
    for (String w : graph.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        connect(w, graph, index, low, stack, onStack, out, counter);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      out.add(component);
    }
  }

  /**
   * Every field of a class in {@code pkg} that another top-level class reads or writes, as {@code
   * "Origin → Owner.field"} (simple names). Constants ({@code static final}, enum values included)
   * do not count: reading one couples nothing.
   */
  static Set<String> foreignFieldAccesses(JavaClasses classes, String pkg) {
    Set<String> found = new TreeSet<>();
    for (JavaClass c : classes) {
      for (JavaFieldAccess access : c.getFieldAccessesFromSelf()) {
        JavaClass owner = access.getTargetOwner();
        if (!owner.getPackageName().equals(pkg) || topLevel(owner).equals(topLevel(c))) {
          continue;
        }
        Optional<JavaField> field = access.getTarget().resolveMember();
        if (field.isPresent()
            && field.get().getModifiers().contains(JavaModifier.STATIC)
            && field.get().getModifiers().contains(JavaModifier.FINAL)) {
          continue;
        }
        found.add(
            simple(topLevel(c))
                + " → "
                + simple(topLevel(owner))
                + "."
                + access.getTarget().getName());
      }
    }
    return found;
  }

  /**
   * The module descriptor compiled from {@code tether-core/src/main/java/module-info.java}: the
   * module's own on the module path, else read from the directory or jar that holds {@link Model}.
   */
  static ModuleDescriptor coreModule() {
    if (Model.class.getModule().isNamed()) {
      return Model.class.getModule().getDescriptor();
    }
    try {
      Path location =
          Path.of(Model.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        try (InputStream in = Files.newInputStream(location.resolve("module-info.class"))) {
          return ModuleDescriptor.read(in);
        }
      }
      try (JarFile jar = new JarFile(location.toFile());
          InputStream in = jar.getInputStream(jar.getEntry("module-info.class"))) {
        return ModuleDescriptor.read(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The repository root: the parent of the {@code tether-core} directory the tests run in. */
  static Path repositoryRoot() {
    Path here = Path.of("").toAbsolutePath();
    Path root = here.getFileName().toString().equals("tether-core") ? here.getParent() : here;
    if (!Files.isRegularFile(root.resolve("tether-core/pom.xml"))) {
      throw new IllegalStateException("not run from the repository or tether-core: " + here);
    }
    return root;
  }

  /**
   * The line count of every main source file ({@code <module>/src/main/java/**.java}) of every
   * module, keyed by its path from the repository root ({@code /}-separated).
   */
  static Map<String, Long> mainSourceLines(Path root) {
    Map<String, Long> lines = new TreeMap<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.filter(Files::isDirectory).toList()) {
        Path main = module.resolve("src/main/java");
        if (!Files.isDirectory(main)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(main)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
            try (Stream<String> l = Files.lines(f)) {
              lines.put(root.relativize(f).toString().replace('\\', '/'), l.count());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }
}
