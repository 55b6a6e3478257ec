package dev.tether.processor;

import static dev.tether.processor.DiagnosticsTest.assertReported;
import static dev.tether.processor.DiagnosticsTest.assertSameAtRunTime;
import static dev.tether.processor.DiagnosticsTest.model;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The mistakes in embedded values the processor reports, each with its exact text on the line at
 * fault, and the same text and code from {@code Registry.of} for the same classes compiled without
 * the processor; and a correct embeddable from a library compiled without the processor, whose
 * metamodel the processor writes when a model embeds it.
 */
class EmbeddedDiagnosticsTest {

  /** {@code shop.Customer} mapping table customer, with {@code members}. */
  static String customer(String members) {
    return model("Customer", "customer", members);
  }

  /** {@code shop.<name>}, an embeddable given as a whole declaration. */
  static String embeddable(String declaration) {
    return "package shop;\n\nimport dev.tether.*;\nimport java.util.List;\n\n" + declaration;
  }

  static final String ADDRESS =
      embeddable("@Embeddable\npublic record Address(String street, String city) {}\n");

  @Test
  void embeddedOnATypeThatIsNotEmbeddable() {
    String plain = embeddable("public record Plain(String text) {}\n");
    String customer = customer("@Embedded(prefix = \"p_\") public Plain plain;\n");
    String text =
        "Customer.plain has @Embedded, but its type Plain is not marked @Embeddable. Annotate the"
            + " type: `@Embeddable public record Plain(...)`; or remove @Embedded if the field is"
            + " a column of its own.";
    assertReported(
        Compilation.of(plain, customer),
        "Customer.java",
        customer,
        "public Plain plain",
        "embedded-not-embeddable",
        text);
    assertSameAtRunTime(
        "embedded-not-embeddable", text, new String[] {plain, customer}, "shop.Customer");
  }

  @Test
  void aColumnAnnotationOnAnEmbeddedField() {
    String customer = customer("@Column(unique = true)\npublic Address home;\n");
    String text =
        "Customer.home is an embedded Address, but has @Column, which belongs on a column field."
            + " Declare column settings on the components of Address, and the column names'"
            + " prefix with @Embedded(prefix = \"...\"); remove @Column here.";
    assertReported(
        Compilation.of(ADDRESS, customer),
        "Customer.java",
        customer,
        "@Column(unique = true)",
        "embedded-annotation",
        text);
    assertSameAtRunTime(
        "embedded-annotation", text, new String[] {ADDRESS, customer}, "shop.Customer");
  }

  @Test
  void aRelationshipInAnEmbeddable() {
    String owned =
        embeddable(
            "@Embeddable\npublic class Owned {\n  public String label;\n"
                + "  public final One<Customer> owner = null;\n}\n");
    String customer = customer("public Owned owned;\n");
    String text =
        "Owned.owner is a relationship, but Owned is @Embeddable: an embedded value is a part of"
            + " its owner's row and has no relationships. Declare the relationship on the model"
            + " that embeds Owned.";
    assertReported(
        Compilation.of(owned, customer),
        "Owned.java",
        owned,
        "One<Customer> owner",
        "embeddable-relationship",
        text);
    assertSameAtRunTime(
        "embeddable-relationship", text, new String[] {owned, customer}, "shop.Customer");
  }

  @Test
  void aKeyInAnEmbeddable() {
    String coded = embeddable("@Embeddable\npublic record Coded(@Id Integer code) {}\n");
    String customer = customer("public Coded coded;\n");
    String text =
        "Coded.code has @Id, but Coded is @Embeddable: an embedded value has no key of its own;"
            + " the @Id of the model that embeds it identifies the row. Declare that field on the"
            + " model, and remove it from Coded.";
    assertReported(
        Compilation.of(coded, customer),
        "Coded.java",
        coded,
        "public record Coded",
        "embeddable-annotation",
        text);
    assertSameAtRunTime(
        "embeddable-annotation", text, new String[] {coded, customer}, "shop.Customer");
  }

  @Test
  void aClassWithoutANoArgumentConstructor() {
    String label =
        embeddable(
            "@Embeddable\npublic class Label {\n  public String text;\n\n"
                + "  public Label(String text) {\n    this.text = text;\n  }\n}\n");
    String customer = customer("public Label label;\n");
    String text =
        "Label is @Embeddable, but has no no-argument constructor, which Tether uses to create the"
            + " values it loads before setting their fields. Add `public Label() {}`, or make it a"
            + " record (its canonical constructor is used).";
    assertReported(
        Compilation.of(label, customer),
        "Label.java",
        label,
        "public class Label",
        "embeddable-constructor",
        text);
    assertSameAtRunTime(
        "embeddable-constructor", text, new String[] {label, customer}, "shop.Customer");
  }

  @Test
  void anEmptyEmbeddable() {
    String empty =
        embeddable("@Embeddable\npublic class Empty {\n  public static int shared;\n}\n");
    String customer = customer("public Empty empty;\n");
    String text =
        "Empty is @Embeddable, but has no fields to store (static and transient fields are not"
            + " stored). Give it at least one component, or remove @Embeddable.";
    assertReported(
        Compilation.of(empty, customer),
        "Empty.java",
        empty,
        "public class Empty",
        "embeddable-empty",
        text);
    assertSameAtRunTime("embeddable-empty", text, new String[] {empty, customer}, "shop.Customer");
  }

  @Test
  void anEmbeddableThatContainsItself() {
    String link =
        embeddable(
            "@Embeddable\npublic class Link {\n  public String label;\n  public Link next;\n}\n");
    String customer = customer("public Link link;\n");
    String text =
        "Link.next embeds Link, which already encloses it: the columns would never end. Store that"
            + " field with @Json, or break the cycle.";
    assertReported(
        Compilation.of(link, customer),
        "Link.java",
        link,
        "public Link next",
        "embeddable-cycle",
        text);
    assertSameAtRunTime("embeddable-cycle", text, new String[] {link, customer}, "shop.Customer");
  }

  @Test
  void anEmbeddableThatIsAlsoConverted() {
    String converter =
        embeddable(
            "public class CodeConverter implements ColumnConverter<Code, String> {\n"
                + "  public String toColumn(Code c) {\n    return c.text();\n  }\n\n"
                + "  public Code fromColumn(String s) {\n    return new Code(s);\n  }\n}\n");
    String code =
        embeddable(
            "@Embeddable\n@Convert(CodeConverter.class)\npublic record Code(String text) {}\n");
    String customer = customer("public Code code;\n");
    String text =
        "Code has both @Embeddable (a value in several columns) and @Convert (a value in one"
            + " column). Keep the one you mean.";
    assertReported(
        Compilation.of(converter, code, customer),
        "Code.java",
        code,
        "public record Code",
        "embeddable-converted",
        text);
    assertSameAtRunTime(
        "embeddable-converted", text, new String[] {converter, code, customer}, "shop.Customer");
  }

  @Test
  void aComponentOfNoColumnType() {
    String tagged =
        embeddable("@Embeddable\npublic record Tagged(String label, List<String> tags) {}\n");
    String customer = customer("public Tagged tagged;\n");
    Compilation c = Compilation.of(tagged, customer);
    String message = c.error().message();
    assertThat(c.error().file()).isEqualTo("Tagged.java");
    assertThat(message)
        .startsWith(
            "[tether:column-type] Tagged.tags has type List<String>, which is not a column type.");
    assertSameAtRunTime(
        "column-type",
        message.substring("[tether:column-type] ".length()),
        new String[] {tagged, customer},
        "shop.Customer");
  }

  @Test
  void twoEmbeddedFieldsOnOneColumn() {
    String customer =
        customer(
            "@Embedded(prefix = \"\") public Address home;\n"
                + "@Embedded(prefix = \"\") public Address work;\n");
    String text =
        "Customer.home.street and Customer.work.street both map column 'street' of table"
            + " 'customer'. Give an embedded field another prefix with @Embedded(prefix ="
            + " \"...\"), or a column another name with @Column(name = \"...\").";
    assertReported(
        Compilation.of(ADDRESS, customer),
        "Customer.java",
        customer,
        "public Address work",
        "column-twice",
        text);
    assertSameAtRunTime("column-twice", text, new String[] {ADDRESS, customer}, "shop.Customer");
  }

  @Test
  void anEmbeddableFromALibraryWithoutAMetamodelGetsOne() {
    Compilation library = Compilation.withoutProcessor(ADDRESS);
    assertThat(library.success).isTrue();
    Compilation app =
        Compilation.into(
            library.classes, customer("@Embedded(prefix = \"h_\") public Address home;\n"));
    assertThat(app.problems()).isEmpty();
    assertThat(app.generatedSources())
        .containsOnlyKeys("shop/Address_.java", "shop/Customer_.java");
    assertThat(app.generatedSource("shop.Customer_"))
        .contains(
            "public static final Address_<Customer> home = new Address_<>(Customer.class,"
                + " \"home\");")
        .contains("{@code h_street}")
        .contains("h_city} of table {@code customer}");
    assertThat(app.configured("shop.Customer")).containsKey("shop.Customer");
  }
}
