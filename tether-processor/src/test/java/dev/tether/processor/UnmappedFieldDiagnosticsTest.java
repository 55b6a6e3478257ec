package dev.tether.processor;

import static dev.tether.processor.DiagnosticsTest.assertReported;
import static dev.tether.processor.DiagnosticsTest.assertSameAtRunTime;
import static dev.tether.processor.DiagnosticsTest.parent;

import org.junit.jupiter.api.Test;

/**
 * Mapping annotations on fields that are never mapped (static, transient) and blank column names:
 * javac with the processor and {@code Registry.of} refuse them with the same text and code.
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
}
