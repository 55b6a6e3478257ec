package dev.tether.mapping;

import static dev.tether.mapping.MisuseGrammar.add;

import dev.tether.mapping.MisuseGrammar.Ctx;
import dev.tether.mapping.MisuseGrammar.Expect;
import dev.tether.mapping.MisuseGrammar.Scope;

/** {@link MisuseGrammar}'s productions of one column field: names, sizes, types, keys, values. */
final class FieldProductions {
  private FieldProductions() {}

  private static void maps(String name, String member, String column) {
    add(
        name,
        Scope.FIELD,
        Expect.MAPS,
        x -> x.add(expand(member, x)) && x.column(x.f(), expand(column, x)));
  }

  private static void refused(String name, String member) {
    add(name, Scope.FIELD, Expect.REFUSED, x -> x.refuseField(expand(member, x)));
  }

  /** {@code $f} the field, {@code $t} the class's table, {@code $m} M0's name as written. */
  static String expand(String text, Ctx x) {
    return text.replace("$f", x.f())
        .replace("$t", x.c().table())
        .replace("$m", x.kase().classes.get(0).ref())
        .replace("$k", String.valueOf(x.k()));
  }

  /** Two fields {@code f} and {@code fb} that must be refused, naming either. */
  private static void refusedPair(String name, String first, String second) {
    add(
        name,
        Scope.FIELD,
        Expect.REFUSED,
        x -> {
          x.add(expand(first, x));
          x.add(expand(second, x));
          x.refuse(x.where());
          return x.refuse(x.where() + "b");
        });
  }

  static void columns() {
    maps("plainString", "public String $f;", "$f");
    maps("columnNamed", "@Column(name = \"c_$f\") public String $f;", "c_$f");
    maps("columnEmptyName", "@Column(name = \"\") public String $f;", "$f");
    maps("privateColumn", "@Column private Integer $f;", "$f");
    maps("packagePrivateField", "Long $f;", "$f");
    maps("protectedField", "protected Long $f;", "$f");
    maps("primitiveInt", "public int $f;", "$f");
    maps("lengthOk", "@Column(length = 20) public String $f;", "$f");
    maps("decimalOk", "@Column(precision = 10, scale = 2) public java.math.BigDecimal $f;", "$f");
    maps("enumeratedOk", "@Enumerated(EnumStorage.NAME) public java.time.DayOfWeek $f;", "$f");
    maps("uniqueIndexed", "@Column(unique = true, index = true) public String $f;", "$f");
    maps("notNull", "@Column(nullable = false) public String $f;", "$f");
    maps("serverDefault", "@Column(serverDefault = \"0\") public Integer $f;", "$f");
    maps("generatedOk", "@Generated public Long $f;", "$f");
    maps("computedOk", "@Computed(\"1 + 1\") public Integer $f;", "$f");
    maps("jsonOk", "@Json public java.util.List<String> $f;", "$f");
    add(
        "versionOk",
        Scope.FIELD,
        Expect.MAPS,
        x ->
            x.c().claim("version")
                && x.add("@Version public Integer " + x.f() + ";")
                && x.column(x.f(), x.f()));
    add(
        "foreignKeyToOwnTable",
        Scope.FIELD,
        Expect.MAPS,
        x ->
            !x.c().tags.contains("unreferenced")
                && PairProductions.claimKeyBetween(x.c(), x.c())
                && x.add("@ForeignKey(\"" + x.c().table() + ".id\") public Integer " + x.f() + ";")
                && x.column(x.f(), x.f()));
    add(
        "embeddedOk",
        Scope.FIELD,
        Expect.MAPS,
        x -> {
          String e = x.embeddable("public String a; public Integer b;");
          return x.add("public " + e + " " + x.f() + ";")
              && x.tableColumn(x.f() + "_a")
              && x.tableColumn(x.f() + "_b");
        });
    add(
        "embeddedPrefix",
        Scope.FIELD,
        Expect.MAPS,
        x -> {
          String e = x.embeddable("public String a;");
          return x.add("@Embedded(prefix = \"p" + x.k() + "_\") public " + e + " " + x.f() + ";")
              && x.tableColumn("p" + x.k() + "_a");
        });

    maps("enumOrdinal", "@Enumerated(EnumStorage.ORDINAL) public java.time.Month $f;", "$f");
    maps("enumNative", "@Enumerated(EnumStorage.NATIVE) public java.time.Month $f;", "$f");
    maps("quoteInColumnName", "@Column(name = \"a\\\"b$k\") public String $f;", "a\"b$k");
    maps("backtickInColumnName", "@Column(name = \"a`b$k\") public String $f;", "a`b$k");
    add(
        "keywordColumn",
        Scope.FIELD,
        Expect.MAPS,
        x ->
            x.c().claim("keyword")
                && x.add("@Column(name = \"order\") public String " + x.f() + ";")
                && x.column(x.f(), "order"));
    add(
        "convertedOk",
        Scope.FIELD,
        Expect.MAPS,
        x -> {
          x.extra("Cv" + x.k(), converter("Cv" + x.k(), "java.net.URI", "String"), false);
          return x.add("@Convert(Cv" + x.k() + ".class) public java.net.URI " + x.f() + ";")
              && x.column(x.f(), x.f());
        });
    add(
        "convertWrongFieldType",
        Scope.FIELD,
        Expect.REFUSED,
        x -> {
          x.extra("Cv" + x.k(), converter("Cv" + x.k(), "java.net.URI", "String"), false);
          return x.refuseField("@Convert(Cv" + x.k() + ".class) public Integer " + x.f() + ";");
        });
    add(
        "convertToUnsupportedColumn",
        Scope.FIELD,
        Expect.REFUSED,
        x -> {
          x.extra("Cv" + x.k(), converter("Cv" + x.k(), "java.net.URI", "java.util.Date"), false);
          return x.refuseField(
              "@Convert(Cv" + x.k() + ".class) public java.net.URI " + x.f() + ";");
        });
    add(
        "convertWithoutConstructor",
        Scope.FIELD,
        Expect.REFUSED,
        x -> {
          String cv = "Cv" + x.k();
          x.extra(
              cv,
              converter(cv, "java.net.URI", "String")
                  .replace("{\n", "{\n  public " + cv + "(int x) {}\n"),
              false);
          return x.refuseField("@Convert(" + cv + ".class) public java.net.URI " + x.f() + ";");
        });
    add(
        "convertOnRelationship",
        Scope.FIELD,
        Expect.REFUSED,
        x -> {
          x.extra("Cv" + x.k(), converter("Cv" + x.k(), "java.net.URI", "String"), false);
          return x.refuseField(
              "@Convert(Cv"
                  + x.k()
                  + ".class) public final One<"
                  + x.kase().classes.get(0).ref()
                  + "> "
                  + x.f()
                  + " = one();");
        });
    add(
        "convertAndJson",
        Scope.FIELD,
        Expect.REFUSED,
        x -> {
          x.extra("Cv" + x.k(), converter("Cv" + x.k(), "java.net.URI", "String"), false);
          return x.refuseField(
              "@Json @Convert(Cv" + x.k() + ".class) public java.net.URI " + x.f() + ";");
        });
    add(
        "convertAndEnumerated",
        Scope.FIELD,
        Expect.REFUSED,
        x -> {
          x.extra("Cv" + x.k(), converter("Cv" + x.k(), "java.time.Month", "String"), false);
          return x.refuseField(
              "@Enumerated(EnumStorage.NAME) @Convert(Cv"
                  + x.k()
                  + ".class) public java.time.Month "
                  + x.f()
                  + ";");
        });
    refused("jsonOnRelationship", "@Json public final Many<$m> $f = many();");
    refused(
        "enumeratedOnRelationship",
        "@Enumerated(EnumStorage.NAME) public final One<$m> $f = one();");
    refused("embeddedOnRelationship", "@Embedded public final One<$m> $f = one();");
    refused("sequenceOnRelationship", "@Sequence(\"s\") public final One<$m> $f = one();");
    refused("computedOnRelationship", "@Computed(\"1\") public final One<$m> $f = one();");
    refused("embeddedOnString", "@Embedded public String $f;");
    refused("embeddedOnModel", "@Embedded public $m $f;");
    maps("jsonOnPrimitive", "@Json public int $f;", "$f");

    refused("finalColumn", "public final String $f = \"x\";");
    refused("blankColumnName", "@Column(name = \" \") public String $f;");
    refused("negativeLength", "@Column(length = -1) public String $f;");
    refused("lengthOnInteger", "@Column(length = 10) public Integer $f;");
    refused("negativePrecision", "@Column(precision = -1) public java.math.BigDecimal $f;");
    refused(
        "scaleOverPrecision", "@Column(precision = 2, scale = 5) public java.math.BigDecimal $f;");
    refused("precisionOnString", "@Column(precision = 5) public String $f;");
    refused("blankServerDefault", "@Column(serverDefault = \" \") public Integer $f;");
    refused("computedBlank", "@Computed(\" \") public Integer $f;");
    refused("computedAndGenerated", "@Computed(\"1\") @Generated public Integer $f;");
    refused(
        "computedAndDefault", "@Computed(\"1\") @Column(serverDefault = \"2\") public Integer $f;");
    refused("computedNotNull", "@Computed(\"1\") @Column(nullable = false) public Integer $f;");
    refused("generatedPrimitive", "@Generated public long $f;");
    refused("computedOnId", "@Id @Computed(\"1\") public Integer $f;");
    refused("generatedOnForeignKey", "@ForeignKey(\"$t.id\") @Generated public Integer $f;");
    refusedPair(
        "duplicateColumn",
        "@Column(name = \"dup$k\") public String $f;",
        "@Column(name = \"dup$k\") public String $fb;");
    refusedPair(
        "duplicateColumnCase",
        "@Column(name = \"Dup$k\") public String $f;",
        "@Column(name = \"dup$k\") public String $fb;");
    refusedPair(
        "duplicateSnakeName", "public String $fB;", "@Column(name = \"$f_b\") public String $fb;");
    add(
        "columnNamedLikeId",
        Scope.FIELD,
        Expect.REFUSED,
        x -> {
          if (x.c().idField == null || !x.c().idField.contains("Integer id;")) {
            return false;
          }
          x.add("@Column(name = \"id\") public String " + x.f() + ";");
          x.refuse(x.c().name + ".id");
          return x.refuse(x.where());
        });
  }

  /** A converter class {@code name} from {@code java} to {@code column}, which it never calls. */
  static String converter(String name, String java, String column) {
    return "public class "
        + name
        + " implements ColumnConverter<"
        + java
        + ", "
        + column
        + "> {\n  public "
        + column
        + " toColumn("
        + java
        + " v) { return null; }\n  public "
        + java
        + " fromColumn("
        + column
        + " v) { return null; }\n}\n";
  }

  static void embeddables() {
    add(
        "nestedEmbeddedOk",
        Scope.FIELD,
        Expect.MAPS,
        x -> {
          String e = x.embeddable("public String a; public In" + x.k() + " b;");
          x.add("@Embeddable public static class In" + x.k() + " { public String c; }");
          return x.add("public " + e + " " + x.f() + ";")
              && x.tableColumn(x.f() + "_a")
              && x.tableColumn(x.f() + "_b_c");
        });
    add(
        "recordEmbeddableOk",
        Scope.FIELD,
        Expect.MAPS,
        x ->
            x.add("@Embeddable public record R" + x.k() + "(String a, Integer b) {}")
                && x.add("public R" + x.k() + " " + x.f() + ";")
                && x.tableColumn(x.f() + "_a")
                && x.tableColumn(x.f() + "_b"));
    add(
        "staticColumnInRecordEmbeddable",
        Scope.FIELD,
        Expect.REFUSED,
        x -> {
          x.add(
              "@Embeddable public record R"
                  + x.k()
                  + "(String a) { @Column static String s"
                  + x.k()
                  + "; }");
          x.add("public R" + x.k() + " " + x.f() + ";");
          return x.refuse("R" + x.k() + ".s" + x.k());
        });
    add(
        "embeddableContainsItself",
        Scope.FIELD,
        Expect.REFUSED,
        x -> {
          String e = x.embeddable("public String a; public E" + x.k() + " inner;");
          x.add("public " + e + " " + x.f() + ";");
          return x.refuse(e + ".inner") && x.refuse(x.where());
        });
    add(
        "embeddableCycle",
        Scope.FIELD,
        Expect.REFUSED,
        x -> {
          String e = x.embeddable("public String a; public In" + x.k() + " b;");
          x.add("@Embeddable public static class In" + x.k() + " { public " + e + " back; }");
          x.add("public " + e + " " + x.f() + ";");
          return x.refuse("In" + x.k() + ".back") && x.refuse(e + ".b") && x.refuse(x.where());
        });
  }

  static void typesAndKeys() {
    refused("versionString", "@Version public String $f;");
    refusedPair("versionTwice", "@Version public Integer $f;", "@Version public Long $fb;");
    refused("idAndVersion", "@Id @Version public Integer $f;");
    refused("generatedOnVersion", "@Version @Generated public Integer $f;");
    refused("idDouble", "@Id public Double $f;");
    refused("idObject", "@Id public Object $f;");
    refused("idOnMany", "@Id public final Many<$m> $f = many();");
    refused("idOnOne", "@Id public final One<$m> $f = one();");
    refused("versionOnMany", "@Version public final Many<$m> $f = many();");
    refused("foreignKeyOnOne", "@ForeignKey(\"$t.id\") public final One<$m> $f = one();");
    refused("generatedOnOne", "@Generated public final One<$m> $f = one();");
    refused("columnAndRelationship", "@Column @Relationship public final One<$m> $f = one();");
    refused("relationshipOnInt", "@Relationship public int $f;");
    refused("relationshipOnString", "@Relationship public String $f;");
    refused("relationshipOnModelType", "@Relationship public $m $f;");
    refused("relationshipOnList", "@Relationship public java.util.List<$m> $f;");
    refused("modelTypedColumn", "public $m $f;");
    refused("listOfModelColumn", "public java.util.List<$m> $f;");
    refused("unsupportedType", "public java.util.Date $f;");
    refused("objectColumn", "public Object $f;");
    refused("arrayOfModels", "public $m[] $f;");
    refused("manyOfString", "public final Many<String> $f = null;");
    refused(
        "rawMany",
        "@SuppressWarnings({\"rawtypes\", \"unchecked\"}) public final Many $f = many();");
    refused(
        "rawOne", "@SuppressWarnings({\"rawtypes\", \"unchecked\"}) public final One $f = one();");
    refused("wildcardMany", "public final Many<?> $f = many();");
    refused("boundedWildcardOne", "public final One<? extends $m> $f = one();");
    refused("manyNotFinal", "public Many<$m> $f = many();");
    refused("oneNotFinal", "@Relationship public One<$m> $f = one();");
    refused("oneOfModel", "public final One<Model> $f = one();");
    refused("manyOfModel", "public final Many<Model> $f = many();");
    add(
        "manyOfPlainClass",
        Scope.FIELD,
        Expect.REFUSED,
        x ->
            x.add("public static class P" + x.k() + " {}")
                && x.refuseField("public final Many<P" + x.k() + "> " + x.f() + " = null;"));
    add(
        "manyOfAbstractModel",
        Scope.FIELD,
        Expect.REFUSED,
        x -> {
          x.add(
              "public abstract static class A"
                  + x.k()
                  + " extends Model { @Id public Integer id; }");
          return x.refuseField("public final Many<A" + x.k() + "> " + x.f() + " = many();");
        });
    refused("foreignKeySyntax", "@ForeignKey(\"nothing\") public Integer $f;");
    refused("foreignKeyEmpty", "@ForeignKey(\"\") public Integer $f;");
    refused("foreignKeyThreeParts", "@ForeignKey(\"a.b.c\") public Integer $f;");
    refused("foreignKeyToNowhere", "@ForeignKey(\"nowhere$k.id\") public Integer $f;");
    refused("foreignKeyToMissingColumn", "@ForeignKey(\"$t.nope\") public Integer $f;");
    refused(
        "foreignKeyBadOnDelete",
        "@ForeignKey(value = \"$t.id\", onDelete = \"EXPLODE\") public Integer $f;");
    refused(
        "foreignKeyBadOnUpdate",
        "@ForeignKey(value = \"$t.id\", onUpdate = \"later\") public Integer $f;");
    refused(
        "foreignKeySetNullOnPrimitive",
        "@ForeignKey(value = \"$t.id\", onDelete = \"SET NULL\") public int $f;");
    refused("foreignKeyTypeMismatch", "@ForeignKey(\"$t.id\") public String $f;");
    refused("foreignKeyToItself", "@ForeignKey(\"$t.$f\") public Integer $f;");
    refused("enumeratedOnString", "@Enumerated(EnumStorage.NAME) public String $f;");
    refused(
        "enumeratedAndJson", "@Json @Enumerated(EnumStorage.NAME) public java.time.DayOfWeek $f;");
    refused("sequenceOnPlainColumn", "@Sequence(\"s$k\") public Integer $f;");
    add(
        "embeddedNotEmbeddable",
        Scope.FIELD,
        Expect.REFUSED,
        x ->
            x.add("public static class P" + x.k() + " { public String a; }")
                && x.refuseField("@Embedded public P" + x.k() + " " + x.f() + ";"));
    add(
        "columnOnEmbedded",
        Scope.FIELD,
        Expect.REFUSED,
        x ->
            x.refuseField(
                "@Column public " + x.embeddable("public String a;") + " " + x.f() + ";"));
    add(
        "finalEmbedded",
        Scope.FIELD,
        Expect.REFUSED,
        x ->
            x.refuseField(
                "public final " + x.embeddable("public String a;") + " " + x.f() + " = null;"));
    add(
        "idInEmbeddable",
        Scope.FIELD,
        Expect.REFUSED,
        x ->
            x.refuseField("public " + x.embeddable("@Id public Integer a;") + " " + x.f() + ";")
                && x.refuse("E" + x.k() + ".a"));
    add(
        "relationshipInEmbeddable",
        Scope.FIELD,
        Expect.REFUSED,
        x ->
            x.refuseField(
                    "public "
                        + x.embeddable(
                            "public final One<" + x.kase().classes.get(0).ref() + "> r = null;")
                        + " "
                        + x.f()
                        + ";")
                && x.refuse("E" + x.k() + ".r"));
    add(
        "embeddableWithoutConstructor",
        Scope.FIELD,
        Expect.REFUSED,
        x -> {
          String e = "E" + x.k();
          x.add(
              "@Embeddable public static class "
                  + e
                  + " { public String a; public "
                  + e
                  + "(String a) { this.a = a; } }");
          return x.refuseField("public " + e + " " + x.f() + ";") && x.refuse(e);
        });
    add(
        "emptyEmbeddable",
        Scope.FIELD,
        Expect.REFUSED,
        x ->
            x.refuseField("public " + x.embeddable("") + " " + x.f() + ";")
                && x.refuse("E" + x.k()));
    add(
        "embeddableNotStatic",
        Scope.FIELD,
        Expect.REFUSED,
        x -> {
          x.add("@Embeddable public class N" + x.k() + " { public String a; }");
          return x.refuseField("public N" + x.k() + " " + x.f() + ";") && x.refuse("N" + x.k());
        });
  }
}
