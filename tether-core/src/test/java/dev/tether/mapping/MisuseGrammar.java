package dev.tether.mapping;

import dev.tether.mapping.ModelCase.Expectation;
import dev.tether.mapping.ModelCase.ModelClass;
import java.util.ArrayList;
import java.util.List;

/**
 * The grammar of model declarations, correct and mistaken, that {@code MalformedModelsTest}
 * generates from: each {@link Production} adds one field, one class-level feature or one pair of
 * relationship fields to a {@link ModelCase}, and says whether {@code Registry.of} must map it
 * ({@link Expect#MAPS}, with what must then hold) or refuse it ({@link Expect#REFUSED}, with the
 * {@code Class.field} or {@code Class} the message must name).
 */
final class MisuseGrammar {
  enum Scope {
    FIELD,
    CLASS,
    PAIR
  }

  enum Expect {
    MAPS,
    REFUSED
  }

  /** Applies a production; false when it does not fit the case (then it is skipped). */
  interface Rule {
    boolean apply(Ctx x);
  }

  record Production(String name, Scope scope, Expect expect, Rule rule) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Where a production applies: class {@code c}, another class {@code o}, a unique number. */
  record Ctx(ModelCase kase, ModelClass c, ModelClass o, int k) {
    String f() {
      return "f" + k;
    }

    String where() {
      return c.name + "." + f();
    }

    boolean add(String member) {
      c.members.add("  " + member);
      return true;
    }

    boolean refuse(String mention) {
      kase.refusals.add(mention);
      return true;
    }

    /** Adds {@code member} (a field named {@link #f()}) and expects it refused by name. */
    boolean refuseField(String member) {
      add(member);
      return refuse(where());
    }

    boolean column(String field, String column) {
      kase.expectations.add(new Expectation(Expectation.Kind.COLUMN, c.name, field, column));
      return true;
    }

    boolean tableColumn(String column) {
      kase.expectations.add(new Expectation(Expectation.Kind.TABLE_COLUMN, c.name, "", column));
      return true;
    }

    boolean nothing(String field) {
      kase.expectations.add(new Expectation(Expectation.Kind.NOTHING, c.name, field, ""));
      return true;
    }

    boolean relationship(ModelClass on, String name) {
      kase.expectations.add(new Expectation(Expectation.Kind.RELATIONSHIP, on.name, name, ""));
      return true;
    }

    /** Declares a nested {@code @Embeddable} class in {@code c} with {@code body}; its name. */
    String embeddable(String body) {
      String name = "E" + k;
      add("@Embeddable public static class " + name + " { " + body + " }");
      return name;
    }

    /** A top-level helper type in the case's package. */
    void extra(String type, String text, boolean registered) {
      kase.extras.add(new ModelCase.Extra(type, text, registered));
    }
  }

  /** Every production, in a fixed order. */
  static final List<Production> ALL = new ArrayList<>();

  static void add(String name, Scope scope, Expect expect, Rule rule) {
    ALL.add(new Production(name, scope, expect, rule));
  }

  /** An annotation that belongs on an instance field, with a field type it fits. */
  private record FieldAnnotation(String label, String annotation, String type) {}

  private static final List<FieldAnnotation> FIELD_ANNOTATIONS =
      List.of(
          new FieldAnnotation("Column", "@Column", "Integer"),
          new FieldAnnotation("Id", "@Id", "Integer"),
          new FieldAnnotation("Version", "@Version", "Integer"),
          new FieldAnnotation("ForeignKey", "@ForeignKey(\"m0.id\")", "Integer"),
          new FieldAnnotation("Generated", "@Generated", "Long"),
          new FieldAnnotation("Computed", "@Computed(\"1 + 1\")", "Integer"),
          new FieldAnnotation("Enumerated", "@Enumerated(EnumStorage.NAME)", "java.time.DayOfWeek"),
          new FieldAnnotation("Json", "@Json", "java.util.List<String>"),
          new FieldAnnotation("Sequence", "@Sequence(\"s\")", "Long"),
          new FieldAnnotation("Relationship", "@Relationship", "Many<%s>"),
          new FieldAnnotation("Embedded", "@Embedded", "%e"));

  private static String type(FieldAnnotation a, Ctx x) {
    if (a.type().equals("%e")) {
      return x.embeddable("public String a;");
    }
    return a.type().formatted(x.kase().classes.get(0).ref());
  }

  static {
    modifierMisuse();
    FieldProductions.columns();
    FieldProductions.typesAndKeys();
    FieldProductions.embeddables();
    ClassProductions.classes();
    ClassProductions.hooks();
    PairProductions.pairs();
  }

  /** Every field annotation on a static, transient, static final or final field. */
  private static void modifierMisuse() {
    for (FieldAnnotation a : FIELD_ANNOTATIONS) {
      for (String modifiers : List.of("static", "transient", "static final", "transient final")) {
        add(
            a.label() + "On" + modifiers.replace(" ", "-"),
            Scope.FIELD,
            Expect.REFUSED,
            x -> {
              String init =
                  !modifiers.contains("final")
                      ? ""
                      : a.label().equals("Relationship") && !modifiers.contains("static")
                          ? " = many()"
                          : " = null";
              return x.refuseField(
                  a.annotation()
                      + " public "
                      + modifiers
                      + " "
                      + type(a, x)
                      + " "
                      + x.f()
                      + init
                      + ";");
            });
      }
    }
    add(
        "staticUnannotated",
        Scope.FIELD,
        Expect.MAPS,
        x -> x.add("public static int " + x.f() + ";") && x.nothing(x.f()));
    add(
        "staticFinalConstant",
        Scope.FIELD,
        Expect.MAPS,
        x -> x.add("public static final String " + x.f() + " = \"x\";") && x.nothing(x.f()));
    add(
        "transientUnannotated",
        Scope.FIELD,
        Expect.MAPS,
        x -> x.add("public transient String " + x.f() + ";") && x.nothing(x.f()));
    add(
        "transientRelationshipTypeUnannotated",
        Scope.FIELD,
        Expect.MAPS,
        x ->
            x.add(
                    "public transient final Many<"
                        + x.kase().classes.get(0).ref()
                        + "> "
                        + x.f()
                        + " = many();")
                && x.nothing(x.f()));
    add(
        "staticColumnInEmbeddable",
        Scope.FIELD,
        Expect.REFUSED,
        x -> {
          String e = x.embeddable("public String a; @Column public static String s" + x.k() + ";");
          x.add("public " + e + " " + x.f() + ";");
          return x.refuse(e + ".s" + x.k());
        });
    add(
        "transientColumnInEmbeddable",
        Scope.FIELD,
        Expect.REFUSED,
        x -> {
          String e =
              x.embeddable("public String a; @Column public transient String t" + x.k() + ";");
          x.add("public " + e + " " + x.f() + ";");
          return x.refuse(e + ".t" + x.k());
        });
    add(
        "staticColumnInSuperclass",
        Scope.CLASS,
        Expect.REFUSED,
        x -> {
          if (!x.c().claim("superclass")) {
            return false;
          }
          String base = "Base" + x.k();
          x.c().superclass = base;
          x.extra(
              base,
              "public abstract class "
                  + base
                  + " extends Model {\n  @Column public static String s"
                  + x.k()
                  + ";\n}\n",
              false);
          return x.refuse(base + ".s" + x.k());
        });
  }

  private MisuseGrammar() {}
}
