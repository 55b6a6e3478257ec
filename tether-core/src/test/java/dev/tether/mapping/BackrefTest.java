package dev.tether.mapping;

import static dev.tether.mapping.MappingFailures.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Registry;
import dev.tether.RegistryInternals;
import dev.tether.Relationship;
import dev.tether.Table;
import org.junit.jupiter.api.Test;

/**
 * {@code backref}: the reverse side exists as soon as {@code Registry.of} returns (S06, S07; in
 * SQLAlchemy only after mappers configure), with the direction and kind the key gives it, and a
 * name that collides with anything on the target is refused (S14).
 */
class BackrefTest {

  static final class OnTheCollection {
    @Table("br_oc_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backref = "parent")
      public final Many<Child> children = many();
    }

    @Table("br_oc_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("br_oc_parent.id")
      public Integer parentId;
    }
  }

  @Test
  void backrefOnTheOneToManySideCreatesAManyToOne() { // S06
    Metadata m = RegistryInternals.metadata(Registry.of(OnTheCollection.Parent.class));
    RelationshipMapping children = m.model(OnTheCollection.Parent.class).relationship("children");
    RelationshipMapping parent = m.model(OnTheCollection.Child.class).relationship("parent");

    assertThat(parent).isNotNull();
    assertThat(parent.isGenerated()).isTrue();
    assertThat(parent.isCollection()).isFalse();
    assertThat(parent.direction()).isEqualTo(Direction.MANY_TO_ONE);
    assertThat(parent.target().type()).isEqualTo(OnTheCollection.Parent.class);
    assertThat(parent.foreignKey()).isSameAs(children.foreignKey());
    assertThat(parent.reverse()).isSameAs(children);
    assertThat(children.reverse()).isSameAs(parent);
    assertThat(parent.cascade()).containsExactlyInAnyOrder(Cascade.SAVE_UPDATE, Cascade.MERGE);
  }

  @Test
  void backrefIsReachableOnANewObjectAndInSync() {
    Registry.of(OnTheCollection.Parent.class);
    OnTheCollection.Parent p = new OnTheCollection.Parent();
    OnTheCollection.Child c = new OnTheCollection.Child();

    One<OnTheCollection.Parent> parent = c.related("parent");
    parent.set(p);

    assertThat(p.children).containsExactly(c);
    assertThat(c.<Object>related("parent")).isSameAs(parent);
  }

  static final class OnTheScalar {
    @Table("br_os_parent")
    public static class Parent extends Model {
      @Id public Integer id;
    }

    @Table("br_os_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("br_os_parent.id")
      public Integer parentId;

      @Relationship(backref = "children")
      public final One<Parent> parent = one();
    }
  }

  @Test
  void backrefOnTheManyToOneSideCreatesACollection() { // S07
    Metadata m = RegistryInternals.metadata(Registry.of(OnTheScalar.Child.class));
    RelationshipMapping children = m.model(OnTheScalar.Parent.class).relationship("children");

    assertThat(children.isGenerated()).isTrue();
    assertThat(children.isCollection()).isTrue();
    assertThat(children.direction()).isEqualTo(Direction.ONE_TO_MANY);
    assertThat(children.reverse())
        .isSameAs(m.model(OnTheScalar.Child.class).relationship("parent"));

    OnTheScalar.Parent p = new OnTheScalar.Parent();
    OnTheScalar.Child c = new OnTheScalar.Child();
    Many<OnTheScalar.Child> kids = p.related("children");
    kids.add(c);
    assertThat(c.parent.get()).isSameAs(p);
  }

  static final class OneToOne {
    @Table("br_oo_person")
    public static class Person extends Model {
      @Id public Integer id;

      @Relationship(backref = "owner")
      public final One<Passport> passport = one();
    }

    @Table("br_oo_passport")
    public static class Passport extends Model {
      @Id public Integer id;

      @ForeignKey("br_oo_person.id")
      public Integer ownerId;
    }
  }

  @Test
  void backrefOfAOneToOneParentSideIsAOne() {
    Metadata m = RegistryInternals.metadata(Registry.of(OneToOne.Person.class));
    RelationshipMapping passport = m.model(OneToOne.Person.class).relationship("passport");
    RelationshipMapping owner = m.model(OneToOne.Passport.class).relationship("owner");

    assertThat(passport.direction()).isEqualTo(Direction.ONE_TO_MANY);
    assertThat(owner.isCollection()).isFalse();
    assertThat(owner.direction()).isEqualTo(Direction.MANY_TO_ONE);
  }

  static final class SelfReferential {
    @Table("br_sr_node")
    public static class Node extends Model {
      @Id public Integer id;

      @ForeignKey("br_sr_node.id")
      public Integer parentId;

      @Relationship(backref = "children")
      public final One<Node> parent = one();
    }
  }

  @Test
  void selfReferentialBackrefNeedsNoRemoteSide() {
    Metadata m = RegistryInternals.metadata(Registry.of(SelfReferential.Node.class));
    ModelMapping node = m.model(SelfReferential.Node.class);
    assertThat(node.relationship("parent").direction()).isEqualTo(Direction.MANY_TO_ONE);
    assertThat(node.relationship("children").direction()).isEqualTo(Direction.ONE_TO_MANY);
    assertThat(node.relationship("children").isCollection()).isTrue();
    assertThat(node.relationships())
        .extracting(RelationshipMapping::name)
        .containsExactly("parent", "children");
  }

  static final class CollidesWithRelationship {
    @Table("br_cr_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backref = "parent")
      public final Many<Child> children = many();
    }

    @Table("br_cr_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("br_cr_parent.id")
      public Integer parentId;

      @Relationship public final One<Parent> parent = one();
    }
  }

  @Test
  void backrefNamingAnExistingRelationship() { // S14
    assertRefused(
        "backref-collides",
        "Parent.children: backref = \"parent\" cannot create Child.parent: Child "
            + "already has a relationship field 'parent'. To link the two declared "
            + "fields, replace backref = \"parent\" with backPopulates = \"parent\" and "
            + "add backPopulates = \"children\" to Child.parent; otherwise choose "
            + "another backref name.",
        CollidesWithRelationship.Parent.class);
  }

  static final class CollidesWithColumn {
    @Table("br_cc_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backref = "parentId")
      public final Many<Child> children = many();
    }

    @Table("br_cc_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("br_cc_parent.id")
      public Integer parentId;
    }
  }

  @Test
  void backrefNamingAColumnField() {
    assertRefused(
        "backref-collides",
        "Parent.children: backref = \"parentId\" cannot create Child.parentId: "
            + "Child already has a column field 'parentId'. Choose another backref "
            + "name, e.g. backref = \"parent\".",
        CollidesWithColumn.Parent.class);
  }

  static final class CollidesWithBackref {
    @Table("br_cb_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backref = "parent", foreignKeys = "parentId")
      public final Many<Child> children = many();

      @Relationship(backref = "parent", foreignKeys = "guardianId")
      public final Many<Child> wards = many();
    }

    @Table("br_cb_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("br_cb_parent.id")
      public Integer parentId;

      @ForeignKey("br_cb_parent.id")
      public Integer guardianId;
    }
  }

  @Test
  void twoBackrefsWithOneName() {
    assertRefused(
        "backref-taken-by-backref",
        "Parent.wards: backref = \"parent\" cannot create Child.parent: the "
            + "backref of Parent.children already created it. Choose another backref "
            + "name for one of them.",
        CollidesWithBackref.Parent.class);
  }
}
