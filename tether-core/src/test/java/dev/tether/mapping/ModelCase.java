package dev.tether.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One generated set of model classes ({@code M0}..{@code M2}, plus helper types) in package {@code
 * gen.cN}, built by applying {@link MisuseGrammar} productions, with what {@code Registry.of} must
 * do with it: the mentions a refusal must contain, and what a successful mapping must hold.
 */
final class ModelCase {
  /** What must hold of a successful mapping ({@code model}: the simple name of a class). */
  record Expectation(Kind kind, String model, String member, String column) {
    enum Kind {
      /** {@code model.member} maps column {@code column}. */
      COLUMN,
      /** {@code model.member} maps no column and no relationship. */
      NOTHING,
      /** {@code model}'s table has column {@code column}. */
      TABLE_COLUMN,
      /** {@code model} has relationship {@code member}. */
      RELATIONSHIP
    }
  }

  /** One model class being built. */
  static final class ModelClass {
    final String name;
    final List<String> annotations = new ArrayList<>();
    final List<String> members = new ArrayList<>();
    Set<String> tags = new LinkedHashSet<>();
    String modifiers = "public";
    String typeParameters = "";
    String superclass = "Model";
    String idField = "  @Id public Integer id;";

    /** "" for a top-level class; else the outer class, and whether the class is static in it. */
    String outer = "";

    boolean nestedStatic;

    ModelClass(String name) {
      this.name = name;
    }

    /** How other generated classes write this class's name. */
    String ref() {
      return outer.isEmpty() ? name : outer + "." + name;
    }

    /** The binary name of this class relative to its package. */
    String binaryName() {
      return outer.isEmpty() ? name : outer + "$" + name;
    }

    /** The table name Tether derives for this class. */
    String table() {
      return Names.snake(name);
    }

    /** Marks {@code tag} used; false when it already was (the production must not apply twice). */
    boolean claim(String tag) {
      return tags.add(tag);
    }
  }

  /** A helper compilation unit, and whether it is passed to {@code Registry.of} too. */
  record Extra(String type, String text, boolean registered) {}

  final String pkg;
  final List<ModelClass> classes = new ArrayList<>();
  final List<Extra> extras = new ArrayList<>();
  final List<String> refusals = new ArrayList<>();
  final List<Expectation> expectations = new ArrayList<>();
  final List<String> applied = new ArrayList<>();
  boolean mayRefuse;

  ModelCase(String pkg, int classCount) {
    this.pkg = pkg;
    for (int i = 0; i < classCount; i++) {
      classes.add(new ModelClass("M" + i));
    }
  }

  /** Whether a refusal is expected (some production is a misuse). */
  boolean refused() {
    return !refusals.isEmpty();
  }

  /** The compilation units of this case. */
  List<InProcessCompiler.Unit> units() {
    List<InProcessCompiler.Unit> units = new ArrayList<>();
    for (ModelClass c : classes) {
      String top = c.outer.isEmpty() ? c.name : c.outer;
      units.add(new InProcessCompiler.Unit(pkg, top, header() + render(c)));
    }
    for (Extra e : extras) {
      units.add(new InProcessCompiler.Unit(pkg, e.type(), header() + e.text()));
    }
    return units;
  }

  /** The binary names of the classes passed to {@code Registry.of}, in order. */
  List<String> registered() {
    List<String> names = new ArrayList<>();
    for (ModelClass c : classes) {
      names.add(pkg + "." + c.binaryName());
    }
    for (Extra e : extras) {
      if (e.registered()) {
        names.add(pkg + "." + e.type());
      }
    }
    return names;
  }

  /** The whole source, for failure messages. */
  String source() {
    StringBuilder s = new StringBuilder("// productions: " + applied + "\n");
    for (InProcessCompiler.Unit u : units()) {
      s.append(u.text()).append('\n');
    }
    return s.toString();
  }

  private String header() {
    return "package " + pkg + ";\n\nimport dev.tether.*;\n\n";
  }

  private static String render(ModelClass c) {
    StringBuilder s = new StringBuilder();
    String indent = c.outer.isEmpty() ? "" : "  ";
    if (!c.outer.isEmpty()) {
      s.append("public class ").append(c.outer).append(" {\n");
    }
    for (String a : c.annotations) {
      s.append(indent).append(a).append('\n');
    }
    s.append(indent)
        .append(c.modifiers)
        .append(c.nestedStatic ? " static" : "")
        .append(" class ")
        .append(c.name)
        .append(c.typeParameters)
        .append(" extends ")
        .append(c.superclass)
        .append(" {\n");
    if (c.idField != null) {
      s.append(indent).append(c.idField).append('\n');
    }
    for (String m : c.members) {
      s.append(indent).append(m).append('\n');
    }
    s.append(indent).append("}\n");
    if (!c.outer.isEmpty()) {
      s.append("}\n");
    }
    return s.toString();
  }
}
