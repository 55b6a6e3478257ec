package dev.tether.mapping;

import static dev.tether.mapping.MappingFailures.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Check;
import dev.tether.Column;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Index;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Registry;
import dev.tether.RegistryInternals;
import dev.tether.Relationship;
import dev.tether.Table;
import dev.tether.UniqueConstraint;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code @Index}, {@code @UniqueConstraint}, {@code @Check}, {@code @Column(index = true)},
 * {@code @ForeignKey(onUpdate)} and {@code passiveDeletes}: what {@code Registry.of} reads, and
 * every mistake it refuses, with the exact text.
 */
class ConstraintsErrorsTest {

  @Table("cte_person")
  @Index(columns = {"lastName", "firstName"})
  @Index(columns = "email", unique = true, name = "ux_cte_email")
  @UniqueConstraint(columns = {"country", "tax_id"})
  @Check("credit >= 0")
  @Check(value = "credit <= 1000", name = "ck_cte_credit_max")
  public static class Person extends Model {
    @Id public Integer id;
    public String lastName;
    public String firstName;
    public String email;
    public String country;
    public String taxId;
    public Integer credit;

    @Column(index = true)
    public String city;

    @Column(index = true, unique = true)
    public String badge;
  }

  @Test
  void declarationsResolveToColumnsAndDerivedNames() {
    TableMapping t =
        RegistryInternals.metadata(Registry.of(Person.class)).model(Person.class).table();
    assertThat(t.constraints())
        .containsExactly(
            new TableConstraints.Resolved(
                TableConstraints.Kind.INDEX,
                List.of("last_name", "first_name"),
                "ix_cte_person_last_name_first_name",
                null),
            new TableConstraints.Resolved(
                TableConstraints.Kind.UNIQUE_INDEX, List.of("email"), "ux_cte_email", null),
            new TableConstraints.Resolved(
                TableConstraints.Kind.UNIQUE_CONSTRAINT,
                List.of("country", "tax_id"),
                "uq_cte_person_country_tax_id",
                null),
            new TableConstraints.Resolved(
                TableConstraints.Kind.CHECK, List.of(), "ck_cte_person_credit", "credit >= 0"),
            new TableConstraints.Resolved(
                TableConstraints.Kind.CHECK, List.of(), "ck_cte_credit_max", "credit <= 1000"),
            new TableConstraints.Resolved(
                TableConstraints.Kind.INDEX, List.of("city"), "ix_cte_person_city", null));
  }

  @Table("cte_typo")
  @Index(columns = {"lastNmae"})
  public static class Typo extends Model {
    @Id public Integer id;
    public String lastName;
  }

  @Test
  void unknownFieldWithACloseName() {
    assertRefused(
        "constraint-column",
        "Typo: @Index(columns = {\"lastNmae\"}) names 'lastNmae', which is neither a column field"
            + " nor a column of Typo. Did you mean 'lastName'? Column fields: id, lastName.",
        Typo.class);
  }

  @Table("cte_empty")
  @UniqueConstraint(columns = {})
  public static class Empty extends Model {
    @Id public Integer id;
    public String a;
  }

  @Test
  void emptyColumnList() {
    assertRefused(
        "constraint-no-columns",
        "Empty: @UniqueConstraint(columns = {}) names no column. List the fields it covers, in"
            + " order: columns = {\"id\", \"a\"}.",
        Empty.class);
  }

  @Table("cte_twice")
  @Index(columns = {"a", "a"})
  public static class ColumnTwice extends Model {
    @Id public Integer id;
    public String a;
  }

  @Test
  void oneColumnListedTwice() {
    assertRefused(
        "constraint-column-twice",
        "ColumnTwice: @Index(columns = {\"a\", \"a\"}) lists 'a' twice (a field and its column"
            + " name count as one). Name each column once.",
        ColumnTwice.class);
  }

  @Table("cte_dup")
  @Index(columns = {"a", "b"})
  @UniqueConstraint(columns = {"a", "b"})
  public static class Duplicate extends Model {
    @Id public Integer id;
    public String a;
    public String b;
  }

  @Test
  void duplicateIndex() {
    assertRefused(
        "constraint-duplicate",
        "Duplicate: @UniqueConstraint(columns = {\"a\", \"b\"}) repeats @Index(columns = {\"a\","
            + " \"b\"}), over the same columns in the same order; a UNIQUE constraint is an index"
            + " too, so the database would keep two identical indexes. Remove one of them.",
        Duplicate.class);
  }

  @Table("cte_dup_col")
  @Index(columns = "city")
  public static class DuplicateOfColumnIndex extends Model {
    @Id public Integer id;

    @Column(index = true)
    public String city;
  }

  @Test
  void indexRepeatingAColumnIndex() {
    assertRefused(
        "constraint-duplicate",
        "DuplicateOfColumnIndex: @Column(index = true) on DuplicateOfColumnIndex.city repeats"
            + " @Index(columns = {\"city\"}), over the same columns in the same order; a UNIQUE"
            + " constraint is an index too, so the database would keep two identical indexes."
            + " Remove one of them.",
        DuplicateOfColumnIndex.class);
  }

  @Table("cte_dup_unique")
  @Index(columns = "code")
  public static class DuplicateOfUniqueColumn extends Model {
    @Id public Integer id;

    @Column(unique = true)
    public String code;
  }

  @Test
  void indexRepeatingAUniqueColumn() {
    assertRefused(
        "constraint-duplicate",
        "DuplicateOfUniqueColumn: @Index(columns = {\"code\"}) repeats @Column(unique = true) on"
            + " DuplicateOfUniqueColumn.code, over the same columns in the same order; a UNIQUE"
            + " constraint is an index too, so the database would keep two identical indexes."
            + " Remove one of them.",
        DuplicateOfUniqueColumn.class);
  }

  @Table("cte_name")
  @Index(columns = "a", name = "same")
  @Check(value = "b > 0", name = "same")
  public static class NameTwice extends Model {
    @Id public Integer id;
    public String a;
    public Integer b;
  }

  @Test
  void twoConstraintsOfOneName() {
    assertRefused(
        "constraint-name-twice",
        "NameTwice: @Check(value = \"b > 0\", name = \"same\") and @Index(columns = {\"a\"}, name ="
            + " \"same\") are both named 'same'; index and constraint names must differ. Give one"
            + " of them another name = \"...\".",
        NameTwice.class);
  }

  @Table("cte_taken_a")
  @Index(columns = "a", name = "ix_shared")
  public static class TakenA extends Model {
    @Id public Integer id;
    public String a;
  }

  @Table("cte_taken_b")
  @Index(columns = "b", name = "ix_shared")
  public static class TakenB extends Model {
    @Id public Integer id;
    public String b;
  }

  @Test
  void oneNameInTwoTables() {
    assertRefused(
        "constraint-name-taken",
        "TakenB and TakenA both declare an index or constraint named 'ix_shared'; names are"
            + " unique in a schema (PostgreSQL keeps index names per schema). Rename one of them"
            + " with name = \"...\", or leave name empty to derive one from the table.",
        TakenA.class,
        TakenB.class);
  }

  @Table("cte_check_field")
  @Check("unitPrice > 0")
  public static class CheckOnField extends Model {
    @Id public Integer id;
    public Integer unitPrice;
  }

  @Test
  void checkNamingAJavaField() {
    assertRefused(
        "check-field-name",
        "CheckOnField: @Check(\"unitPrice > 0\") names 'unitPrice', the Java field; the condition"
            + " is SQL and names columns, and CheckOnField.unitPrice is column 'unit_price'. Write"
            + " @Check(\"unit_price > 0\").",
        CheckOnField.class);
  }

  @Table("cte_check_quoted")
  @Check("label <> 'unitPrice'")
  public static class CheckWithString extends Model {
    @Id public Integer id;
    public Integer unitPrice;
    public String label;
  }

  @Test
  void aFieldNameInsideAStringLiteralIsNotAColumn() {
    TableMapping t =
        RegistryInternals.metadata(Registry.of(CheckWithString.class))
            .model(CheckWithString.class)
            .table();
    assertThat(t.constraints().get(0).name()).isEqualTo("ck_cte_check_quoted_label");
  }

  @Table("cte_check_blank")
  @Check(" ")
  public static class BlankCheck extends Model {
    @Id public Integer id;
  }

  @Test
  void blankCheck() {
    assertRefused(
        "check-blank",
        "BlankCheck: @Check(\" \") has no condition. Write the SQL every row must satisfy, over"
            + " column names: @Check(\"price > 0\").",
        BlankCheck.class);
  }

  @Table("cte_ou_parent")
  public static class OnUpdateParent extends Model {
    @Id public Integer id;
  }

  @Table("cte_ou_child")
  public static class OnUpdateTypo extends Model {
    @Id public Integer id;

    @ForeignKey(value = "cte_ou_parent.id", onUpdate = "CASCAED")
    public Integer parentId;
  }

  @Test
  void unknownOnUpdateAction() {
    assertRefused(
        "fk-on-update",
        "OnUpdateTypo.parentId: @ForeignKey(onUpdate = \"CASCAED\") is not a referential action."
            + " Did you mean 'CASCADE'? Write one of: CASCADE, SET NULL, RESTRICT, NO ACTION, SET"
            + " DEFAULT.",
        OnUpdateParent.class,
        OnUpdateTypo.class);
  }

  @Table("cte_ou_child2")
  public static class OnUpdateSetNullNotNull extends Model {
    @Id public Integer id;

    @ForeignKey(value = "cte_ou_parent.id", onUpdate = "set null")
    public int parentId;
  }

  @Test
  void onUpdateSetNullOnANotNullKey() {
    assertRefused(
        "fk-on-update",
        "OnUpdateSetNullNotNull.parentId: @ForeignKey(onUpdate = \"SET NULL\") on a NOT NULL"
            + " column; the database could not set it to NULL. Make the field nullable (a boxed"
            + " type, without @Column(nullable = false)), or use onUpdate = \"CASCADE\".",
        OnUpdateParent.class,
        OnUpdateSetNullNotNull.class);
  }

  @Test
  void onUpdateIsRead() {
    assertThat(
            RegistryInternals.metadata(Registry.of(OnUpdateParent.class, Cascading.class))
                .model(Cascading.class)
                .columnByField("parentId")
                .onUpdate())
        .isEqualTo("CASCADE");
  }

  @Table("cte_ou_child3")
  public static class Cascading extends Model {
    @Id public Integer id;

    @ForeignKey(value = "cte_ou_parent.id", onUpdate = " cascade ")
    public Integer parentId;
  }

  // ---- passiveDeletes --------------------------------------------------------------------------

  @Table("cte_pd_parent")
  public static class PassiveParent extends Model {
    @Id public Integer id;

    @Relationship(backPopulates = "parent", cascade = "all", passiveDeletes = true)
    public final Many<PassiveChild> children = many();
  }

  @Table("cte_pd_child")
  public static class PassiveChild extends Model {
    @Id public Integer id;

    @ForeignKey("cte_pd_parent.id")
    public Integer parentId;

    @Relationship(backPopulates = "children")
    public final One<PassiveParent> parent = one();
  }

  @Test
  void passiveDeletesWithoutAnOnDeleteRule() {
    assertRefused(
        "passive-deletes-on-delete",
        "PassiveParent.children: passiveDeletes = true leaves the rows that refer to a deleted"
            + " object to the database, but the foreign key PassiveChild.parentId"
            + " (cte_pd_child.parent_id → cte_pd_parent.id) has no ON DELETE rule, so deleting an"
            + " object that still has them would fail with a foreign-key violation. To rely on the"
            + " database, declare @ForeignKey(value = \"cte_pd_parent.id\", onDelete = \"CASCADE\")"
            + " on PassiveChild.parentId; otherwise remove passiveDeletes.",
        PassiveParent.class,
        PassiveChild.class);
  }

  @Table("cte_pdn_parent")
  public static class SetNullParent extends Model {
    @Id public Integer id;

    @Relationship(backPopulates = "parent", cascade = "all", passiveDeletes = true)
    public final Many<SetNullChild> children = many();
  }

  @Table("cte_pdn_child")
  public static class SetNullChild extends Model {
    @Id public Integer id;

    @ForeignKey(value = "cte_pdn_parent.id", onDelete = "SET NULL")
    public Integer parentId;

    @Relationship(backPopulates = "children")
    public final One<SetNullParent> parent = one();
  }

  @Test
  void passiveDeleteCascadeOverSetNull() {
    assertRefused(
        "passive-deletes-on-delete",
        "SetNullParent.children: passiveDeletes = true leaves the rows that refer to a deleted"
            + " object to the database, but the foreign key SetNullChild.parentId"
            + " (cte_pdn_child.parent_id → cte_pdn_parent.id) is ON DELETE SET NULL, while the"
            + " relationship cascades delete: the database would keep rows that Tether treats as"
            + " deleted. To rely on the database, declare @ForeignKey(value ="
            + " \"cte_pdn_parent.id\", onDelete = \"CASCADE\") on SetNullChild.parentId; otherwise"
            + " remove passiveDeletes.",
        SetNullParent.class,
        SetNullChild.class);
  }

  @Table("cte_pdm_parent")
  public static class ManyToOneParent extends Model {
    @Id public Integer id;
  }

  @Table("cte_pdm_child")
  public static class ManyToOneChild extends Model {
    @Id public Integer id;

    @ForeignKey(value = "cte_pdm_parent.id", onDelete = "CASCADE")
    public Integer parentId;

    @Relationship(passiveDeletes = true)
    public final One<ManyToOneParent> parent = one();
  }

  @Test
  void passiveDeletesOnAManyToOneIsAWarning() {
    assertThat(
            RegistryInternals.metadata(Registry.of(ManyToOneParent.class, ManyToOneChild.class))
                .warnings())
        .containsExactly(
            "ManyToOneChild.parent: passiveDeletes = true has no effect on a many-to-one"
                + " relationship (deleting this object never deletes its ManyToOneParent). Put it"
                + " on the one-to-many side, or remove it.");
  }
}
