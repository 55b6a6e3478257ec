package dev.tether.processor;

import static dev.tether.processor.DiagnosticsTest.assertReported;
import static dev.tether.processor.DiagnosticsTest.assertSameAtRunTime;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The index and constraint mistakes at compile time: the same text, code and (for a single
 * annotation) line as {@code Registry.of} gives for the same sources, both from {@code
 * TableConstraints} and {@code MappingMessages}.
 */
class ConstraintDiagnosticsTest {

  /** {@code shop.Person} with {@code annotations} above the class and {@code members} inside. */
  static String person(String annotations, String members) {
    return "package shop;\n\nimport dev.tether.*;\n\n"
        + annotations
        + "@Table(\"person\")\npublic class Person extends Model {\n  @Id public Integer id;\n"
        + members.indent(2)
        + "}\n";
  }

  @Test
  void indexNamingAnUnknownField() {
    String person =
        person(
            "@Index(columns = {\"lastNmae\", \"firstName\"})\n",
            "public String lastName;\npublic String firstName;\n");
    String text =
        "Person: @Index(columns = {\"lastNmae\", \"firstName\"}) names 'lastNmae', which is neither"
            + " a column field nor a column of Person. Did you mean 'lastName'? Column fields: id,"
            + " lastName, firstName.";
    assertReported(
        Compilation.of(person),
        "Person.java",
        person,
        "columns = {\"lastNmae\"",
        "constraint-column",
        text);
    assertSameAtRunTime("constraint-column", text, new String[] {person}, "shop.Person");
  }

  @Test
  void duplicateIndexAmongRepeatedAnnotations() {
    String person =
        person(
            "@Index(columns = {\"a\", \"b\"})\n@UniqueConstraint(columns = {\"a\", \"b\"})\n",
            "public String a;\npublic String b;\n");
    String text =
        "Person: @UniqueConstraint(columns = {\"a\", \"b\"}) repeats @Index(columns = {\"a\","
            + " \"b\"}), over the same columns in the same order; a UNIQUE constraint is an index"
            + " too, so the database would keep two identical indexes. Remove one of them.";
    assertReported(
        Compilation.of(person),
        "Person.java",
        person,
        "@UniqueConstraint(columns",
        "constraint-duplicate",
        text);
    assertSameAtRunTime("constraint-duplicate", text, new String[] {person}, "shop.Person");
  }

  @Test
  void columnIndexRepeatingAnIndex() {
    String person =
        person("@Index(columns = \"city\")\n", "@Column(index = true) public String city;\n");
    String text =
        "Person: @Column(index = true) on Person.city repeats @Index(columns = {\"city\"}), over"
            + " the same columns in the same order; a UNIQUE constraint is an index too, so the"
            + " database would keep two identical indexes. Remove one of them.";
    assertReported(
        Compilation.of(person),
        "Person.java",
        person,
        "@Column(index = true)",
        "constraint-duplicate",
        text);
    assertSameAtRunTime("constraint-duplicate", text, new String[] {person}, "shop.Person");
  }

  @Test
  void emptyColumnList() {
    String person = person("@UniqueConstraint(columns = {})\n", "public String code;\n");
    String text =
        "Person: @UniqueConstraint(columns = {}) names no column. List the fields it covers, in"
            + " order: columns = {\"id\", \"code\"}.";
    assertReported(
        Compilation.of(person),
        "Person.java",
        person,
        "@UniqueConstraint(columns = {})",
        "constraint-no-columns",
        text);
    assertSameAtRunTime("constraint-no-columns", text, new String[] {person}, "shop.Person");
  }

  @Test
  void checkNamingAJavaField() {
    String person = person("@Check(\"unitPrice > 0\")\n", "public Integer unitPrice;\n");
    String text =
        "Person: @Check(\"unitPrice > 0\") names 'unitPrice', the Java field; the condition is SQL"
            + " and names columns, and Person.unitPrice is column 'unit_price'. Write"
            + " @Check(\"unit_price > 0\").";
    assertReported(
        Compilation.of(person), "Person.java", person, "@Check(", "check-field-name", text);
    assertSameAtRunTime("check-field-name", text, new String[] {person}, "shop.Person");
  }

  @Test
  void unknownOnUpdateAction() {
    String parent =
        "package shop;\n\nimport dev.tether.*;\n\n@Table(\"parent\")\n"
            + "public class Parent extends Model {\n  @Id public Integer id;\n}\n";
    String child =
        person(
            "",
            "@ForeignKey(value = \"parent.id\", onUpdate = \"CASCAED\")\n"
                + "public Integer parentId;\n");
    String text =
        "Person.parentId: @ForeignKey(onUpdate = \"CASCAED\") is not a referential action. Did"
            + " you mean 'CASCADE'? Write one of: CASCADE, SET NULL, RESTRICT, NO ACTION, SET"
            + " DEFAULT.";
    assertReported(
        Compilation.of(parent, child),
        "Person.java",
        child,
        "onUpdate = \"CASCAED\"",
        "fk-on-update",
        text);
    assertSameAtRunTime(
        "fk-on-update", text, new String[] {parent, child}, "shop.Parent", "shop.Person");
  }

  @Test
  void validDeclarationsCompileCleanly() {
    Compilation c =
        Compilation.of(
            person(
                "@Index(columns = {\"lastName\", \"first_name\"})\n"
                    + "@Index(columns = \"email\", unique = true, name = \"ux_email\")\n"
                    + "@UniqueConstraint(columns = {\"country\", \"taxId\"})\n"
                    + "@Check(\"credit >= 0\")\n",
                "public String lastName;\npublic String firstName;\npublic String email;\n"
                    + "public String country;\npublic String taxId;\npublic Integer credit;\n"
                    + "@Column(index = true) public String city;\n"));
    assertThat(c.success).as(c.reports.toString()).isTrue();
  }
}
