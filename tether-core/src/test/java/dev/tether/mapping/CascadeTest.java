package dev.tether.mapping;

import static dev.tether.mapping.MappingFailures.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.MappingException;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Registry;
import dev.tether.RegistryInternals;
import dev.tether.Relationship;
import dev.tether.Table;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Cascade words (SQLAlchemy's) and where delete-orphan may stand (reference scenario S21). */
class CascadeTest {

  @Test
  void parsesSqlAlchemyWords() {
    assertThat(Cascade.parse("save-update, merge", "X.y"))
        .containsExactlyInAnyOrder(Cascade.SAVE_UPDATE, Cascade.MERGE);
    assertThat(Cascade.parse("all", "X.y"))
        .isEqualTo(EnumSet.complementOf(EnumSet.of(Cascade.DELETE_ORPHAN)));
    assertThat(Cascade.parse("all, delete-orphan", "X.y")).isEqualTo(EnumSet.allOf(Cascade.class));
    assertThat(Cascade.parse(" Delete ,EXPUNGE", "X.y"))
        .containsExactlyInAnyOrder(Cascade.DELETE, Cascade.EXPUNGE);
    assertThat(Cascade.parse("none", "X.y")).isEmpty();
    assertThat(Cascade.parse("", "X.y")).isEmpty();
  }

  @Test
  void unknownWordSuggestsTheCloseOne() {
    MappingException e =
        assertThrows(
            MappingException.class, () -> Cascade.parse("all, delete-orphans", "Parent.children"));
    assertThat(e.code()).isEqualTo("cascade-unknown");
    assertThat(e.getMessage())
        .isEqualTo(
            "Parent.children: cascade = \"all, delete-orphans\" has an unknown word "
                + "'delete-orphans'. Did you mean 'delete-orphan'? Cascade words: "
                + "save-update, merge, delete, delete-orphan, expunge, refresh-expire, "
                + "all, none.");
  }

  @Test
  void missingCommaBetweenWords() {
    MappingException e =
        assertThrows(
            MappingException.class, () -> Cascade.parse("all delete-orphan", "Parent.children"));
    assertThat(e.getMessage())
        .isEqualTo(
            "Parent.children: cascade = \"all delete-orphan\" has an unknown word "
                + "'all delete-orphan'. Separate the words with commas: \"all, "
                + "delete-orphan\". Cascade words: save-update, merge, delete, "
                + "delete-orphan, expunge, refresh-expire, all, none.");
  }

  @Test
  void unknownWordWithoutACloseOne() {
    MappingException e =
        assertThrows(MappingException.class, () -> Cascade.parse("persist", "Parent.children"));
    assertThat(e.getMessage())
        .isEqualTo(
            "Parent.children: cascade = \"persist\" has an unknown word 'persist'. "
                + "Cascade words: save-update, merge, delete, delete-orphan, expunge, "
                + "refresh-expire, all, none.");
  }

  static final class UnknownWord {
    @Table("ca_uw_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "parent", cascade = "save-update, delet")
      public final Many<Child> children = many();
    }

    @Table("ca_uw_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("ca_uw_parent.id")
      public Integer parentId;

      @Relationship(backPopulates = "children")
      public final One<Parent> parent = one();
    }
  }

  @Test
  void unknownCascadeWordInAModel() {
    assertRefused(
        "cascade-unknown",
        "Parent.children: cascade = \"save-update, delet\" has an unknown word "
            + "'delet'. Did you mean 'delete'? Cascade words: save-update, merge, "
            + "delete, delete-orphan, expunge, refresh-expire, all, none.",
        UnknownWord.Parent.class);
  }

  static final class OrphanOnManyToOne {
    @Table("ca_om_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "parent")
      public final Many<Child> children = many();
    }

    @Table("ca_om_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("ca_om_parent.id")
      public Integer parentId;

      @Relationship(backPopulates = "children", cascade = "all, delete-orphan")
      public final One<Parent> parent = one();
    }
  }

  @Test
  void deleteOrphanOnTheManyToOneSide() { // S21
    assertRefused(
        "delete-orphan-many-to-one",
        "Child.parent: delete-orphan is configured on the many-to-one side. A "
            + "Parent can be referred to by many Child objects, so it is never the "
            + "orphan of one of them. Remove delete-orphan here and put cascade = "
            + "\"all, delete-orphan\" on the one-to-many side (Parent.children) "
            + "instead.",
        OrphanOnManyToOne.Parent.class);
  }

  static final class OrphanOnLonelyManyToOne {
    @Table("ca_ol_parent")
    public static class Parent extends Model {
      @Id public Integer id;
    }

    @Table("ca_ol_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("ca_ol_parent.id")
      public Integer parentId;

      @Relationship(cascade = "delete-orphan")
      public final One<Parent> parent = one();
    }
  }

  @Test
  void deleteOrphanOnAManyToOneWithoutReverse() {
    assertRefused(
        "delete-orphan-many-to-one",
        "Child.parent: delete-orphan is configured on the many-to-one side. A "
            + "Parent can be referred to by many Child objects, so it is never the "
            + "orphan of one of them. Remove delete-orphan here and put cascade = "
            + "\"all, delete-orphan\" on the one-to-many side (Parent's Many<Child>) "
            + "instead.",
        OrphanOnLonelyManyToOne.Child.class);
  }

  static final class OrphanOnTheCollection {
    @Table("ca_oc_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "parent", cascade = "all, delete-orphan")
      public final Many<Child> children = many();

      @Relationship(backPopulates = "owner", cascade = "all, delete-orphan")
      public final One<Passport> passport = one();
    }

    @Table("ca_oc_passport")
    public static class Passport extends Model {
      @Id public Integer id;

      @ForeignKey("ca_oc_parent.id")
      public Integer ownerId;

      @Relationship(backPopulates = "passport")
      public final One<Parent> owner = one();
    }

    @Table("ca_oc_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("ca_oc_parent.id")
      public Integer parentId;

      @Relationship(backPopulates = "children")
      public final One<Parent> parent = one();
    }
  }

  @Test
  void deleteOrphanOnTheOneToManyAndOneToOneParentSides() {
    Metadata m = RegistryInternals.metadata(Registry.of(OrphanOnTheCollection.Parent.class));
    ModelMapping parent = m.model(OrphanOnTheCollection.Parent.class);
    assertThat(parent.relationship("children").cascades(Cascade.DELETE_ORPHAN)).isTrue();
    assertThat(parent.relationship("passport").cascades(Cascade.DELETE_ORPHAN)).isTrue();
    assertThat(parent.relationship("passport").direction()).isEqualTo(Direction.ONE_TO_MANY);
    ModelMapping child = m.model(OrphanOnTheCollection.Child.class);
    assertThat(child.relationship("parent").cascade())
        .containsExactlyInAnyOrder(Cascade.SAVE_UPDATE, Cascade.MERGE);
  }

  static final class ViewOnlyDelete {
    @Table("ca_vd_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(viewOnly = true, cascade = "all")
      public final Many<Child> children = many();
    }

    @Table("ca_vd_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("ca_vd_parent.id")
      public Integer parentId;
    }
  }

  @Test
  void deleteCascadeThroughAViewOnlyRelationship() {
    assertRefused(
        "viewonly-cascade",
        "Parent.children: cascade = \"all\" deletes, but a viewOnly relationship "
            + "never writes, so it cannot delete either. Remove viewOnly = true, or "
            + "the delete and delete-orphan cascades (cascade = \"none\").",
        ViewOnlyDelete.Parent.class);
  }
}
