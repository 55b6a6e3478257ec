package dev.tether.processor;

import static dev.tether.processor.DiagnosticsTest.assertReported;
import static dev.tether.processor.DiagnosticsTest.assertSameAtRunTime;
import static dev.tether.processor.DiagnosticsTest.parent;

import org.junit.jupiter.api.Test;

/**
 * Mapping annotations on fields that are never mapped (static, transient), blank column names,
 * orderBy on a One, @Json with @Convert: javac with the processor and {@code Registry.of} refuse
 * them with the same text and code.
 */
class UnmappedFieldDiagnosticsTest {

  @Test
  void columnOnAStaticField() {
    String parent = parent("@Column public static String label;\n");
    String text =
        "Parent.label is static, and static fields are never mapped, but it has @Column, which"
            + " would be ignored. Remove `static` to map the field, or remove @Column if it is not"
            + " stored.";
    assertReported(
        Compilation.of(parent),
        "Parent.java",
        parent,
        "static String label",
        "annotation-on-static",
        text);
    assertSameAtRunTime("annotation-on-static", text, new String[] {parent}, "shop.Parent");
  }

  @Test
  void versionOnATransientField() {
    String parent = parent("@Version public transient Integer version;\n");
    String text =
        "Parent.version is transient, and transient fields are never mapped, but it has @Version,"
            + " which would be ignored. Remove `transient` to map the field, or remove @Version if"
            + " it is not stored.";
    assertReported(
        Compilation.of(parent),
        "Parent.java",
        parent,
        "transient Integer version",
        "annotation-on-transient",
        text);
    assertSameAtRunTime("annotation-on-transient", text, new String[] {parent}, "shop.Parent");
  }

  @Test
  void blankColumnName() {
    String parent = parent("@Column(name = \" \") public String label;\n");
    String text =
        "Parent.label: @Column(name = \" \") is blank. Write the column name, e.g. @Column(name ="
            + " \"label\"), or leave name out for the default 'label'.";
    assertReported(
        Compilation.of(parent), "Parent.java", parent, "name = \" \"", "column-name", text);
    assertSameAtRunTime("column-name", text, new String[] {parent}, "shop.Parent");
  }

  @Test
  void orderByOnAOne() {
    String parent =
        parent(
            "@Relationship(backPopulates = \"parent\") public final Many<Child> children = many();\n");
    String child =
        DiagnosticsTest.child(
            DiagnosticsTest.CHILD_KEY
                + "@Relationship(backPopulates = \"children\", orderBy = \"id\")\n"
                + "public final One<Parent> parent = one();\n");
    String text =
        "Child.parent: orderBy = \"id\" orders a collection, but this is a One, which holds one"
            + " object; it would be ignored. Remove orderBy here, or put it on the Many side of the"
            + " relationship.";
    assertReported(
        Compilation.of(parent, child),
        "Child.java",
        child,
        "orderBy = \"id\"",
        "order-by-on-one",
        text);
    assertSameAtRunTime(
        "order-by-on-one", text, new String[] {parent, child}, "shop.Child", "shop.Parent");
  }

  @Test
  void jsonAndConvertOnOneField() {
    String converter =
        "package shop;\n\nimport dev.tether.*;\n\npublic class UriText implements"
            + " ColumnConverter<java.net.URI, String> {\n"
            + "  public String toColumn(java.net.URI v) { return v.toString(); }\n"
            + "  public java.net.URI fromColumn(String v) { return java.net.URI.create(v); }\n}\n";
    String parent = parent("@Json @Convert(UriText.class) public java.net.URI home;\n");
    String text =
        "Parent.home has both @Json and @Convert(UriText.class), two ways to store one column;"
            + " the converter would be ignored. Keep one: @Json stores the value as JSON text, the"
            + " converter as the column type it names.";
    assertReported(
        Compilation.of(parent, converter),
        "Parent.java",
        parent,
        "public java.net.URI home",
        "json-and-convert",
        text);
    assertSameAtRunTime("json-and-convert", text, new String[] {parent, converter}, "shop.Parent");
  }
}
