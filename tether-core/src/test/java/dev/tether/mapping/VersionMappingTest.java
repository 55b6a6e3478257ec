package dev.tether.mapping;

import static dev.tether.mapping.MappingFailures.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.RegistryInternals;
import dev.tether.Table;
import dev.tether.Version;
import org.junit.jupiter.api.Test;

/** {@code @Version} declarations: the one accepted shape, and each mistake with its message. */
class VersionMappingTest {

  @Table("vm_ok")
  public static class Versioned extends Model {
    @Id public Integer id;
    @Version public Integer version;
  }

  @Test
  void versionColumnIsKnownAndNotNull() {
    ModelMapping m =
        RegistryInternals.metadata(Registry.of(Versioned.class)).model(Versioned.class);
    assertThat(m.version().fieldName()).isEqualTo("version");
    assertThat(m.version().nullable()).isFalse();
    assertThat(m.id().version()).isFalse();
  }

  @Table("vm_primitive")
  public static class PrimitiveLong extends Model {
    @Id public Integer id;
    @Version public long rev;
  }

  @Test
  void primitiveLongIsAccepted() {
    ModelMapping m =
        RegistryInternals.metadata(Registry.of(PrimitiveLong.class)).model(PrimitiveLong.class);
    assertThat(m.version().type()).isEqualTo(ColumnType.LONG);
  }

  @Table("vm_twice")
  public static class Twice extends Model {
    @Id public Integer id;
    @Version public Integer version;
    @Version public Integer revision;
  }

  @Test
  void secondVersion() {
    assertRefused(
        "version-twice",
        "Twice.version and Twice.revision are both marked @Version; a model has one version"
            + " column. Remove @Version from one of them.",
        Twice.class);
  }

  @Table("vm_string")
  public static class StringVersion extends Model {
    @Id public Integer id;
    @Version public String version;
  }

  @Test
  void wrongType() {
    assertRefused(
        "version-type",
        "StringVersion.version is a String, which cannot be a @Version: the version counts the"
            + " row's updates. Use Integer, int, Long or long (`@Version public Integer"
            + " version;`).",
        StringVersion.class);
  }

  @Table("vm_on_id")
  public static class OnId extends Model {
    @Id @Version public Integer id;
  }

  @Test
  void versionOnId() {
    assertRefused(
        "version-on-id",
        "OnId.id has both @Id and @Version; the primary key identifies the row and never"
            + " changes, while the version changes with every update. Put @Version on a field of"
            + " its own: `@Version public Integer version;`.",
        OnId.class);
  }

  @Table("vm_rel_parent")
  public static class OnRelationship extends Model {
    @Id public Integer id;
    @Version public final Many<Item> items = many();
  }

  @Table("vm_rel_item")
  public static class Item extends Model {
    @Id public Integer id;

    @dev.tether.ForeignKey("vm_rel_parent.id")
    public Integer parentId;
  }

  @Test
  void versionOnRelationship() {
    assertRefused(
        "version-on-relationship",
        "OnRelationship.items is a relationship, but has @Version, which belongs on a"
            + " whole-number column field that counts the row's updates. Remove it here and"
            + " declare `@Version public Integer version;` in OnRelationship.",
        OnRelationship.class,
        Item.class);
  }
}
