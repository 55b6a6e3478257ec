package dev.tether.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.MappingException;
import dev.tether.processor.Compilation.Report;
import org.junit.jupiter.api.Test;

/**
 * One test per mistake the processor reports: the exact message javac prints, on the line of the
 * offending declaration. Where {@code Registry.of} decides the same from the same classes (compiled
 * without the processor), the test also checks that it throws the same text with the same code:
 * both come from {@code MappingMessages}.
 */
class DiagnosticsTest {

  /** {@code shop.Parent} mapping table parent, with {@code members} inside the class body. */
  static String parent(String members) {
    return model("Parent", "parent", members);
  }

  /** {@code shop.Child} mapping table child, with {@code members} inside the class body. */
  static String child(String members) {
    return model("Child", "child", members);
  }

  static String model(String name, String table, String members) {
    return "package shop;\n\nimport dev.tether.*;\n\n@Table(\""
        + table
        + "\")\npublic class "
        + name
        + " extends Model {\n  @Id public Integer id;\n"
        + members.indent(2)
        + "}\n";
  }

  static final String CHILD_KEY = "@ForeignKey(\"parent.id\") public Integer parentId;\n";

  /** The 1-based line of {@code source} that contains {@code text}. */
  static long lineOf(String source, String text) {
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(text)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException(text + " not in\n" + source);
  }

  /** javac reports exactly one error: {@code code}'s {@code text}, at that line of that file. */
  static void assertReported(
      Compilation c, String file, String source, String at, String code, String text) {
    Report r = c.error();
    assertThat(r.file()).isEqualTo(file);
    assertThat(r.message()).isEqualTo("[tether:" + code + "] " + text);
    assertThat(r.line()).as("line of " + r).isEqualTo(lineOf(source, at));
  }

  /** {@code Registry.of(classes)} fails with the same code and text on the same sources. */
  static void assertSameAtRunTime(String code, String text, String[] sources, String... classes) {
    Compilation plain = Compilation.withoutProcessor(sources);
    assertThat(plain.success).as("compiles without the processor: " + plain.reports).isTrue();
    MappingException e = plain.runtimeFailure(classes);
    assertThat(e.getMessage()).isEqualTo(text);
    assertThat(e.code()).isEqualTo(code);
  }

  // ---- backPopulates -----------------------------------------------------------------------

  @Test
  void oneSidedBackPopulatesIsSeed000sMistake() {
    String parent = parent("@Relationship public final Many<Child> children = many();\n");
    String child =
        child(
            CHILD_KEY
                + "@Relationship(backPopulates = \"children\")\n"
                + "public final One<Parent> parent = one();\n");
    String text =
        "Child.parent: backPopulates = \"children\" names Parent.children, but Parent.children"
            + " has no backPopulates, so changes made through Parent.children would not reach"
            + " Child.parent. The two sides must name each other: add"
            + " @Relationship(backPopulates = \"parent\") to Parent.children.";
    assertReported(
        Compilation.of(parent, child),
        "Child.java",
        child,
        "backPopulates = \"children\"",
        "backpopulates-one-sided",
        text);
    assertSameAtRunTime(
        "backpopulates-one-sided", text, new String[] {parent, child}, "shop.Child", "shop.Parent");
  }

  @Test
  void backPopulatesNamingSomethingElseIsOneSided() {
    String parent =
        parent(
            "@Relationship(backPopulates = \"owner\") public final Many<Child> children = many();\n"
                + "@Relationship public final Many<Child> others = many();\n");
    String child =
        child(
            CHILD_KEY
                + "@Relationship(backPopulates = \"others\", foreignKeys = \"parentId\")\n"
                + "public final One<Parent> owner = one();\n");
    Compilation c = Compilation.of(parent, child);
    Report r =
        c.reports.stream().filter(x -> x.file().equals("Child.java")).findFirst().orElseThrow();
    assertThat(r.message())
        .isEqualTo(
            "[tether:backpopulates-one-sided] Child.owner: backPopulates = \"others\" names"
                + " Parent.others, but Parent.others has no backPopulates, so changes made through"
                + " Parent.others would not reach Child.owner. The two sides must name each other:"
                + " add @Relationship(backPopulates = \"owner\") to Parent.others.");
  }

  @Test
  void backPopulatesWithATypoSuggestsTheCloseName() {
    String parent =
        parent(
            "@Relationship(backPopulates = \"parnt\")\n"
                + "public final Many<Child> children = many();\n");
    String child = child(CHILD_KEY + "@Relationship public final One<Parent> parent = one();\n");
    String text =
        "Parent.children: backPopulates = \"parnt\" names no relationship of Child. Did you mean"
            + " 'parent'? Child's relationships: parent.";
    assertReported(
        Compilation.of(parent, child),
        "Parent.java",
        parent,
        "backPopulates = \"parnt\"",
        "backpopulates-missing",
        text);
    assertSameAtRunTime("backpopulates-missing", text, new String[] {parent, child}, "shop.Parent");
  }

  @Test
  void backPopulatesNamingNothingShowsTheFieldToAdd() {
    String parent = parent("");
    String child =
        child(
            CHILD_KEY
                + "@Relationship(backPopulates = \"children\")\n"
                + "public final One<Parent> parent = one();\n");
    String text =
        "Child.parent: backPopulates = \"children\" names no relationship of Parent. Add the"
            + " reverse side to Parent: `@Relationship(backPopulates = \"parent\") public final"
            + " Many<Child> children = many();`.";
    assertReported(
        Compilation.of(parent, child),
        "Child.java",
        child,
        "backPopulates = \"children\"",
        "backpopulates-missing",
        text);
    assertSameAtRunTime("backpopulates-missing", text, new String[] {parent, child}, "shop.Child");
  }

  @Test
  void backPopulatesNamingAColumnField() {
    String parent =
        parent(
            "@Relationship(backPopulates = \"parentId\")\n"
                + "public final Many<Child> children = many();\n");
    String child = child(CHILD_KEY);
    String text =
        "Parent.children: backPopulates = \"parentId\" names Child.parentId, a column field, not a"
            + " relationship; backPopulates names the relationship on Child that points back to"
            + " Parent. Child has no relationship to Parent; add one: `@Relationship(backPopulates"
            + " = \"children\") public final One<Parent> parent = one();`.";
    assertReported(
        Compilation.of(parent, child),
        "Parent.java",
        parent,
        "backPopulates = \"parentId\"",
        "backpopulates-column",
        text);
    assertSameAtRunTime("backpopulates-column", text, new String[] {parent, child}, "shop.Parent");
  }

  @Test
  void backPopulatesNamingARelationshipToAnotherClass() {
    String parent =
        parent(
            "@Relationship(backPopulates = \"toy\")\n"
                + "public final Many<Child> children = many();\n");
    String child =
        child(
            CHILD_KEY
                + "@ForeignKey(\"toy.id\") public Integer toyId;\n"
                + "@Relationship public final One<Toy> toy = one();\n");
    String toy = model("Toy", "toy", "");
    String text =
        "Parent.children: backPopulates = \"toy\" names Child.toy, which relates to Toy, not to"
            + " Parent; the two sides of a pair point at each other's class. Child has no"
            + " relationship to Parent; add one: `@Relationship(backPopulates = \"children\") public"
            + " final One<Parent> parent = one();`.";
    assertReported(
        Compilation.of(parent, child, toy),
        "Parent.java",
        parent,
        "backPopulates = \"toy\"",
        "backpopulates-wrong-target",
        text);
    assertSameAtRunTime(
        "backpopulates-wrong-target", text, new String[] {parent, child, toy}, "shop.Parent");
  }

  @Test
  void backPopulatesNamingARelationshipThatIsPairedElsewhere() {
    String parent =
        parent(
            "@Relationship(backPopulates = \"parent\")\n"
                + "public final Many<Child> children = many();\n"
                + "@Relationship(backPopulates = \"parent\")\n"
                + "public final Many<Child> kids = many();\n");
    String child =
        child(
            CHILD_KEY
                + "@Relationship(backPopulates = \"children\")\n"
                + "public final One<Parent> parent = one();\n");
    String text =
        "Parent.kids: backPopulates = \"parent\" names Child.parent, but Child.parent and"
            + " Parent.children name each other, and a relationship has one reverse side. Remove"
            + " backPopulates from Parent.kids (or mark it viewOnly = true if it is only read), or"
            + " give Child a separate relationship to pair with it: `@Relationship(backPopulates ="
            + " \"kids\") public final One<Parent> <name> = one();`.";
    Compilation c = Compilation.of(parent, child);
    Report r = c.error();
    assertThat(r.message()).isEqualTo("[tether:backpopulates-taken] " + text);
    assertThat(r.line()).isEqualTo(lineOf(parent, "public final Many<Child> children") + 1);
    assertSameAtRunTime("backpopulates-taken", text, new String[] {parent, child}, "shop.Parent");
  }

  @Test
  void aPairOfTwoManySidesHasTheSameDirection() {
    String node =
        model(
            "Node",
            "node",
            "@ForeignKey(\"node.id\") public Integer parentId;\n"
                + "@Relationship(backPopulates = \"children\")\n"
                + "public final Many<Node> parents = many();\n"
                + "@Relationship(backPopulates = \"parents\")\n"
                + "public final Many<Node> children = many();\n");
    String text =
        "Node.parents and Node.children name each other but are both Many sides of Node.parentId"
            + " (node.parent_id → node.id). A pair has one One side (many-to-one, on the objects"
            + " that hold the key) and one Many side (one-to-many). Declare Node.children as"
            + " `public final One<Node> children = one();`.";
    assertReported(
        Compilation.of(node),
        "Node.java",
        node,
        "backPopulates = \"children\"",
        "same-direction",
        text);
    assertSameAtRunTime("same-direction", text, new String[] {node}, "shop.Node");
  }

  @Test
  void aPairOfTwoOneSidesInOneTableSaysHowToMakeAOneToOne() {
    String node =
        model(
            "Node",
            "node",
            "@ForeignKey(\"node.id\") public Integer nextId;\n"
                + "@Relationship(backPopulates = \"previous\")\n"
                + "public final One<Node> next = one();\n"
                + "@Relationship(backPopulates = \"next\")\n"
                + "public final One<Node> previous = one();\n");
    String text =
        "Node.next and Node.previous name each other but are both One sides of Node.nextId"
            + " (node.next_id → node.id). A pair has one One side (many-to-one, on the objects that"
            + " hold the key) and one Many side (one-to-many). Declare Node.previous as `public"
            + " final Many<Node> previous = many();`. For a one-to-one between Node rows, declare"
            + " only the side that holds the key, make the key unique and let a backref create the"
            + " other side: `@ForeignKey(\"node.id\") @Column(unique = true) public Integer nextId;`"
            + " and `@Relationship(backref = \"previous\") public final One<Node> next = one();`"
            + " (remove the field Node.previous).";
    assertReported(
        Compilation.of(node),
        "Node.java",
        node,
        "backPopulates = \"previous\"",
        "same-direction",
        text);
    assertSameAtRunTime("same-direction", text, new String[] {node}, "shop.Node");
  }

  // ---- backref -----------------------------------------------------------------------------

  @Test
  void backrefCollidingWithARelationshipField() {
    String parent = parent("@Relationship public final Many<Child> children = many();\n");
    String child =
        child(
            CHILD_KEY
                + "@Relationship(backref = \"children\")\n"
                + "public final One<Parent> parent = one();\n");
    String text =
        "Child.parent: backref = \"children\" cannot create Parent.children: Parent already has a"
            + " relationship field 'children'. To link the two declared fields, replace backref ="
            + " \"children\" with backPopulates = \"children\" and add backPopulates = \"parent\" to"
            + " Parent.children; otherwise choose another backref name.";
    assertReported(
        Compilation.of(parent, child),
        "Child.java",
        child,
        "backref = \"children\"",
        "backref-collides",
        text);
    assertSameAtRunTime("backref-collides", text, new String[] {parent, child}, "shop.Child");
  }

  @Test
  void backrefCollidingWithAColumnField() {
    String parent = parent("public String kids;\n");
    String child =
        child(
            CHILD_KEY
                + "@Relationship(backref = \"kids\")\n"
                + "public final One<Parent> parent = one();\n");
    String text =
        "Child.parent: backref = \"kids\" cannot create Parent.kids: Parent already has a column"
            + " field 'kids'. Choose another backref name.";
    assertReported(
        Compilation.of(parent, child),
        "Child.java",
        child,
        "backref = \"kids\"",
        "backref-collides",
        text);
    assertSameAtRunTime("backref-collides", text, new String[] {parent, child}, "shop.Child");
  }

  @Test
  void twoBackrefsOfTheSameName() {
    String parent = parent("");
    String child =
        child(
            CHILD_KEY
                + "@ForeignKey(\"parent.id\") public Integer guardianId;\n"
                + "@Relationship(backref = \"children\", foreignKeys = \"parentId\")\n"
                + "public final One<Parent> parent = one();\n"
                + "@Relationship(backref = \"children\", foreignKeys = \"guardianId\")\n"
                + "public final One<Parent> guardian = one();\n");
    String text =
        "Child.guardian: backref = \"children\" cannot create Parent.children: the backref of"
            + " Child.parent already created it. Choose another backref name for one of them.";
    Compilation c = Compilation.of(parent, child);
    Report r = c.error();
    assertThat(r.message()).isEqualTo("[tether:backref-taken-by-backref] " + text);
    assertThat(r.line()).isEqualTo(lineOf(child, "foreignKeys = \"guardianId\""));
    assertSameAtRunTime(
        "backref-taken-by-backref", text, new String[] {parent, child}, "shop.Child");
  }

  @Test
  void backrefAndBackPopulatesTogether() {
    String parent = parent("");
    String child =
        child(
            CHILD_KEY
                + "@Relationship(backPopulates = \"children\", backref = \"kids\")\n"
                + "public final One<Parent> parent = one();\n");
    String text =
        "Child.parent declares both backref and backPopulates; they are two ways to the same end,"
            + " so keep one: backPopulates = \"children\" when Parent declares the reverse field"
            + " itself (naming \"parent\" back), or backref = \"kids\" alone to have Tether create"
            + " Parent.kids.";
    assertReported(
        Compilation.of(parent, child),
        "Child.java",
        child,
        "backref = \"kids\"",
        "backref-and-backpopulates",
        text);
    assertSameAtRunTime(
        "backref-and-backpopulates", text, new String[] {parent, child}, "shop.Child");
  }

  // ---- relationship fields -----------------------------------------------------------------

  @Test
  void relationshipOnAFieldThatIsNotOneOrMany() {
    String parent =
        "package shop;\n\nimport dev.tether.*;\nimport java.util.List;\n\n"
            + "public class Parent extends Model {\n"
            + "  @Id public Integer id;\n"
            + "  @Relationship public List<Child> children;\n"
            + "}\n";
    String child = child(CHILD_KEY);
    String text =
        "Parent.children has @Relationship but its type is List<Child>; a relationship field is a"
            + " One<T> (one related object) or a Many<T> (a collection): `public final Many<Child>"
            + " children = many();` or `public final One<Child> children = one();`.";
    assertReported(
        Compilation.of(parent, child),
        "Parent.java",
        parent,
        "List<Child> children",
        "relationship-field-type",
        text);
    assertSameAtRunTime(
        "relationship-field-type", text, new String[] {parent, child}, "shop.Parent");
  }

  @Test
  void aCollectionOfModelsWithoutRelationshipIsNotAColumn() {
    String parent =
        "package shop;\n\nimport dev.tether.*;\nimport java.util.List;\n\n"
            + "public class Parent extends Model {\n"
            + "  @Id public Integer id;\n"
            + "  public List<Child> children;\n"
            + "}\n";
    String child = child(CHILD_KEY);
    String text =
        "Parent.children has type List<Child>, which is not a column type. A relationship is"
            + " declared `public final Many<Child> children = many();`."
            + " Column types: Byte/byte, Short/short, Integer/int, Long/long, Float/float, Double/double, BigDecimal, Boolean/boolean, Character/char, String, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant, Duration, UUID, enums, byte[]. Any other type is stored with @Json (a JSON document) or @Convert(...) (a ColumnConverter of your own). A field that is not stored must be declared transient.";
    assertReported(
        Compilation.of(parent, child),
        "Parent.java",
        parent,
        "List<Child> children",
        "column-type",
        text);
    assertSameAtRunTime("column-type", text, new String[] {parent, child}, "shop.Parent");
  }

  @Test
  void jsonAndConvertedFieldsAreColumns() {
    String money =
        "package shop;\n\nimport dev.tether.*;\n\n"
            + "@Convert(MoneyConverter.class)\n"
            + "public record Money(java.math.BigDecimal amount) {}\n";
    String moneyConverter =
        "package shop;\n\nimport dev.tether.*;\nimport java.math.BigDecimal;\n\n"
            + "public class MoneyConverter implements ColumnConverter<Money, BigDecimal> {\n"
            + "  public BigDecimal toColumn(Money m) { return m.amount(); }\n"
            + "  public Money fromColumn(BigDecimal d) { return new Money(d); }\n"
            + "}\n";
    String uriConverter =
        "package shop;\n\nimport dev.tether.*;\nimport java.net.URI;\n\n"
            + "public class UriConverter implements ColumnConverter<URI, String> {\n"
            + "  public String toColumn(URI u) { return u.toString(); }\n"
            + "  public URI fromColumn(String s) { return URI.create(s); }\n"
            + "}\n";
    String shop =
        "package shop;\n\nimport dev.tether.*;\nimport java.util.*;\n\n"
            + "@Table(\"shop\")\n@Converters(UriConverter.class)\n"
            + "public class Shop extends Model {\n"
            + "  @Id public Integer id;\n"
            + "  @Json public Map<String, List<Integer>> settings;\n"
            + "  @Convert(UriConverter.class) public java.net.URI own;\n"
            + "  public java.net.URI registered;\n"
            + "  public Money total;\n"
            + "  public byte tiny; public Character initial; public java.time.Duration wait;\n"
            + "}\n";
    Compilation c = Compilation.of(money, moneyConverter, uriConverter, shop);
    assertThat(c.success).as("compiles: " + c.reports).isTrue();
    assertThat(c.reports).isEmpty();
  }

  @Test
  void aFieldOfAnotherTypeWithoutConverterIsStillAnError() {
    String shop =
        "package shop;\n\nimport dev.tether.*;\n\n"
            + "@Table(\"shop\")\n"
            + "public class Shop extends Model {\n"
            + "  @Id public Integer id;\n"
            + "  public java.nio.file.Path home;\n"
            + "}\n";
    String text =
        "Shop.home has type Path, which is not a column type. Column types: "
            + dev.tether.mapping.ColumnType.supportedList()
            + ". Any other type is stored with @Json (a JSON document) or @Convert(...) (a"
            + " ColumnConverter of your own). A field that is not stored must be declared"
            + " transient.";
    assertReported(Compilation.of(shop), "Shop.java", shop, "Path home", "column-type", text);
    assertSameAtRunTime("column-type", text, new String[] {shop}, "shop.Shop");
  }

  @Test
  void enumeratedOnAStringAndPrecisionOnAnInt() {
    String shop =
        "package shop;\n\nimport dev.tether.*;\n\n"
            + "@Table(\"shop\")\n"
            + "public class Shop extends Model {\n"
            + "  @Id public Integer id;\n"
            + "  @Enumerated(EnumStorage.ORDINAL) public String state;\n"
            + "}\n";
    String text =
        "Shop.state has @Enumerated but is a String; @Enumerated chooses how an enum is stored."
            + " Remove it, or make the field an enum.";
    assertReported(
        Compilation.of(shop), "Shop.java", shop, "String state", "enumerated-type", text);
    assertSameAtRunTime("enumerated-type", text, new String[] {shop}, "shop.Shop");
    String sized =
        "package shop;\n\nimport dev.tether.*;\n\n"
            + "@Table(\"sized\")\n"
            + "public class Sized extends Model {\n"
            + "  @Id public Integer id;\n"
            + "  @Column(precision = 10, scale = 2) public int amount;\n"
            + "}\n";
    String sizedText =
        "Sized.amount: @Column(precision = 10, scale = 2) applies to BigDecimal columns only, and"
            + " this field's column holds int. Remove precision and scale.";
    assertReported(
        Compilation.of(sized), "Sized.java", sized, "int amount", "column-precision", sizedText);
    assertSameAtRunTime("column-precision", sizedText, new String[] {sized}, "shop.Sized");
  }

  @Test
  void rawOneNamesNoTarget() {
    String child =
        child(
            CHILD_KEY
                + "@SuppressWarnings(\"rawtypes\") @Relationship\npublic final One parent = one();\n");
    String text =
        "Child.parent must name its target class: declare it as One<Target>, not as a raw or"
            + " wildcard type.";
    assertReported(
        Compilation.of(parent(""), child),
        "Child.java",
        child,
        "public final One parent",
        "relationship-type",
        text);
    assertSameAtRunTime("relationship-type", text, new String[] {parent(""), child}, "shop.Child");
  }

  @Test
  void relationshipFieldMustBeFinal() {
    String child = child(CHILD_KEY + "@Relationship\npublic One<Parent> parent = one();\n");
    String text =
        "Child.parent must be final: the relationship container is created once with the object"
            + " and never replaced. Write `public final One<Parent> parent = one();`.";
    assertReported(
        Compilation.of(parent(""), child),
        "Child.java",
        child,
        "public One<Parent> parent",
        "relationship-not-final",
        text);
    assertSameAtRunTime(
        "relationship-not-final", text, new String[] {parent(""), child}, "shop.Child");
  }

  @Test
  void relationshipToAClassThatIsNotAModel() {
    String child = child(CHILD_KEY + "@Relationship\npublic final One<String> parent = one();\n");
    String text =
        "Child.parent points to String, which is not a model. Relationship targets must be"
            + " classes that extend Model.";
    Compilation c = Compilation.of(parent(""), child);
    // javac itself refuses One<String> = one() (T extends Model); the processor's error is the
    // one that says what to do
    assertThat(c.reports)
        .anySatisfy(
            r -> {
              assertThat(r.message()).isEqualTo("[tether:target-not-model] " + text);
              assertThat(r.line()).isEqualTo(lineOf(child, "One<String> parent"));
            });
  }

  @Test
  void relationshipToAnAbstractModel() {
    String base =
        "package shop;\n\nimport dev.tether.*;\n\n"
            + "public abstract class Base extends Model {\n  @Id public Integer id;\n}\n";
    String child = child(CHILD_KEY + "@Relationship\npublic final One<Base> parent = one();\n");
    String text =
        "Child.parent points to Base, which is abstract and has no table of its own. Name a"
            + " concrete model class that extends it.";
    assertReported(
        Compilation.of(parent(""), base, child),
        "Child.java",
        child,
        "One<Base> parent",
        "target-not-model",
        text);
    assertSameAtRunTime(
        "target-not-model",
        text,
        new String[] {parent(""), base, child},
        "shop.Parent",
        "shop.Child");
  }

  // ---- keys, columns and classes -----------------------------------------------------------

  @Test
  void foreignKeyWithoutTableAndColumn() {
    String child = child("@ForeignKey(\"parent\") public Integer parentId;\n");
    String text =
        "Child.parentId: @ForeignKey(\"parent\") must name \"table.column\", the table name and"
            + " the column name joined by a dot, for example @ForeignKey(\"parent.id\").";
    assertReported(
        Compilation.of(parent(""), child),
        "Child.java",
        child,
        "@ForeignKey(\"parent\")",
        "fk-syntax",
        text);
    assertSameAtRunTime("fk-syntax", text, new String[] {parent(""), child}, "shop.Child");
  }

  @Test
  void foreignKeyToAnUnknownTable() {
    String child = child("@ForeignKey(\"parnt.id\") public Integer parentId;\n");
    String text =
        "Child.parentId: @ForeignKey(\"parnt.id\") names table 'parnt', which no registered model"
            + " maps. Did you mean 'parent'? Mapped tables: parent, child. Fix the table name, or"
            + " pass the model that maps it to Registry.of(...).";
    assertReported(
        Compilation.of(parent(""), child),
        "Child.java",
        child,
        "@ForeignKey(\"parnt.id\")",
        "fk-table",
        text);
    assertSameAtRunTime(
        "fk-table", text, new String[] {parent(""), child}, "shop.Parent", "shop.Child");
  }

  @Test
  void foreignKeyToAnUnknownColumnNamedByItsField() {
    String parent = parent("public String fullName;\n");
    String child = child("@ForeignKey(\"parent.fullName\") public String parentName;\n");
    String text =
        "Child.parentName: @ForeignKey(\"parent.fullName\") names column 'fullName', which table"
            + " 'parent' does not have. 'fullName' is the Java field name; @ForeignKey takes the"
            + " column name: write @ForeignKey(\"parent.full_name\"). Columns of parent: id,"
            + " full_name.";
    assertReported(
        Compilation.of(parent, child),
        "Child.java",
        child,
        "@ForeignKey(\"parent.fullName\")",
        "fk-column",
        text);
    assertSameAtRunTime(
        "fk-column", text, new String[] {parent, child}, "shop.Parent", "shop.Child");
  }

  @Test
  void modelWithoutId() {
    // javac runs the processor when a Tether annotation is in the compilation: here @Table
    String thing =
        "package shop;\n\nimport dev.tether.*;\n\n@Table(\"thing\")\npublic class Thing extends"
            + " Model {\n  public String name;\n}\n";
    String text =
        "Thing has no primary key: mark one field with @Id (for example `@Id public Integer"
            + " id;`).";
    assertReported(Compilation.of(thing), "Thing.java", thing, "public class Thing", "no-id", text);
    assertSameAtRunTime("no-id", text, new String[] {thing}, "shop.Thing");
  }

  @Test
  void modelWithoutNoArgumentConstructor() {
    String thing =
        "package shop;\n\nimport dev.tether.*;\n\npublic class Thing extends Model {\n"
            + "  @Id public Integer id;\n"
            + "  public Thing(int id) {\n    this.id = id;\n  }\n}\n";
    String text =
        "Thing has no constructor without parameters, which Tether needs to create instances when"
            + " it loads rows. Add `public Thing() {}`.";
    assertReported(
        Compilation.of(thing), "Thing.java", thing, "public class Thing", "no-constructor", text);
    assertSameAtRunTime("no-constructor", text, new String[] {thing}, "shop.Thing");
  }

  @Test
  void innerClassModel() {
    String outer =
        "package shop;\n\nimport dev.tether.*;\n\npublic class Outer {\n"
            + "  public class Thing extends Model {\n"
            + "    @Id public Integer id;\n  }\n}\n";
    String text =
        "Thing is an inner class: its constructors take an instance of Outer, and Tether creates"
            + " instances without one when it loads rows. Declare it `public static class Thing"
            + " extends Model`.";
    assertReported(
        Compilation.of(outer), "Outer.java", outer, "class Thing", "no-constructor", text);
    assertSameAtRunTime("no-constructor", text, new String[] {outer}, "shop.Outer$Thing");
  }

  @Test
  void sequenceOnAFieldThatIsNotAGeneratedKey() {
    String thing =
        "package shop;\n\nimport dev.tether.*;\n\npublic class Thing extends Model {\n"
            + "  @Id public Integer id;\n"
            + "  @Sequence(\"thing_seq\") public Long number;\n}\n";
    String text =
        "Thing.number has @Sequence, but only a generated key draws from a sequence: the model's"
            + " single @Id of type Integer or Long (`@Id @Sequence(\"name_seq\") public Long id;`)."
            + " Move @Sequence to that field, or remove it.";
    assertReported(
        Compilation.of(thing),
        "Thing.java",
        thing,
        "public Long number",
        "sequence-placement",
        text);
    assertSameAtRunTime("sequence-placement", text, new String[] {thing}, "shop.Thing");
  }

  @Test
  void blankSequenceName() {
    String thing =
        "package shop;\n\nimport dev.tether.*;\n\npublic class Thing extends Model {\n"
            + "  @Id @Sequence(\"\") public Long id;\n}\n";
    String text =
        "Thing.id: @Sequence(\"\") is blank. Name the sequence, e.g. @Sequence(\"thing_id_seq\").";
    assertReported(
        Compilation.of(thing), "Thing.java", thing, "@Sequence(\"\")", "sequence-name", text);
    assertSameAtRunTime("sequence-name", text, new String[] {thing}, "shop.Thing");
  }

  @Test
  void finalColumnField() {
    String thing =
        "package shop;\n\nimport dev.tether.*;\n\npublic class Thing extends Model {\n"
            + "  @Id public Integer id;\n"
            + "  public final String name = \"x\";\n}\n";
    String text =
        "Thing.name is a final column field; Tether writes column fields when it loads rows and"
            + " after inserts. Remove `final` (or mark the field transient if it is not stored).";
    assertReported(
        Compilation.of(thing), "Thing.java", thing, "final String name", "column-final", text);
    assertSameAtRunTime("column-final", text, new String[] {thing}, "shop.Thing");
  }

  @Test
  void blankTableName() {
    String thing =
        "package shop;\n\nimport dev.tether.*;\n\n@Table(\" \")\npublic class Thing extends Model"
            + " {\n  @Id public Integer id;\n}\n";
    String text =
        "Thing: @Table(\" \") is blank. Write the table name, e.g. @Table(\"thing\"), or remove"
            + " @Table to get that name by default.";
    assertReported(Compilation.of(thing), "Thing.java", thing, "@Table(\" \")", "table-name", text);
    assertSameAtRunTime("table-name", text, new String[] {thing}, "shop.Thing");
  }
}
