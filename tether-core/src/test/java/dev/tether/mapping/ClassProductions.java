package dev.tether.mapping;

import static dev.tether.mapping.MisuseGrammar.add;

import dev.tether.mapping.MisuseGrammar.Ctx;
import dev.tether.mapping.MisuseGrammar.Expect;
import dev.tether.mapping.MisuseGrammar.Rule;
import dev.tether.mapping.MisuseGrammar.Scope;

/** {@link MisuseGrammar}'s productions of a class: its shape, table, constraints and hooks. */
final class ClassProductions {
  private ClassProductions() {}

  private static void maps(String name, String tag, Rule rule) {
    add(name, Scope.CLASS, Expect.MAPS, x -> x.c().claim(tag) && rule.apply(x));
  }

  private static void refused(String name, String tag, Rule rule) {
    add(
        name,
        Scope.CLASS,
        Expect.REFUSED,
        x -> x.c().claim(tag) && rule.apply(x) && x.refuse(x.c().name));
  }

  private static boolean annotate(Ctx x, String annotation) {
    x.c().annotations.add(FieldProductions.expand(annotation, x));
    return true;
  }

  /** Replaces the class's key field {@code id} (a refusal names {@code Class.id}). */
  private static void id(String name, Expect expect, String field) {
    add(
        name,
        Scope.CLASS,
        expect,
        x -> {
          if (!x.c().claim("id")) {
            return false;
          }
          x.c().idField = "  " + FieldProductions.expand(field, x);
          return expect == Expect.MAPS || x.refuse(x.c().name + ".id") && x.refuse(x.c().name);
        });
  }

  static void classes() {
    maps("tableSameName", "table", x -> annotate(x, "@Table(\"$t\")"));
    maps(
        "tableNoReturning",
        "table",
        x -> annotate(x, "@Table(value = \"$t\", implicitReturning = false)"));
    refused("tableEmpty", "table", x -> annotate(x, "@Table(\"\")"));
    refused("tableBlank", "table", x -> annotate(x, "@Table(\"  \")"));
    refused(
        "noId",
        "id",
        x -> {
          x.c().idField = null;
          return true;
        });
    add(
        "compositeKey",
        Scope.CLASS,
        Expect.MAPS,
        x ->
            x.c().claim("id")
                && x.c().claim("unreferenced")
                && x.add("@Id public String code" + x.k() + ";")
                && x.column("code" + x.k(), "code" + x.k()));
    add(
        "longId",
        Scope.CLASS,
        Expect.MAPS,
        x -> {
          if (!x.c().claim("id")) {
            return false;
          }
          x.c().claim("unreferenced"); // the generated keys to it are Integer
          x.c().idField = "  @Id public Long id;";
          return x.column("id", "id");
        });
    id("primitiveId", Expect.MAPS, "@Id public int id;");
    id("sequenceOnKey", Expect.MAPS, "@Id @Sequence(\"seq$k\") public Integer id;");
    id("generatedOnKey", Expect.REFUSED, "@Id @Generated public Integer id;");
    id("computedOnKey", Expect.REFUSED, "@Id @Computed(\"1\") public Integer id;");
    id("sequenceBlankOnKey", Expect.REFUSED, "@Id @Sequence(\" \") public Integer id;");
    id("finalKey", Expect.REFUSED, "@Id public final Integer id = 1;");
    id("staticKey", Expect.REFUSED, "@Id public static Integer id;");
    id("keyNamedByColumn", Expect.MAPS, "@Id @Column(name = \"id\") public Integer id;");
    id("keyNotNull", Expect.MAPS, "@Id @Column(nullable = false) public Integer id;");
    id("keyWithDefault", Expect.REFUSED, "@Id @Column(serverDefault = \"1\") public Integer id;");
    refused(
        "abstractModel",
        "modifiers",
        x -> {
          x.c().modifiers = "public abstract";
          return true;
        });
    maps(
        "finalModel",
        "modifiers",
        x -> {
          x.c().modifiers = "public final";
          return true;
        });
    maps(
        "packagePrivateModel",
        "modifiers",
        x -> {
          x.c().modifiers = "";
          return true;
        });
    refused("noNoArgConstructor", "constructor", x -> x.add("public " + x.c().name + "(int x) {}"));
    maps("privateConstructor", "constructor", x -> x.add("private " + x.c().name + "() {}"));
    maps(
        "genericModel",
        "generic",
        x -> {
          x.c().typeParameters = "<T>";
          return true;
        });
    add(
        "genericField",
        Scope.CLASS,
        Expect.REFUSED,
        x -> {
          if (!x.c().claim("generic")) {
            return false;
          }
          x.c().typeParameters = "<T>";
          return x.refuseField("public T " + x.f() + ";");
        });
    refused(
        "innerNotStatic",
        "outer",
        x -> {
          x.c().outer = "O" + x.k();
          return true;
        });
    maps(
        "nestedStatic",
        "outer",
        x -> {
          x.c().outer = "O" + x.k();
          x.c().nestedStatic = true;
          return true;
        });
    refused("embeddableModel", "embeddable", x -> annotate(x, "@Embeddable"));
    add(
        "interfaceWithTable",
        Scope.CLASS,
        Expect.REFUSED,
        x -> {
          x.extra(
              "I" + x.k(),
              "@Table(\"i" + x.k() + "\")\npublic interface I" + x.k() + " {}\n",
              true);
          return x.refuse("I" + x.k());
        });
    add(
        "plainClassWithTable",
        Scope.CLASS,
        Expect.REFUSED,
        x -> {
          x.extra(
              "P" + x.k(),
              "@Table(\"p"
                  + x.k()
                  + "\")\npublic class P"
                  + x.k()
                  + " {\n  @Id public Integer id;\n}\n",
              true);
          return x.refuse("P" + x.k());
        });
    add(
        "inheritedColumn",
        Scope.CLASS,
        Expect.MAPS,
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
                  + " extends Model {\n  public String inherited"
                  + x.k()
                  + ";\n}\n",
              false);
          return x.column("inherited" + x.k(), "inherited" + x.k());
        });
    add(
        "hidingInheritedField",
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
                  + " extends Model {\n  public String h"
                  + x.k()
                  + ";\n}\n",
              false);
          x.add("public String h" + x.k() + ";");
          return x.refuse(x.c().name + ".h" + x.k());
        });
    maps("indexOk", "index", x -> annotate(x, "@Index(columns = \"id\")"));
    maps(
        "uniqueOk",
        "index",
        // unnamed: a subclass's table inherits the declaration, and a name would then clash
        x -> annotate(x, "@UniqueConstraint(columns = \"id\")"));
    maps("checkOk", "check", x -> annotate(x, "@Check(\"id > 0\")"));
    refused("indexMissingColumn", "index", x -> annotate(x, "@Index(columns = \"nope\")"));
    refused("indexNoColumns", "index", x -> annotate(x, "@Index(columns = {})"));
    refused("indexBlankColumn", "index", x -> annotate(x, "@Index(columns = \" \")"));
    refused(
        "indexSameColumnTwice", "index", x -> annotate(x, "@Index(columns = {\"id\", \"id\"})"));
    refused(
        "uniqueMissingColumn", "index", x -> annotate(x, "@UniqueConstraint(columns = \"nope\")"));
    refused(
        "indexNameTwice",
        "index",
        x ->
            annotate(x, "@Index(columns = \"id\", name = \"ix$k\")")
                && annotate(x, "@UniqueConstraint(columns = \"id\", name = \"ix$k\")"));
    refused("checkBlank", "check", x -> annotate(x, "@Check(\" \")"));
  }

  private static void hook(String name, Expect expect, String member) {
    add(
        name,
        Scope.CLASS,
        expect,
        x -> {
          x.add(member.replace("$h", "h" + x.k()));
          return expect == Expect.MAPS || x.refuse(x.c().name + ".h" + x.k());
        });
  }

  static void hooks() {
    hook("hookOk", Expect.MAPS, "@BeforeInsert public void $h() {}");
    hook("hookWithSession", Expect.MAPS, "@AfterLoad void $h(Session s) {}");
    hook("hookPrivate", Expect.MAPS, "@AfterUpdate private void $h() {}");
    hook("hookTwoEvents", Expect.MAPS, "@BeforeInsert @BeforeUpdate public void $h() {}");
    hook("hookWithParameter", Expect.REFUSED, "@BeforeUpdate public void $h(int x) {}");
    hook(
        "hookTwoParameters",
        Expect.REFUSED,
        "@AfterDelete public void $h(Session s, Session t) {}");
    hook("hookStatic", Expect.REFUSED, "@AfterInsert public static void $h() {}");
    hook("hookReturns", Expect.REFUSED, "@BeforeDelete public int $h() { return 0; }");
    // javac refuses these (the annotations' targets): counted as rejected by javac
    hook("hookOnField", Expect.REFUSED, "@BeforeInsert public String $h;");
    hook("columnOnMethod", Expect.REFUSED, "@Column public String $h() { return null; }");
    hook("tableOnField", Expect.REFUSED, "@Table(\"x\") public String $h;");
  }
}
