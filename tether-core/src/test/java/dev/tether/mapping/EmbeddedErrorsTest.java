package dev.tether.mapping;

import static dev.tether.mapping.MappingFailures.assertRefused;
import static dev.tether.mapping.MappingFailures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Column;
import dev.tether.ColumnConverter;
import dev.tether.Convert;
import dev.tether.Embeddable;
import dev.tether.Embedded;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Relationship;
import dev.tether.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mistakes in embedded values are refused at Registry.of, each with its code and exact text. */
class EmbeddedErrorsTest {
  public record Plain(String a) {}

  @Embeddable
  public record Address(String street, String city) {}

  @Table("ee_not_embeddable")
  public static class NotEmbeddable extends Model {
    @Id public Integer id;

    @Embedded public Plain plain;
  }

  @Table("ee_column_on_embedded")
  public static class ColumnOnEmbedded extends Model {
    @Id public Integer id;

    @Column(name = "home")
    public Address home;
  }

  @Table("ee_final_embedded")
  public static class FinalEmbedded extends Model {
    @Id public Integer id;
    public final Address home = null;
  }

  @Table("ee_other")
  public static class Other extends Model {
    @Id public Integer id;
  }

  @Embeddable
  public static class WithRelationship {
    public String label;
    public final One<Other> other = null;
  }

  @Table("ee_relationship")
  public static class HasRelationship extends Model {
    @Id public Integer id;
    public WithRelationship value;
  }

  @Embeddable
  public record WithId(@Id Integer code, String label) {}

  @Table("ee_id")
  public static class HasId extends Model {
    @Id public Integer id;
    public WithId value;
  }

  @Embeddable
  public record WithForeignKey(@ForeignKey("ee_other.id") Integer otherId) {}

  @Table("ee_fk")
  public static class HasForeignKey extends Model {
    @Id public Integer id;
    public WithForeignKey value;
  }

  @Embeddable
  public static class NoConstructor {
    public String label;

    public NoConstructor(String label) {
      this.label = label;
    }
  }

  @Table("ee_no_constructor")
  public static class HasNoConstructor extends Model {
    @Id public Integer id;
    public NoConstructor value;
  }

  @Embeddable
  public class Inner {
    public String label;
  }

  @Table("ee_inner")
  public static class HasInner extends Model {
    @Id public Integer id;
    public Inner value;
  }

  @Embeddable
  public abstract static class Abstract {
    public String label;
  }

  @Table("ee_abstract")
  public static class HasAbstract extends Model {
    @Id public Integer id;
    public Abstract value;
  }

  @Embeddable
  public static class Empty {
    public static String constant = "x";
    public transient String cached;
  }

  @Table("ee_empty")
  public static class HasEmpty extends Model {
    @Id public Integer id;
    public Empty value;
  }

  @Embeddable
  public static class Link {
    public String label;
    public Link next;
  }

  @Table("ee_cycle")
  public static class HasCycle extends Model {
    @Id public Integer id;
    public Link value;
  }

  public static class AddressConverter implements ColumnConverter<Converted, String> {
    @Override
    public String toColumn(Converted value) {
      return value.text();
    }

    @Override
    public Converted fromColumn(String value) {
      return new Converted(value);
    }
  }

  @Embeddable
  @Convert(AddressConverter.class)
  public record Converted(String text) {}

  @Table("ee_converted")
  public static class HasConverted extends Model {
    @Id public Integer id;
    public Converted value;
  }

  @Embeddable
  @Table("ee_model")
  public static class EmbeddableModel extends Model {
    @Id public Integer id;
  }

  @Table("ee_twice")
  public static class Twice extends Model {
    @Id public Integer id;

    @Embedded(prefix = "")
    public Address home;

    @Embedded(prefix = "")
    public Address work;
  }

  @Table("ee_clash")
  public static class ClashWithField extends Model {
    @Id public Integer id;
    public String homeCity;
    public Address home;
  }

  @Embeddable
  public static class WithFinal {
    public final String label = "x";
  }

  @Table("ee_final_component")
  public static class HasFinal extends Model {
    @Id public Integer id;
    public WithFinal value;
  }

  @Embeddable
  public record WithList(String label, List<String> tags) {}

  @Table("ee_list")
  public static class HasList extends Model {
    @Id public Integer id;
    public WithList value;
  }

  @Table("ee_owner")
  public static class Owner extends Model {
    @Id public Integer id;
    public Address home;
  }

  @Table("ee_pet")
  public static class Pet extends Model {
    @Id public Integer id;

    @ForeignKey("ee_owner.id")
    public Integer ownerId;

    @Relationship(backref = "home")
    public final One<Owner> owner = one();
  }

  @Test
  void embeddedOnATypeThatIsNotEmbeddable() {
    assertRefused(
        "embedded-not-embeddable",
        "NotEmbeddable.plain has @Embedded, but its type Plain is not marked @Embeddable. Annotate"
            + " the type: `@Embeddable public record Plain(...)`; or remove @Embedded if the field"
            + " is a column of its own.",
        NotEmbeddable.class);
  }

  @Test
  void aColumnAnnotationOnTheEmbeddedField() {
    assertRefused(
        "embedded-annotation",
        "ColumnOnEmbedded.home is an embedded Address, but has @Column, which belongs on a column"
            + " field. Declare column settings on the components of Address, and the column names'"
            + " prefix with @Embedded(prefix = \"...\"); remove @Column here.",
        ColumnOnEmbedded.class);
  }

  @Test
  void aFinalEmbeddedField() {
    assertRefused(
        "column-final",
        "FinalEmbedded.home is a final column field; Tether writes column fields when it loads rows"
            + " and after inserts. Remove `final` (or mark the field transient if it is not"
            + " stored).",
        FinalEmbedded.class);
  }

  @Test
  void aRelationshipInAnEmbeddable() {
    assertRefused(
        "embeddable-relationship",
        "WithRelationship.other is a relationship, but WithRelationship is @Embeddable: an"
            + " embedded value is a part of its owner's row and has no relationships. Declare the"
            + " relationship on the model that embeds WithRelationship.",
        HasRelationship.class);
  }

  @Test
  void aKeyInAnEmbeddable() {
    assertRefused(
        "embeddable-annotation",
        "WithId.code has @Id, but WithId is @Embeddable: an embedded value has no key of its own;"
            + " the @Id of the model that embeds it identifies the row. Declare that field on the"
            + " model, and remove it from WithId.",
        HasId.class);
    assertRefused(
        "embeddable-annotation",
        "WithForeignKey.otherId has @ForeignKey, but WithForeignKey is @Embeddable: a foreign key"
            + " belongs to the model that embeds it, beside the relationship that follows it."
            + " Declare that field on the model, and remove it from WithForeignKey.",
        HasForeignKey.class,
        Other.class);
  }

  @Test
  void aClassWithoutANoArgumentConstructor() {
    assertRefused(
        "embeddable-constructor",
        "NoConstructor is @Embeddable, but has no no-argument constructor, which Tether uses to"
            + " create the values it loads before setting their fields. Add `public"
            + " NoConstructor() {}`, or make it a record (its canonical constructor is used).",
        HasNoConstructor.class);
    assertRefused(
        "embeddable-constructor",
        "Inner is @Embeddable, but is an inner class of EmbeddedErrorsTest, so Tether cannot"
            + " create its values without an instance of EmbeddedErrorsTest. Declare it `static`,"
            + " or make it a record.",
        HasInner.class);
  }

  @Test
  void anAbstractOrEmptyEmbeddable() {
    assertRefused(
        "embeddable-type",
        "Abstract is @Embeddable, but it is abstract; Tether creates the values it loads. Make it"
            + " a record, or a concrete class with a no-argument constructor.",
        HasAbstract.class);
    assertRefused(
        "embeddable-empty",
        "Empty is @Embeddable, but has no fields to store (static and transient fields are not"
            + " stored). Give it at least one component, or remove @Embeddable.",
        HasEmpty.class);
  }

  @Test
  void anEmbeddableThatContainsItself() {
    assertRefused(
        "embeddable-cycle",
        "Link.next embeds Link, which already encloses it: the columns would never end. Store that"
            + " field with @Json, or break the cycle.",
        HasCycle.class);
  }

  @Test
  void anEmbeddableThatIsAlsoConvertedOrAModel() {
    assertRefused(
        "embeddable-converted",
        "Converted has both @Embeddable (a value in several columns) and @Convert (a value in one"
            + " column). Keep the one you mean.",
        HasConverted.class);
    assertRefused(
        "embeddable-model",
        "EmbeddableModel extends Model and is @Embeddable: a model has a table of its own, an"
            + " embedded value lives in its owner's. Remove @Embeddable, or stop extending Model.",
        EmbeddableModel.class);
  }

  @Test
  void twoFieldsOnOneColumnAfterPrefixing() {
    assertRefused(
        "column-twice",
        "Twice.home.street and Twice.work.street both map column 'street' of table 'ee_twice'."
            + " Give an embedded field another prefix with @Embedded(prefix = \"...\"), or a"
            + " column another name with @Column(name = \"...\").",
        Twice.class);
    assertRefused(
        "column-twice",
        "ClashWithField.homeCity and ClashWithField.home.city both map column 'home_city' of"
            + " table 'ee_clash'. Give an embedded field another prefix with @Embedded(prefix ="
            + " \"...\"), or a column another name with @Column(name = \"...\").",
        ClashWithField.class);
  }

  @Test
  void aComponentTheColumnRulesRefuse() {
    assertRefused(
        "column-final",
        "WithFinal.label is a final column field; Tether writes column fields when it loads rows"
            + " and after inserts. Remove `final` (or mark the field transient if it is not"
            + " stored).",
        HasFinal.class);
    assertThat(failure(HasList.class).getMessage())
        .startsWith(
            "WithList.tags has type List<String>, which is not a column type. A relationship is"
                + " declared `public final Many<String> tags = many();`. Column types: ");
  }

  @Test
  void aBackrefNamedLikeAnEmbeddedField() {
    assertRefused(
        "backref-collides",
        "Pet.owner: backref = \"home\" cannot create Owner.home: Owner already has a column field"
            + " 'home'. Choose another backref name.",
        Pet.class,
        Owner.class);
  }
}
