package dev.tether.mapping;

import static dev.tether.mapping.MappingFailures.assertRefused;

import dev.tether.Column;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Relationship;
import dev.tether.Table;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mistakes in one model class: its key, its columns, its relationship fields, its constructor. */
class ModelErrorsTest {

  @Table("me_no_id")
  public static class NoId extends Model {
    public Integer code;
  }

  @Test
  void missingId() {
    assertRefused(
        "no-id",
        "NoId has no primary key: mark one field with @Id (for example `@Id "
            + "public Integer id;`).",
        NoId.class);
  }

  @Table("me_two_ids")
  public static class TwoIds extends Model {
    @Id public Integer id;
    @Id public String code;
  }

  /** Several @Id fields make a composite primary key (the association-object pattern). */
  @Test
  void twoIdsMakeACompositeKey() {
    ModelMapping m =
        dev.tether.RegistryInternals.metadata(dev.tether.Registry.of(TwoIds.class))
            .model(TwoIds.class);
    org.assertj.core.api.Assertions.assertThat(m.keyColumns())
        .extracting(ColumnMapping::fieldName)
        .containsExactly("id", "code");
    org.assertj.core.api.Assertions.assertThat(m.id()).isNull();
    org.assertj.core.api.Assertions.assertThat(m.keyColumns().get(0).generated()).isFalse();
  }

  @Table("me_double_id")
  public static class DoubleId extends Model {
    @Id public Double id;
  }

  @Test
  void floatingPointId() {
    assertRefused(
        "id-type",
        "DoubleId.id is a Double, which cannot be a primary key: keys are "
            + "compared for identity and must have exact equality. Use Integer, "
            + "Long, String or UUID (`@Id public Long id;`).",
        DoubleId.class);
  }

  @Table("me_unsupported")
  public static class Unsupported extends Model {
    @Id public Integer id;
    public Date created;
  }

  @Test
  void unsupportedColumnType() {
    assertRefused(
        "column-type",
        "Unsupported.created has type Date, which is not a column type. "
            + "Column types: Byte/byte, Short/short, Integer/int, Long/long, Float/float, Double/double,"
            + " BigDecimal, Boolean/boolean, Character/char, String, LocalDate, LocalTime, LocalDateTime,"
            + " OffsetDateTime, Instant, Duration, UUID, enums, byte[]. Any other type is stored with @Json"
            + " (a JSON document) or @Convert(...) (a ColumnConverter of your own). A field that is not"
            + " stored must be declared transient.",
        Unsupported.class);
  }

  @Table("me_jpa_parent")
  public static class JpaParent extends Model {
    @Id public Integer id;
  }

  @Table("me_jpa_child")
  public static class JpaChild extends Model {
    @Id public Integer id;
    public JpaParent parent;
  }

  @Test
  void aModelTypedFieldIsNotAColumnAndTheMessageShowsTheRelationship() {
    assertRefused(
        "column-type",
        "JpaChild.parent has type JpaParent, which is not a column type. A "
            + "relationship is declared `public final One<JpaParent> parent = "
            + "one();`. "
            + "Column types: Byte/byte, Short/short, Integer/int, Long/long, Float/float, Double/double, BigDecimal, Boolean/boolean, Character/char, String, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant, Duration, UUID, enums, byte[]. Any other type is stored with @Json (a JSON document) or @Convert(...) (a ColumnConverter of your own). A field that is not stored must be declared transient.",
        JpaChild.class);
  }

  @Table("me_jpa_list")
  public static class JpaList extends Model {
    @Id public Integer id;
    public List<JpaParent> parents;
  }

  @Test
  void aListOfModelsIsNotAColumnAndTheMessageShowsTheRelationship() {
    assertRefused(
        "column-type",
        "JpaList.parents has type List<JpaParent>, which is not a column type. "
            + "A relationship is declared `public final Many<JpaParent> parents = "
            + "many();`. "
            + "Column types: Byte/byte, Short/short, Integer/int, Long/long, Float/float, Double/double, BigDecimal, Boolean/boolean, Character/char, String, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant, Duration, UUID, enums, byte[]. Any other type is stored with @Json (a JSON document) or @Convert(...) (a ColumnConverter of your own). A field that is not stored must be declared transient.",
        JpaList.class);
  }

  @Table("me_rel_list")
  public static class RelationshipOnAList extends Model {
    @Id public Integer id;

    @Relationship(backPopulates = "owner")
    public List<JpaParent> parents;
  }

  @Test
  void relationshipAnnotationOnAFieldThatIsNotOneOrMany() {
    assertRefused(
        "relationship-field-type",
        "RelationshipOnAList.parents has @Relationship but its type is "
            + "List<JpaParent>; a relationship field is a One<T> (one related "
            + "object) or a Many<T> (a collection): `public final Many<JpaParent> "
            + "parents = many();` or `public final One<JpaParent> parents = one();`.",
        RelationshipOnAList.class);
  }

  @Table("me_final_column")
  public static class FinalColumn extends Model {
    @Id public Integer id;
    public final String name = "x";
  }

  @Test
  void finalColumnField() {
    assertRefused(
        "column-final",
        "FinalColumn.name is a final column field; Tether writes column fields "
            + "when it loads rows and after inserts. Remove `final` (or mark the "
            + "field transient if it is not stored).",
        FinalColumn.class);
  }

  @Table("me_nf_parent")
  public static class NonFinalParent extends Model {
    @Id public Integer id;

    @Relationship public Many<NonFinalChild> children = many();
  }

  @Table("me_nf_child")
  public static class NonFinalChild extends Model {
    @Id public Integer id;

    @ForeignKey("me_nf_parent.id")
    public Integer parentId;
  }

  @Test
  void nonFinalRelationshipField() {
    assertRefused(
        "relationship-not-final",
        "NonFinalParent.children must be final: the relationship container is "
            + "created once with the object and never replaced. Write `public final "
            + "Many<NonFinalChild> children = many();`.",
        NonFinalParent.class);
  }

  @Table("me_raw")
  @SuppressWarnings("rawtypes")
  public static class Raw extends Model {
    @Id public Integer id;

    public final One parent = one();
  }

  @Test
  void rawOne() {
    assertRefused(
        "relationship-type",
        "Raw.parent must name its target class: declare it as One<Target>, not "
            + "as a raw or wildcard type.",
        Raw.class);
  }

  @Table("me_raw_many")
  @SuppressWarnings("rawtypes")
  public static class RawMany extends Model {
    @Id public Integer id;

    public final Many children = many();
  }

  @Test
  void rawMany() {
    assertRefused(
        "relationship-type",
        "RawMany.children must name its target class: declare it as "
            + "Many<Target>, not as a raw or wildcard type.",
        RawMany.class);
  }

  @Table("me_fk_on_rel_parent")
  public static class FkOnRelationshipParent extends Model {
    @Id public Integer id;
  }

  @Table("me_fk_on_rel")
  public static class FkOnRelationship extends Model {
    @Id public Integer id;

    @ForeignKey("me_fk_on_rel_parent.id")
    public final One<FkOnRelationshipParent> parent = one();
  }

  @Test
  void foreignKeyOnARelationshipField() {
    assertRefused(
        "column-annotation-on-relationship",
        "FkOnRelationship.parent is a relationship, but has @ForeignKey, which "
            + "belongs on a column field. Put it on a column field that holds the "
            + "key, e.g. `@ForeignKey(\"me_fk_on_rel_parent.id\") public Integer "
            + "parentId;`, and keep the relationship field without it.",
        FkOnRelationship.class);
  }

  @Table("me_id_on_rel")
  public static class IdOnRelationship extends Model {
    @Id public Integer id;

    @Id public final One<FkOnRelationshipParent> parent = one();
  }

  @Test
  void idOnARelationshipField() {
    assertRefused(
        "column-annotation-on-relationship",
        "IdOnRelationship.parent is a relationship, but has @Id, which belongs "
            + "on a column field. Remove it here.",
        IdOnRelationship.class);
  }

  @Table("me_no_ctor")
  public static class NoConstructor extends Model {
    @Id public Integer id;

    public NoConstructor(int id) {
      this.id = id;
    }
  }

  @Test
  void noNoArgumentConstructor() {
    assertRefused(
        "no-constructor",
        "NoConstructor has no constructor without parameters, which Tether "
            + "needs to create instances when it loads rows. Add `public "
            + "NoConstructor() {}`.",
        NoConstructor.class);
  }

  @Table("me_inner")
  public class Inner extends Model {
    @Id public Integer id;
  }

  @Test
  void nonStaticInnerClass() {
    assertRefused(
        "no-constructor",
        "Inner is an inner class: its constructors take an instance of "
            + "ModelErrorsTest, and Tether creates instances without one when it "
            + "loads rows. Declare it `public static class Inner extends Model`.",
        Inner.class);
  }

  @Table("me_twin")
  public static class TwinA extends Model {
    @Id public Integer id;
  }

  @Table("me_twin")
  public static class TwinB extends Model {
    @Id public Integer id;
  }

  @Test
  void twoModelsMappingOneTable() {
    assertRefused(
        "table-twice",
        "TwinA and TwinB both map table 'me_twin'; each table is mapped by one "
            + "model. Give one of them another name with @Table(\"...\").",
        TwinA.class,
        TwinB.class);
  }

  @Table(" ")
  public static class BlankTable extends Model {
    @Id public Integer id;
  }

  @Test
  void blankTableName() {
    assertRefused(
        "table-name",
        "BlankTable: @Table(\" \") is blank. Write the table name, e.g. "
            + "@Table(\"blank_table\"), or remove @Table to get that name by default.",
        BlankTable.class);
  }

  @Table("me_column_twice")
  public static class ColumnTwice extends Model {
    @Id public Integer id;
    public Integer parentId;

    @Column(name = "PARENT_ID")
    public Integer parent;
  }

  @Table("me_column_same")
  public static class ColumnSame extends Model {
    @Id public Integer id;
    public Integer parentId;

    @Column(name = "parent_id")
    public Integer parent;
  }

  @Test
  void twoFieldsMappingOneColumnByTheSameName() {
    assertRefused(
        "column-twice",
        "ColumnSame.parentId and ColumnSame.parent both map column 'parent_id' "
            + "of table 'me_column_same'. Give one of them another name with "
            + "@Column(name = \"...\").",
        ColumnSame.class);
  }

  @Test
  void twoFieldsMappingOneColumn() {
    assertRefused(
        "column-twice",
        "ColumnTwice.parentId and ColumnTwice.parent map columns 'parent_id' "
            + "and 'PARENT_ID' of table 'me_column_twice', which differ only in "
            + "case: one column to the database. Give one of them another name with "
            + "@Column(name = \"...\").",
        ColumnTwice.class);
  }

  public abstract static class Animal extends Model {
    @Id public Integer id;
  }

  @Test
  void abstractClassRegistered() {
    assertRefused(
        "abstract-model",
        "Animal is abstract and cannot be mapped to a table; pass its concrete "
            + "subclasses to Registry.of(...) instead (their tables include the "
            + "fields they inherit).",
        Animal.class);
  }

  public static class NotAModel {
    public Integer id;
  }

  @Test
  void classThatIsNotAModelRegistered() {
    assertRefused(
        "not-a-model",
        "NotAModel is not a model: mapped classes extend dev.tether.Model "
            + "(`public class NotAModel extends Model { ... }`). Pass only model "
            + "classes to Registry.of(...).",
        NotAModel.class);
  }

  @Test
  void theModelBaseClassRegistered() {
    assertRefused(
        "not-a-model",
        "Model is the base class of models and has no table; pass its "
            + "subclasses to Registry.of(...).",
        Model.class);
  }

  @Test
  void nullClassRegistered() {
    assertRefused(
        "null-class",
        "Registry.of was given a null class; pass model classes only.",
        NoId.class,
        null);
  }

  public abstract static class Named extends Model {
    @Id public Integer id;
    public String name;
  }

  @Table("me_hiding")
  public static class Hiding extends Named {
    public String name;
  }

  @Test
  void fieldHidingASuperclassField() {
    assertRefused(
        "field-hidden",
        "Hiding.name hides the field of the same name in its superclass Named; "
            + "both would be mapped under one name. Rename one of them, or remove "
            + "the one in Hiding and use the inherited field.",
        Hiding.class);
  }

  @Table("me_negative_length")
  public static class NegativeLength extends Model {
    @Id public Integer id;

    @Column(length = -1)
    public String name;
  }

  @Test
  void negativeColumnLength() {
    assertRefused(
        "column-length",
        "NegativeLength.name: @Column(length = -1) is negative. Give the "
            + "maximum length of the string, or 0 for unbounded text.",
        NegativeLength.class);
  }

  @Table("me_length_on_int")
  public static class LengthOnInteger extends Model {
    @Id public Integer id;

    @Column(length = 10)
    public Integer quantity;
  }

  @Test
  void columnLengthOnANonStringField() {
    assertRefused(
        "column-length",
        "LengthOnInteger.quantity: @Column(length = 10) applies to String "
            + "columns only, and this field's type is Integer. Remove length.",
        LengthOnInteger.class);
  }

  @Table("me_blank_column")
  public static class BlankColumnName extends Model {
    @Id public Integer id;

    @Column(name = " ")
    public String label;
  }

  /** Found by MalformedModelsTest: a blank name used to become a column named " ". */
  @Test
  void blankColumnName() {
    assertRefused(
        "column-name",
        "BlankColumnName.label: @Column(name = \" \") is blank. Write the column name, e.g."
            + " @Column(name = \"label\"), or leave name out for the default 'label'.",
        BlankColumnName.class);
  }
}
