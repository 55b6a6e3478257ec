package dev.tether.mapping;

import static dev.tether.mapping.MappingFailures.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Column;
import dev.tether.Embeddable;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.RegistryInternals;
import dev.tether.Relationship;
import dev.tether.Table;
import org.junit.jupiter.api.Test;

/**
 * A {@code static} or {@code transient} field is never mapped; one that carries a mapping
 * annotation is refused by name instead of being silently left out (found by {@link
 * MalformedModelsTest}).
 */
class IgnoredFieldErrorsTest {

  @Table("if_static_column")
  public static class StaticColumn extends Model {
    @Id public Integer id;
    @Column public static String label;
  }

  @Test
  void columnOnAStaticFieldIsRefused() {
    assertRefused(
        "annotation-on-static",
        "StaticColumn.label is static, and static fields are never mapped, but it has @Column,"
            + " which would be ignored. Remove `static` to map the field, or remove @Column if it"
            + " is not stored.",
        StaticColumn.class);
  }

  @Table("if_transient_id")
  public static class TransientId extends Model {
    @Id public Integer id;
    @Id public transient Integer other;
  }

  @Test
  void idOnATransientFieldIsRefused() {
    assertRefused(
        "annotation-on-transient",
        "TransientId.other is transient, and transient fields are never mapped, but it has @Id,"
            + " which would be ignored. Remove `transient` to map the field, or remove @Id if it"
            + " is not stored.",
        TransientId.class);
  }

  @Table("if_static_relationship")
  public static class StaticRelationship extends Model {
    @Id public Integer id;

    @Relationship public static final Many<StaticRelationship> all = null;
  }

  @Test
  void relationshipOnAStaticFieldIsRefused() {
    assertThat(MappingFailures.failure(StaticRelationship.class).getMessage())
        .startsWith("StaticRelationship.all is static, and static fields are never mapped, but it")
        .contains("has @Relationship");
  }

  @Embeddable
  public static class Part {
    public String a;
    @Column public static String shared;
  }

  @Table("if_embeds")
  public static class Embeds extends Model {
    @Id public Integer id;
    public Part part;
  }

  @Test
  void staticColumnInsideAnEmbeddableIsRefused() {
    assertThat(MappingFailures.failure(Embeds.class).getMessage())
        .startsWith(
            "Part.shared is static, and static fields are never mapped, but it has @Column");
  }

  @Embeddable
  public record Point(Integer x, Integer y) {
    @Column public static String unit;
  }

  @Table("if_record_embeds")
  public static class RecordEmbeds extends Model {
    @Id public Integer id;
    public Point at;
  }

  /** A record's components are read apart from its fields; its static fields are checked too. */
  @Test
  void staticColumnInsideARecordEmbeddableIsRefused() {
    assertThat(MappingFailures.failure(RecordEmbeds.class).getMessage())
        .startsWith("Point.unit is static, and static fields are never mapped, but it has @Column");
  }

  public abstract static class Base extends Model {
    @Column public static String inherited;
  }

  @Table("if_derived")
  public static class Derived extends Base {
    @Id public Integer id;
  }

  @Test
  void staticColumnInAMappedSuperclassIsRefused() {
    assertThat(MappingFailures.failure(Derived.class).getMessage())
        .startsWith("Base.inherited is static, and static fields are never mapped");
  }

  @Table("if_plain")
  public static class PlainStaticAndTransient extends Model {
    public static final String KIND = "plain";
    public static int counter;
    @Id public Integer id;
    public transient String scratch;
  }

  /** Without an annotation, static and transient fields stay unmapped, as in JPA. */
  @Test
  void unannotatedStaticAndTransientFieldsAreLeftOut() {
    ModelMapping m =
        RegistryInternals.metadata(Registry.of(PlainStaticAndTransient.class))
            .model(PlainStaticAndTransient.class);
    assertThat(m.columns()).extracting(ColumnMapping::fieldName).containsExactly("id");
  }
}
