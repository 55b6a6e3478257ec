package dev.tether.mapping;

import static dev.tether.mapping.MisuseGrammar.add;

import dev.tether.mapping.MisuseGrammar.Ctx;
import dev.tether.mapping.MisuseGrammar.Expect;
import dev.tether.mapping.MisuseGrammar.Scope;

/**
 * {@link MisuseGrammar}'s productions of relationships between two classes (or one class and
 * itself): {@code C} holds the key's target (the one side), {@code O} the foreign key. In the
 * templates {@code $C}/{@code $O} are the classes as written, {@code $c} C's table, {@code $k} the
 * production's number.
 */
final class PairProductions {
  /** The production of a concrete model extending another. */
  static final String INHERITANCE = "extendsConcreteModel";

  private PairProductions() {}

  /** Adds {@code onC} to C and {@code onO} to O (each may hold several members, split by '|'). */
  private static boolean declare(Ctx x, String onC, String onO) {
    for (String m : onC.split("\\|")) {
      if (!m.isBlank()) {
        x.c().members.add("  " + expand(m.trim(), x));
      }
    }
    for (String m : onO.split("\\|")) {
      if (!m.isBlank()) {
        x.o().members.add("  " + expand(m.trim(), x));
      }
    }
    return true;
  }

  private static String expand(String text, Ctx x) {
    return text.replace("$C", x.c().ref())
        .replace("$O", x.o().ref())
        .replace("$c", x.c().table())
        .replace("$k", String.valueOf(x.k()));
  }

  /** Neither class has a key that association tables cannot reference (composite, Long). */
  private static boolean referable(Ctx x) {
    return !x.c().tags.contains("unreferenced") && !x.o().tags.contains("unreferenced");
  }

  /** Claims the one foreign key allowed between {@code a} and {@code b}, in either direction. */
  static boolean claimKeyBetween(ModelCase.ModelClass a, ModelCase.ModelClass b) {
    ModelCase.ModelClass first = a.name.compareTo(b.name) <= 0 ? a : b;
    ModelCase.ModelClass second = first == a ? b : a;
    return first.claim("fk:" + first.name + "-" + second.name);
  }

  /**
   * No key between C and O yet (either way: two would make a One ambiguous), and C's {@code id}
   * alone is a key (not part of a composite one).
   */
  private static boolean claimKey(Ctx x) {
    return !x.c().tags.contains("unreferenced") && claimKeyBetween(x.c(), x.o());
  }

  private static final String FK = "@ForeignKey(\"$c.id\") public Integer k$k;";

  private static void maps(String name, String onC, String onO, String cRel, String oRel) {
    add(
        name,
        Scope.PAIR,
        Expect.MAPS,
        x ->
            claimKey(x)
                && declare(x, onC, onO)
                && (cRel.isEmpty() || x.relationship(x.c(), expand(cRel, x)))
                && (oRel.isEmpty() || x.relationship(x.o(), expand(oRel, x))));
  }

  private static void refused(String name, String onC, String onO) {
    add(
        name,
        Scope.PAIR,
        Expect.REFUSED,
        x -> {
          if (!claimKey(x)) {
            return false;
          }
          declare(x, onC, onO);
          x.refuse(x.c().name + "." + expand("many$k", x));
          x.refuse(x.o().name + "." + expand("one$k", x));
          x.refuse(x.c().name + "." + expand("other$k", x));
          return x.refuse(x.o().name + "." + expand("two$k", x));
        });
  }

  static void pairs() {
    String many = "@Relationship(backPopulates = \"one$k\") public final Many<$O> many$k = many();";
    String one = "@Relationship(backPopulates = \"many$k\") public final One<$C> one$k = one();";
    maps("oneToMany", many, FK + "|" + one, "many$k", "one$k");
    maps(
        "backrefFromOne",
        "",
        FK + "|@Relationship(backref = \"many$k\") public final One<$C> one$k = one();",
        "many$k",
        "one$k");
    maps(
        "backrefFromMany",
        "@Relationship(backref = \"one$k\") public final Many<$O> many$k = many();",
        FK,
        "many$k",
        "one$k");
    maps(
        "oneWithoutSync",
        "",
        FK + "|@Relationship public final One<$C> one$k = one();",
        "",
        "one$k");
    maps("oneUnannotated", "", FK + "|public final One<$C> one$k = one();", "", "one$k");
    maps(
        "orderedMany",
        "@Relationship(backPopulates = \"one$k\", orderBy = \"id\") public final Many<$O> many$k ="
            + " many();",
        FK + "|" + one,
        "many$k",
        "one$k");
    maps(
        "twoKeysChosen",
        "",
        FK
            + "|@ForeignKey(\"$c.id\") public Integer j$k;"
            + "|@Relationship(foreignKeys = \"j$k\") public final One<$C> one$k = one();",
        "",
        "one$k");
    add(
        "manyToMany",
        Scope.PAIR,
        Expect.MAPS,
        x ->
            x.c() != x.o()
                && referable(x)
                && declare(
                    x,
                    "@Relationship(secondary = \"link$k\", backPopulates = \"one$k\") public final"
                        + " Many<$O> many$k = many();",
                    "@Relationship(secondary = \"link$k\", backPopulates = \"many$k\") public final"
                        + " Many<$C> one$k = many();")
                && x.relationship(x.c(), "many" + x.k())
                && x.relationship(x.o(), "one" + x.k()));

    add(
        "manyToManyOneSided",
        Scope.PAIR,
        Expect.MAPS,
        x ->
            x.c() != x.o()
                && referable(x)
                && declare(
                    x,
                    "@Relationship(secondary = \"link$k\") public final Many<$O> many$k = many();",
                    "")
                && x.relationship(x.c(), "many" + x.k()));
    add(
        "secondaryIsAModelTable",
        Scope.PAIR,
        Expect.REFUSED,
        x ->
            x.c() != x.o()
                && referable(x)
                && declare(
                    x,
                    "@Relationship(secondary = \"$c\") public final Many<$O> many$k = many();",
                    "")
                && x.refuse(x.c().name + ".many" + x.k()));
    add(
        "tableOfAnother",
        Scope.PAIR,
        Expect.REFUSED,
        x -> {
          if (x.c() == x.o() || !x.o().claim("table")) {
            return false;
          }
          x.o().annotations.add("@Table(\"" + x.c().table() + "\")");
          return x.refuse(x.c().name) && x.refuse(x.o().name);
        });
    refused(
        "backPopulatesBlank",
        "@Relationship(backPopulates = \" \") public final Many<$O> many$k = many();",
        FK + "|" + one);
    // as in SQLAlchemy, a backref is reached by name and need not be a Java identifier
    maps(
        "backrefNotAnIdentifier",
        "",
        FK + "|@Relationship(backref = \"a b$k\") public final One<$C> one$k = one();",
        "a b$k",
        "one$k");
    refused(
        "viewOnlyWithCascade",
        "@Relationship(backPopulates = \"one$k\", viewOnly = true, cascade = \"all\") public"
            + " final Many<$O> many$k = many();",
        FK + "|" + one);
    // a concrete model extending another: its own table with the inherited columns
    add(
        INHERITANCE,
        Scope.PAIR,
        Expect.MAPS,
        x -> {
          if (x.c() == x.o()
              || !x.o().claim("superclass")
              || !x.o().claim("id")
              || !x.o().outer.isEmpty()
              || x.c().superclass.equals(x.o().ref())
              || !x.c().typeParameters.isEmpty()
              || x.c().modifiers.contains("final")) {
            return false;
          }
          x.o().superclass = x.c().ref();
          x.o().idField = null;
          // one set of claims for both: the subclass inherits every column of its superclass
          x.c().tags.addAll(x.o().tags);
          x.c().tags.add(INHERITANCE);
          x.o().tags = x.c().tags;
          x.kase()
              .expectations
              .add(
                  new ModelCase.Expectation(
                      ModelCase.Expectation.Kind.COLUMN, x.o().name, "id", "id"));
          return true;
        });
    refused(
        "backPopulatesMissing",
        many,
        FK + "|@Relationship(backPopulates = \"nope$k\") public final One<$C> one$k = one();");
    refused(
        "backPopulatesNamesColumn",
        many,
        FK + "|@Relationship(backPopulates = \"k$k\") public final One<$C> one$k = one();");
    refused(
        "oneSidedBackPopulates",
        "@Relationship public final Many<$O> many$k = many();",
        FK + "|" + one);
    String other = "@Relationship(backPopulates = \"one$k\") public final One<$O> other$k = one();";
    String oneOfOther =
        "@Relationship(backPopulates = \"other$k\") public final One<$C> one$k = one();";
    add(
        "oneToOne",
        Scope.PAIR,
        Expect.MAPS,
        x ->
            x.c() != x.o()
                && claimKey(x)
                && declare(x, other, FK + "|" + oneOfOther)
                && x.relationship(x.c(), "other" + x.k())
                && x.relationship(x.o(), "one" + x.k()));
    // both sides in one table: which holds the key is ambiguous (SQLAlchemy's remote_side)
    add(
        "selfOneToOne",
        Scope.PAIR,
        Expect.REFUSED,
        x ->
            x.c() == x.o()
                && claimKey(x)
                && declare(x, other, FK + "|" + oneOfOther)
                && x.refuse(x.c().name + ".other" + x.k())
                && x.refuse(x.c().name + ".one" + x.k()));
    refused("noKeyPath", "", "@Relationship public final One<$C> one$k = one();");
    refused(
        "twoKeysNoChoice",
        "",
        FK
            + "|@ForeignKey(\"$c.id\") public Integer j$k;|"
            + "@Relationship public final One<$C> one$k = one();");
    refused(
        "foreignKeysMissing",
        "",
        FK + "|@Relationship(foreignKeys = \"nope\") public final One<$C> one$k = one();");
    refused(
        "foreignKeysNamesRelationship",
        "",
        FK + "|@Relationship(foreignKeys = \"one$k\") public final One<$C> one$k = one();");
    refused(
        "backrefCollidesWithColumn",
        "",
        FK + "|@Relationship(backref = \"id\") public final One<$C> one$k = one();");
    refused(
        "backrefTwice",
        "",
        FK
            + "|@ForeignKey(\"$c.id\") public Integer j$k;"
            + "|@Relationship(backref = \"kids$k\", foreignKeys = \"k$k\") public final One<$C>"
            + " one$k = one();"
            + "|@Relationship(backref = \"kids$k\", foreignKeys = \"j$k\") public final One<$C>"
            + " two$k = one();");
    refused(
        "backrefAndBackPopulates",
        many,
        FK
            + "|@Relationship(backPopulates = \"many$k\", backref = \"x$k\") public final"
            + " One<$C> one$k = one();");
    refused(
        "lazyUnknown",
        many,
        FK
            + "|@Relationship(backPopulates = \"many$k\", lazy = \"sometimes\") public final"
            + " One<$C> one$k = one();");
    refused(
        "cascadeUnknown",
        "@Relationship(backPopulates = \"one$k\", cascade = \"explode\") public final Many<$O>"
            + " many$k = many();",
        FK + "|" + one);
    refused(
        "orderByMissing",
        "@Relationship(backPopulates = \"one$k\", orderBy = \"nope\") public final Many<$O>"
            + " many$k = many();",
        FK + "|" + one);
    refused(
        "orderByOnOne",
        many,
        FK
            + "|@Relationship(backPopulates = \"many$k\", orderBy = \"id\") public final"
            + " One<$C> one$k = one();");
    // SQLAlchemy warns and goes on; so does Tether (the warning names the relationship)
    maps(
        "passiveDeletesOnOne",
        many,
        FK
            + "|@Relationship(backPopulates = \"many$k\", passiveDeletes = true) public final"
            + " One<$C> one$k = one();",
        "many$k",
        "one$k");
    refused(
        "secondaryOnOne",
        "",
        "@Relationship(secondary = \"link$k\") public final One<$C> one$k = one();");
  }
}
