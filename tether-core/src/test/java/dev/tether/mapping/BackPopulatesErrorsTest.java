package dev.tether.mapping;

import static dev.tether.mapping.MappingFailures.assertRefused;

import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Relationship;
import dev.tether.Table;
import org.junit.jupiter.api.Test;

/**
 * Every way a {@code backPopulates} pair can be wrong (reference scenarios S08 to S15 and S22),
 * each refused by {@code Registry.of} with a message that names the field, the problem and the fix.
 */
class BackPopulatesErrorsTest {

  static final class MissingClose {
    @Table("bpe_mc_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "parnt")
      public final Many<Child> children = many();
    }

    @Table("bpe_mc_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("bpe_mc_parent.id")
      public Integer parentId;

      @Relationship(backPopulates = "children")
      public final One<Parent> parent = one();
    }
  }

  @Test
  void backPopulatesNamingAMissingAttributeSuggestsTheCloseName() { // S10
    assertRefused(
        "backpopulates-missing",
        "Parent.children: backPopulates = \"parnt\" names no relationship of "
            + "Child. Did you mean 'parent'? Child's relationships: parent.",
        MissingClose.Parent.class);
  }

  static final class MissingFar {
    @Table("bpe_mf_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "mother")
      public final Many<Child> children = many();
    }

    @Table("bpe_mf_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("bpe_mf_parent.id")
      public Integer parentId;
    }
  }

  @Test
  void backPopulatesNamingAMissingAttributeWithNoCloseNameShowsTheFieldToAdd() {
    assertRefused(
        "backpopulates-missing",
        "Parent.children: backPopulates = \"mother\" names no relationship of "
            + "Child. Add the reverse side to Child: `@Relationship(backPopulates = "
            + "\"children\") public final One<Parent> mother = one();`.",
        MissingFar.Parent.class);
  }

  static final class MissingWithWayBack {
    @Table("bpe_mw_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "mother")
      public final Many<Child> children = many();
    }

    @Table("bpe_mw_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("bpe_mw_parent.id")
      public Integer parentId;

      @Relationship(backPopulates = "children")
      public final One<Parent> parent = one();
    }
  }

  @Test
  void backPopulatesNamingAMissingAttributeNamesTheRelationshipThatPointsBack() {
    assertRefused(
        "backpopulates-missing",
        "Parent.children: backPopulates = \"mother\" names no relationship of "
            + "Child. Child's relationship to Parent is 'parent': write "
            + "backPopulates = \"parent\", or add the reverse side to Child: "
            + "`@Relationship(backPopulates = \"children\") public final One<Parent> "
            + "mother = one();`.",
        MissingWithWayBack.Parent.class);
  }

  static final class MissingOwnName {
    @Table("bpe_mo_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "children")
      public final Many<Child> children = many();
    }

    @Table("bpe_mo_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("bpe_mo_parent.id")
      public Integer parentId;

      @Relationship(backPopulates = "children")
      public final One<Parent> parent = one();
    }
  }

  @Test
  void backPopulatesNamingTheDeclaringFieldItselfExplainsWhichClassItNames() {
    assertRefused(
        "backpopulates-missing",
        "Parent.children: backPopulates = \"children\" names no relationship of "
            + "Child. backPopulates names the attribute on the other side (Child), "
            + "not on Parent. Child's relationship to Parent is 'parent': write "
            + "backPopulates = \"parent\".",
        MissingOwnName.Parent.class);
  }

  static final class ColumnNamed {
    @Table("bpe_cn_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "parentId")
      public final Many<Child> children = many();
    }

    @Table("bpe_cn_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("bpe_cn_parent.id")
      public Integer parentId;

      @Relationship public final One<Parent> parent = one();
    }
  }

  @Test
  void backPopulatesNamingAColumnField() { // S11
    assertRefused(
        "backpopulates-column",
        "Parent.children: backPopulates = \"parentId\" names Child.parentId, a "
            + "column field, not a relationship; backPopulates names the "
            + "relationship on Child that points back to Parent. Child's "
            + "relationship to Parent is 'parent': write backPopulates = \"parent\".",
        ColumnNamed.Parent.class);
  }

  static final class ColumnNamedNoWayBack {
    @Table("bpe_cw_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "parentId")
      public final Many<Child> children = many();
    }

    @Table("bpe_cw_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("bpe_cw_parent.id")
      public Integer parentId;
    }
  }

  @Test
  void backPopulatesNamingAColumnFieldWhenNoRelationshipPointsBack() {
    assertRefused(
        "backpopulates-column",
        "Parent.children: backPopulates = \"parentId\" names Child.parentId, a "
            + "column field, not a relationship; backPopulates names the "
            + "relationship on Child that points back to Parent. Child has no "
            + "relationship to Parent; add one: `@Relationship(backPopulates = "
            + "\"children\") public final One<Parent> parent = one();`.",
        ColumnNamedNoWayBack.Parent.class);
  }

  static final class WrongTarget {
    @Table("bpe_wt_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "toy")
      public final Many<Child> children = many();
    }

    @Table("bpe_wt_toy")
    public static class Toy extends Model {
      @Id public Integer id;
    }

    @Table("bpe_wt_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("bpe_wt_parent.id")
      public Integer parentId;

      @ForeignKey("bpe_wt_toy.id")
      public Integer toyId;

      @Relationship public final One<Toy> toy = one();
    }
  }

  @Test
  void backPopulatesNamingARelationshipToAThirdClass() { // S12
    assertRefused(
        "backpopulates-wrong-target",
        "Parent.children: backPopulates = \"toy\" names Child.toy, which relates "
            + "to Toy, not to Parent; the two sides of a pair point at each other's "
            + "class. Child has no relationship to Parent; add one: "
            + "`@Relationship(backPopulates = \"children\") public final One<Parent> "
            + "parent = one();`.",
        WrongTarget.Parent.class);
  }

  static final class WrongTargetWithForeignKeys {
    @Table("bpe_wf_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "parent")
      public final Many<Child> children = many();
    }

    @Table("bpe_wf_other")
    public static class Other extends Model {
      @Id public Integer id;
    }

    @Table("bpe_wf_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("bpe_wf_parent.id")
      public Integer parentId;

      @ForeignKey("bpe_wf_other.id")
      public Integer otherId;

      @ForeignKey("bpe_wf_other.id")
      public Integer spareId;

      @Relationship(foreignKeys = "otherId")
      public final One<Other> parent = one();
    }
  }

  @Test
  void theForeignKeysOfARelationshipToAThirdClassAreNotBorrowed() {
    // Parent.children used to take Child.parent's foreignKeys and fail with a message about it
    assertRefused(
        "backpopulates-wrong-target",
        "Parent.children: backPopulates = \"parent\" names Child.parent, which "
            + "relates to Other, not to Parent; the two sides of a pair point at "
            + "each other's class. Child has no relationship to Parent; add one: "
            + "`@Relationship(backPopulates = \"children\") public final One<Parent> "
            + "<name> = one();`.",
        WrongTargetWithForeignKeys.Parent.class);
  }

  static final class BothKinds {
    @Table("bpe_bk_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backref = "parent", backPopulates = "parent")
      public final Many<Child> children = many();
    }

    @Table("bpe_bk_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("bpe_bk_parent.id")
      public Integer parentId;
    }
  }

  @Test
  void backrefAndBackPopulatesTogether() { // S13
    assertRefused(
        "backref-and-backpopulates",
        "Parent.children declares both backref and backPopulates; they are two "
            + "ways to the same end, so keep one: backPopulates = \"parent\" when "
            + "Child declares the reverse field itself (naming \"children\" back), or "
            + "backref = \"parent\" alone to have Tether create Child.parent.",
        BothKinds.Parent.class);
  }

  static final class OnlyOnParent {
    @Table("bpe_op_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "parent")
      public final Many<Child> children = many();
    }

    @Table("bpe_op_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("bpe_op_parent.id")
      public Integer parentId;

      @Relationship public final One<Parent> parent = one();
    }
  }

  @Test
  void oneSidedBackPopulatesOnTheParent() { // S08: silently half-working in SQLAlchemy
    assertRefused(
        "backpopulates-one-sided",
        "Parent.children: backPopulates = \"parent\" names Child.parent, but "
            + "Child.parent has no backPopulates, so changes made through "
            + "Child.parent would not reach Parent.children. The two sides must name "
            + "each other: add @Relationship(backPopulates = \"children\") to "
            + "Child.parent.",
        OnlyOnParent.Parent.class);
  }

  static final class OnlyOnChild {
    @Table("bpe_oc_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      public final Many<Child> children = many();
    }

    @Table("bpe_oc_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("bpe_oc_parent.id")
      public Integer parentId;

      @Relationship(backPopulates = "children")
      public final One<Parent> parent = one();
    }
  }

  @Test
  void oneSidedBackPopulatesOnTheChild() { // S09
    assertRefused(
        "backpopulates-one-sided",
        "Child.parent: backPopulates = \"children\" names Parent.children, but "
            + "Parent.children has no backPopulates, so changes made through "
            + "Parent.children would not reach Child.parent. The two sides must name "
            + "each other: add @Relationship(backPopulates = \"parent\") to "
            + "Parent.children.",
        OnlyOnChild.Child.class);
  }

  static final class NamesSomethingElse {
    @Table("bpe_ne_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "parent")
      public final Many<Child> children = many();
    }

    @Table("bpe_ne_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("bpe_ne_parent.id")
      public Integer parentId;

      @Relationship(backPopulates = "kids")
      public final One<Parent> parent = one();
    }
  }

  @Test
  void theTwoSidesNameDifferentAttributes() {
    assertRefused(
        "backpopulates-one-sided",
        "Parent.children: backPopulates = \"parent\" names Child.parent, but "
            + "Child.parent names \"kids\" instead, so changes made through "
            + "Child.parent would not reach Parent.children. The two sides must name "
            + "each other: write backPopulates = \"children\" on Child.parent.",
        NamesSomethingElse.Parent.class);
  }

  static final class TwoCollectionsOneScalar {
    @Table("bpe_tc_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "parent")
      public final Many<Child> children = many();

      @Relationship(backPopulates = "parent")
      public final Many<Child> favourites = many();
    }

    @Table("bpe_tc_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("bpe_tc_parent.id")
      public Integer parentId;

      @Relationship(backPopulates = "children")
      public final One<Parent> parent = one();
    }
  }

  @Test
  void twoRelationshipsBackPopulatingOneThatIsAlreadyPaired() { // S22: a mutation-time error there
    assertRefused(
        "backpopulates-taken",
        "Parent.favourites: backPopulates = \"parent\" names Child.parent, but "
            + "Child.parent and Parent.children name each other, and a relationship "
            + "has one reverse side. Remove backPopulates from Parent.favourites (or "
            + "mark it viewOnly = true if it is only read), or give Child a separate "
            + "relationship to pair with it: `@Relationship(backPopulates = "
            + "\"favourites\") public final One<Parent> <name> = one();`.",
        TwoCollectionsOneScalar.Parent.class);
  }

  static final class NamesABackref {
    @Table("bpe_nb_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backref = "parent")
      public final Many<Child> children = many();

      @Relationship(backPopulates = "parent")
      public final Many<Child> favourites = many();
    }

    @Table("bpe_nb_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("bpe_nb_parent.id")
      public Integer parentId;
    }
  }

  @Test
  void backPopulatesNamingAGeneratedBackref() {
    assertRefused(
        "backpopulates-taken",
        "Parent.favourites: backPopulates = \"parent\" names Child.parent, but "
            + "Child.parent is the backref that Parent.children creates, and a "
            + "relationship has one reverse side. Remove backPopulates from "
            + "Parent.favourites (or mark it viewOnly = true if it is only read), or "
            + "give Child a separate relationship to pair with it: "
            + "`@Relationship(backPopulates = \"favourites\") public final One<Parent> "
            + "<name> = one();`.",
        NamesABackref.Parent.class);
  }

  static final class SameDirection {
    @Table("bpe_sd_node")
    public static class Node extends Model {
      @Id public Integer id;

      @ForeignKey("bpe_sd_node.id")
      public Integer parentId;

      @Relationship(backPopulates = "parent")
      public final Many<Node> children = many();

      @Relationship(backPopulates = "children")
      public final Many<Node> parent = many();
    }
  }

  @Test
  void selfReferentialPairWithTwoManySides() { // S15
    assertRefused(
        "same-direction",
        "Node.children and Node.parent name each other but are both Many sides "
            + "of Node.parentId (bpe_sd_node.parent_id → bpe_sd_node.id). A pair has "
            + "one One side (many-to-one, on the objects that hold the key) and one "
            + "Many side (one-to-many). Declare Node.parent as `public final "
            + "One<Node> parent = one();`.",
        SameDirection.Node.class);
  }

  static final class SameDirectionOne {
    @Table("bpe_so_node")
    public static class Node extends Model {
      @Id public Integer id;

      @ForeignKey("bpe_so_node.id")
      public Integer parentId;

      @Relationship(backPopulates = "parent")
      public final One<Node> child = one();

      @Relationship(backPopulates = "child")
      public final One<Node> parent = one();
    }
  }

  @Test
  void selfReferentialPairWithTwoOneSides() {
    assertRefused(
        "same-direction",
        "Node.child and Node.parent name each other but are both One sides of "
            + "Node.parentId (bpe_so_node.parent_id → bpe_so_node.id). A pair has "
            + "one One side (many-to-one, on the objects that hold the key) and one "
            + "Many side (one-to-many). Declare Node.parent as `public final "
            + "Many<Node> parent = many();`. For a one-to-one between Node rows, declare "
            + "only the side that holds the key, make the key unique and let a backref "
            + "create the other side: `@ForeignKey(\"bpe_so_node.id\") @Column(unique = "
            + "true) public Integer parentId;` and `@Relationship(backref = \"parent\") "
            + "public final One<Node> child = one();` (remove the field Node.parent).",
        SameDirectionOne.Node.class);
  }

  static final class DifferentKeys {
    @Table("bpe_dk_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "parent", foreignKeys = "parentId")
      public final Many<Child> children = many();
    }

    @Table("bpe_dk_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("bpe_dk_parent.id")
      public Integer parentId;

      @ForeignKey("bpe_dk_parent.id")
      public Integer guardianId;

      @Relationship(backPopulates = "children", foreignKeys = "guardianId")
      public final One<Parent> parent = one();
    }
  }

  @Test
  void theTwoSidesFollowDifferentForeignKeys() {
    assertRefused(
        "backpopulates-different-keys",
        "Parent.children and Child.parent name each other but follow different "
            + "foreign keys: Parent.children follows Child.parentId "
            + "(bpe_dk_child.parent_id → bpe_dk_parent.id), Child.parent follows "
            + "Child.guardianId (bpe_dk_child.guardian_id → bpe_dk_parent.id). The "
            + "two sides of a pair follow one key: declare foreignKeys on one side "
            + "only (the other follows it), or the same field on both.",
        DifferentKeys.Parent.class);
  }

  static final class ViewOnlyPartner {
    @Table("bpe_vo_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "parent", viewOnly = true)
      public final Many<Child> children = many();
    }

    @Table("bpe_vo_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("bpe_vo_parent.id")
      public Integer parentId;

      @Relationship(backPopulates = "children")
      public final One<Parent> parent = one();
    }
  }

  @Test
  void aWritableRelationshipPairedWithAViewOnlyOne() { // S20: a silent half-sync there
    assertRefused(
        "backpopulates-viewonly",
        "Parent.children is viewOnly (read-only, never synced) but its "
            + "backPopulates partner Child.parent is writable; a pair is kept in "
            + "sync both ways, which a viewOnly side cannot be (SQLAlchemy silently "
            + "syncs one way only). Mark both viewOnly = true, remove viewOnly = "
            + "true, or remove backPopulates from both to keep them independent.",
        ViewOnlyPartner.Parent.class);
  }
}
