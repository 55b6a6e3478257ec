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
 * Join conditions: which foreign key a relationship follows (reference scenarios S16 and S18), the
 * {@code foreignKeys} choice, and the relationship's target.
 */
class JoinsTest {

  static final class NoKey {
    @Table("je_nk_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship public final Many<Child> children = many();
    }

    @Table("je_nk_child")
    public static class Child extends Model {
      @Id public Integer id;
      public Integer parentId;
    }
  }

  @Test
  void noForeignKeyBehindAMany() { // S16
    assertRefused(
        "no-foreign-key",
        "Parent.children: no foreign key links Parent (table je_nk_parent) and "
            + "Child (table je_nk_child), so there is no join condition to follow. "
            + "Add a foreign-key field to Child: `@ForeignKey(\"je_nk_parent.id\") "
            + "public Integer parentId;`.",
        NoKey.Parent.class);
  }

  static final class NoKeyOne {
    @Table("je_no_account")
    public static class Account extends Model {
      @Id public Long id;
    }

    @Table("je_no_message")
    public static class Message extends Model {
      @Id public Integer id;

      @Relationship public final One<Account> sender = one();
    }
  }

  @Test
  void noForeignKeyBehindAOne() {
    assertRefused(
        "no-foreign-key",
        "Message.sender: no foreign key links Message (table je_no_message) "
            + "and Account (table je_no_account), so there is no join condition to "
            + "follow. Add a foreign-key field to Message: "
            + "`@ForeignKey(\"je_no_account.id\") public Long senderId;`.",
        NoKeyOne.Message.class);
  }

  static final class TwoKeys {
    @Table("je_tk_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "parent")
      public final Many<Child> children = many();
    }

    @Table("je_tk_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("je_tk_parent.id")
      public Integer parentId;

      @ForeignKey("je_tk_parent.id")
      public Integer guardianId;

      @Relationship(backPopulates = "children")
      public final One<Parent> parent = one();
    }
  }

  @Test
  void severalForeignKeysWithoutForeignKeys() { // S18
    assertRefused(
        "ambiguous-foreign-keys",
        "Parent.children: several foreign keys link Parent and Child: "
            + "Child.parentId (je_tk_child.parent_id → je_tk_parent.id), "
            + "Child.guardianId (je_tk_child.guardian_id → je_tk_parent.id). Name "
            + "the one this relationship follows in its @Relationship: foreignKeys = "
            + "\"parentId\" or foreignKeys = \"guardianId\". On a backPopulates pair, "
            + "one side is enough; the other follows the same key.",
        TwoKeys.Parent.class);
  }

  static final class ChosenOnOneSide {
    @Table("je_co_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "parent")
      public final Many<Child> children = many();
    }

    @Table("je_co_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("je_co_parent.id")
      public Integer parentId;

      @ForeignKey("je_co_parent.id")
      public Integer guardianId;

      @Relationship(backPopulates = "children", foreignKeys = "guardianId")
      public final One<Parent> parent = one();
    }
  }

  @Test
  void foreignKeysOnOneSideOfAPairIsEnough() { // S18, fixed: the partner follows the same key
    Metadata m = RegistryInternals.metadata(Registry.of(ChosenOnOneSide.Parent.class));
    RelationshipMapping children = m.model(ChosenOnOneSide.Parent.class).relationship("children");
    RelationshipMapping parent = m.model(ChosenOnOneSide.Child.class).relationship("parent");
    ColumnMapping guardianId = m.model(ChosenOnOneSide.Child.class).columnByField("guardianId");
    assertThat(children.foreignKey()).isSameAs(guardianId);
    assertThat(parent.foreignKey()).isSameAs(guardianId);
    assertThat(children.reverse()).isSameAs(parent);
    assertThat(children.direction()).isEqualTo(Direction.ONE_TO_MANY);
    assertThat(parent.direction()).isEqualTo(Direction.MANY_TO_ONE);
  }

  static final class ChosenOnTheCollectionSide {
    @Table("je_cc_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "parent", foreignKeys = "parentId")
      public final Many<Child> children = many();
    }

    @Table("je_cc_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("je_cc_parent.id")
      public Integer parentId;

      @ForeignKey("je_cc_parent.id")
      public Integer guardianId;

      @Relationship(backPopulates = "children")
      public final One<Parent> parent = one();
    }
  }

  @Test
  void foreignKeysOnTheCollectionSideIsInferredForTheScalarSide() {
    Metadata m = RegistryInternals.metadata(Registry.of(ChosenOnTheCollectionSide.Child.class));
    ColumnMapping parentId =
        m.model(ChosenOnTheCollectionSide.Child.class).columnByField("parentId");
    assertThat(m.model(ChosenOnTheCollectionSide.Child.class).relationship("parent").foreignKey())
        .isSameAs(parentId);
    assertThat(
            m.model(ChosenOnTheCollectionSide.Parent.class).relationship("children").foreignKey())
        .isSameAs(parentId);
  }

  static final class ChosenOnBothSides {
    @Table("je_cb_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "parent", foreignKeys = "parentId")
      public final Many<Child> children = many();

      @Relationship(backPopulates = "guardian", foreignKeys = "guardianId")
      public final Many<Child> wards = many();
    }

    @Table("je_cb_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("je_cb_parent.id")
      public Integer parentId;

      @ForeignKey("je_cb_parent.id")
      public Integer guardianId;

      @Relationship(backPopulates = "children", foreignKeys = "parentId")
      public final One<Parent> parent = one();

      @Relationship(backPopulates = "wards", foreignKeys = "guardianId")
      public final One<Parent> guardian = one();
    }
  }

  @Test
  void foreignKeysOnBothSidesOfTwoPairs() {
    Metadata m = RegistryInternals.metadata(Registry.of(ChosenOnBothSides.Parent.class));
    ModelMapping parent = m.model(ChosenOnBothSides.Parent.class);
    ModelMapping child = m.model(ChosenOnBothSides.Child.class);
    assertThat(parent.relationship("children").reverse()).isSameAs(child.relationship("parent"));
    assertThat(parent.relationship("wards").reverse()).isSameAs(child.relationship("guardian"));
    assertThat(parent.relationship("wards").foreignKey())
        .isSameAs(child.columnByField("guardianId"));
    assertThat(m.warnings()).isEmpty();
  }

  static final class ChosenWithBackref {
    @Table("je_cw_parent")
    public static class Parent extends Model {
      @Id public Integer id;
    }

    @Table("je_cw_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("je_cw_parent.id")
      public Integer parentId;

      @ForeignKey("je_cw_parent.id")
      public Integer guardianId;

      @Relationship(backref = "wards", foreignKeys = "guardianId")
      public final One<Parent> guardian = one();
    }
  }

  @Test
  void aBackrefFollowsTheKeyItsCreatorChose() {
    Metadata m = RegistryInternals.metadata(Registry.of(ChosenWithBackref.Child.class));
    RelationshipMapping wards = m.model(ChosenWithBackref.Parent.class).relationship("wards");
    assertThat(wards.foreignKey())
        .isSameAs(m.model(ChosenWithBackref.Child.class).columnByField("guardianId"));
  }

  static final class UnknownChoice {
    @Table("je_uc_parent")
    public static class Parent extends Model {
      @Id public Integer id;
    }

    @Table("je_uc_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("je_uc_parent.id")
      public Integer parentId;

      @ForeignKey("je_uc_parent.id")
      public Integer guardianId;

      @Relationship(foreignKeys = "guardainId")
      public final One<Parent> guardian = one();
    }
  }

  @Test
  void foreignKeysNamingAnUnknownField() {
    assertRefused(
        "foreign-keys-unknown",
        "Child.guardian: foreignKeys = \"guardainId\" names no field of Child or "
            + "Parent. Did you mean 'guardianId'? The foreign keys linking Child and "
            + "Parent: Child.parentId (je_uc_child.parent_id → je_uc_parent.id), "
            + "Child.guardianId (je_uc_child.guardian_id → je_uc_parent.id). "
            + "foreignKeys takes the Java field name of the foreign-key column.",
        UnknownChoice.Child.class);
  }

  static final class ChoiceNotAKey {
    @Table("je_cn_parent")
    public static class Parent extends Model {
      @Id public Integer id;
    }

    @Table("je_cn_child")
    public static class Child extends Model {
      @Id public Integer id;
      public String name;

      @ForeignKey("je_cn_parent.id")
      public Integer parentId;

      @Relationship(foreignKeys = "name")
      public final One<Parent> parent = one();
    }
  }

  @Test
  void foreignKeysNamingAFieldWithoutForeignKey() {
    // a field of the declaring class that is not a key used to be reported as "no field"
    assertRefused(
        "foreign-keys-not-fk",
        "Child.parent: foreignKeys = \"name\" names Child.name, which has no "
            + "@ForeignKey, so it links nothing. The foreign keys linking Child and "
            + "Parent: Child.parentId (je_cn_child.parent_id → je_cn_parent.id). "
            + "Name one of them, or give Child.name a @ForeignKey.",
        ChoiceNotAKey.Child.class);
  }

  static final class ChoiceToAnotherTable {
    @Table("je_ct_parent")
    public static class Parent extends Model {
      @Id public Integer id;
    }

    @Table("je_ct_toy")
    public static class Toy extends Model {
      @Id public Integer id;
    }

    @Table("je_ct_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("je_ct_parent.id")
      public Integer parentId;

      @ForeignKey("je_ct_toy.id")
      public Integer toyId;

      @Relationship(foreignKeys = "toyId")
      public final One<Parent> parent = one();
    }
  }

  @Test
  void foreignKeysNamingAKeyToAnotherTable() {
    assertRefused(
        "foreign-keys-not-fk",
        "Child.parent: foreignKeys = \"toyId\" names Child.toyId "
            + "(je_ct_child.toy_id → je_ct_toy.id), a foreign key to je_ct_toy, "
            + "which does not link je_ct_child and je_ct_parent. The foreign keys "
            + "linking Child and Parent: Child.parentId (je_ct_child.parent_id → "
            + "je_ct_parent.id). Name one of them.",
        ChoiceToAnotherTable.Child.class,
        ChoiceToAnotherTable.Toy.class);
  }

  static final class ManyOnKeySide {
    @Table("je_mk_parent")
    public static class Parent extends Model {
      @Id public Integer id;
    }

    @Table("je_mk_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("je_mk_parent.id")
      public Integer parentId;

      @Relationship public final Many<Parent> parents = many();
    }
  }

  @Test
  void manyDeclaredOnTheForeignKeySide() {
    assertRefused(
        "many-on-foreign-key-side",
        "Child.parents is a Many, but the foreign key it follows, "
            + "Child.parentId (je_mk_child.parent_id → je_mk_parent.id), is on "
            + "Child's own table, so each Child refers to at most one Parent. "
            + "Declare it `public final One<Parent> parents = one();` (the "
            + "Many<Child> side belongs on Parent).",
        ManyOnKeySide.Child.class);
  }

  static final class KeysBothWays {
    @Table("je_kb_department")
    public static class Department extends Model {
      @Id public Integer id;

      @ForeignKey("je_kb_employee.id")
      public Integer managerId;

      @Relationship public final Many<Employee> employees = many();
    }

    @Table("je_kb_employee")
    public static class Employee extends Model {
      @Id public Integer id;

      @ForeignKey("je_kb_department.id")
      public Integer departmentId;
    }
  }

  @Test
  void aManyIgnoresTheKeysOnItsOwnTable() {
    // department.manager_id cannot give Department a collection, so employees is not ambiguous
    Metadata m = RegistryInternals.metadata(Registry.of(KeysBothWays.Department.class));
    RelationshipMapping employees =
        m.model(KeysBothWays.Department.class).relationship("employees");
    assertThat(employees.foreignKey())
        .isSameAs(m.model(KeysBothWays.Employee.class).columnByField("departmentId"));
    assertThat(employees.direction()).isEqualTo(Direction.ONE_TO_MANY);
  }

  static final class TargetNotAModel {
    @Table("je_tn_owner")
    public static class Owner extends Model {
      @Id public Integer id;

      public final One<String> name = null;
    }
  }

  @Test
  void relationshipToAClassThatIsNotAModel() {
    assertRefused(
        "target-not-model",
        "Owner.name points to String, which is not a model. Relationship "
            + "targets must be classes that extend Model.",
        TargetNotAModel.Owner.class);
  }

  static final class TargetAbstract {
    public abstract static class Animal extends Model {
      @Id public Integer id;
    }

    @Table("je_ta_owner")
    public static class Owner extends Model {
      @Id public Integer id;

      public final One<Animal> pet = one();
    }
  }

  @Test
  void relationshipToAnAbstractModel() {
    assertRefused(
        "target-not-model",
        "Owner.pet points to Animal, which is abstract and has no table of its "
            + "own. Name a concrete model class that extends it.",
        TargetAbstract.Owner.class);
  }

  static final class TargetBase {
    @Table("je_tb_owner")
    public static class Owner extends Model {
      @Id public Integer id;

      public final Many<Model> things = many();
    }
  }

  @Test
  void relationshipToTheModelBaseClass() {
    assertRefused(
        "target-not-model",
        "Owner.things points to Model, the base class itself. Name a concrete "
            + "model class, e.g. Many<Child>.",
        TargetBase.Owner.class);
  }

  static final class Secondary {
    @Table("je_se_article")
    public static class Article extends Model {
      @Id public Integer id;

      @Relationship(secondary = "je_se_article_tag")
      public final Many<Tag> tags = many();
    }

    @Table("je_se_tag")
    public static class Tag extends Model {
      @Id public Integer id;
    }
  }

  static final class LinkedList {
    @Table("je_ll_node")
    public static class Node extends Model {
      @Id public Integer id;

      @ForeignKey("je_ll_node.id")
      public Integer nextId;

      @Relationship(backPopulates = "previous")
      public final One<Node> next = one();

      @Relationship(backPopulates = "next")
      public final One<Node> previous = one();
    }
  }

  /**
   * Two One fields over a self-referencing key: the message shows the one-to-one way to write it.
   */
  @Test
  void selfReferentialOneToOneShowsTheBackrefOverAUniqueKey() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Registry.of(LinkedList.Node.class))
        .isInstanceOf(dev.tether.MappingException.class)
        .hasMessageContaining("For a one-to-one between Node rows")
        .hasMessageContaining("@Column(unique = true) public Integer nextId;")
        .hasMessageContaining(
            "@Relationship(backref = \"previous\") public final One<Node> next = one();");
  }

  static final class UnlinkedManyToMany {
    @Table("je_um_article")
    public static class Article extends Model {
      @Id public Integer id;

      @Relationship(secondary = "je_um_article_tag")
      public final Many<Tag> tags = many();
    }

    @Table("je_um_tag")
    public static class Tag extends Model {
      @Id public Integer id;

      @Relationship(secondary = "je_um_article_tag")
      public final Many<Article> articles = many();
    }
  }

  /** SQLAlchemy's overlaps warning holds for two unlinked sides of one association table too. */
  @Test
  void unlinkedManyToManySidesOverOneTableAreWarnedAbout() {
    Metadata md = RegistryInternals.metadata(Registry.of(UnlinkedManyToMany.Article.class));
    assertThat(md.warnings())
        .anyMatch(
            w ->
                w.contains("Article.tags and Tag.articles both write")
                    && w.contains("backPopulates = \"articles\""));
  }

  /** A secondary table no model maps is defined by convention: one key per side, both the key. */
  @Test
  void manyToManyThroughSecondaryDefinesTheAssociationTable() {
    Metadata md = RegistryInternals.metadata(Registry.of(Secondary.Article.class));
    RelationshipMapping tags = md.model(Secondary.Article.class).relationship("tags");
    assertThat(tags.direction()).isEqualTo(Direction.MANY_TO_MANY);
    assertThat(tags.secondary().name()).isEqualTo("je_se_article_tag");
    assertThat(tags.secondary().columns())
        .extracting(ColumnMapping::name)
        .containsExactly("je_se_article_id", "je_se_tag_id");
    assertThat(tags.secondary().keyColumns()).hasSize(2);
    assertThat(tags.foreignKey().references().table().name()).isEqualTo("je_se_article");
    assertThat(tags.secondaryTargetColumn().references().table().name()).isEqualTo("je_se_tag");
    assertThat(md.tablesInDependencyOrder())
        .extracting(TableMapping::name)
        .containsSubsequence("je_se_article", "je_se_article_tag")
        .containsSubsequence("je_se_tag", "je_se_article_tag");
  }

  static final class AdjacencyList {
    @Table("je_al_node")
    public static class Node extends Model {
      @Id public Integer id;

      @ForeignKey("je_al_node.id")
      public Integer parentId;

      @Relationship(backPopulates = "children")
      public final One<Node> parent = one();

      @Relationship(backPopulates = "parent")
      public final Many<Node> children = many();
    }
  }

  @Test
  void selfReferentialPairTakesItsDirectionFromTheFieldTypes() { // S36 without remote_side
    ModelMapping node =
        RegistryInternals.metadata(Registry.of(AdjacencyList.Node.class))
            .model(AdjacencyList.Node.class);
    RelationshipMapping parent = node.relationship("parent");
    RelationshipMapping children = node.relationship("children");
    assertThat(parent.direction()).isEqualTo(Direction.MANY_TO_ONE);
    assertThat(children.direction()).isEqualTo(Direction.ONE_TO_MANY);
    assertThat(parent.foreignKey()).isSameAs(children.foreignKey());
    assertThat(parent.reverse()).isSameAs(children);
    assertThat(children.reverse()).isSameAs(parent);
  }

  static final class OneToOne {
    @Table("je_oo_person")
    public static class Person extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "owner")
      public final One<Passport> passport = one();
    }

    @Table("je_oo_passport")
    public static class Passport extends Model {
      @Id public Integer id;

      @ForeignKey("je_oo_person.id")
      public Integer ownerId;

      @Relationship(backPopulates = "passport")
      public final One<Person> owner = one();
    }
  }

  @Test
  void oneToOneIsTwoOneSidesOfOppositeDirections() {
    Metadata m = RegistryInternals.metadata(Registry.of(OneToOne.Person.class));
    RelationshipMapping passport = m.model(OneToOne.Person.class).relationship("passport");
    RelationshipMapping owner = m.model(OneToOne.Passport.class).relationship("owner");
    assertThat(passport.direction()).isEqualTo(Direction.ONE_TO_MANY);
    assertThat(passport.isCollection()).isFalse();
    assertThat(owner.direction()).isEqualTo(Direction.MANY_TO_ONE);
    assertThat(passport.reverse()).isSameAs(owner);
  }
}
