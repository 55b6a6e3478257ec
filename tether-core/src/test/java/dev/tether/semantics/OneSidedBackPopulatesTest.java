package dev.tether.semantics;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.MappingException;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Registry;
import dev.tether.Relationship;
import dev.tether.Table;
import org.junit.jupiter.api.Test;

/**
 * S08, S09 and S22 — the half-declared pairs that SQLAlchemy accepts and then syncs in one
 * direction only (or fails at mutation time). Tether is better (DESIGN §2.3): {@code Registry.of}
 * refuses them, so no half-sync can ever happen. The wording of these and the other configuration
 * errors is tested with the configuration-error suite; here only the rejection itself.
 */
class OneSidedBackPopulatesTest {

  /** S08's models: backPopulates only on {@code Parent.children}. */
  static final class OnlyOnParent {
    @Table("s08_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "parent")
      public final Many<Child> children = many();
    }

    @Table("s08_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("s08_parent.id")
      public Integer parentId;

      @Relationship public final One<Parent> parent = one();
    }
  }

  /** S09's models: backPopulates only on {@code Child.parent}. */
  static final class OnlyOnChild {
    @Table("s09_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship public final Many<Child> children = many();
    }

    @Table("s09_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("s09_parent.id")
      public Integer parentId;

      @Relationship(backPopulates = "children")
      public final One<Parent> parent = one();
    }
  }

  /** S22's models: two collections back-populate {@code Child.parent}, which names one of them. */
  static final class TwoCollections {
    @Table("s22_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "parent")
      public final Many<Child> children = many();

      @Relationship(backPopulates = "parent")
      public final Many<Child> favourites = many();
    }

    @Table("s22_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("s22_parent.id")
      public Integer parentId;

      @Relationship(backPopulates = "children")
      public final One<Parent> parent = one();
    }
  }

  /**
   * S08: SQLAlchemy syncs {@code p.children.append(c)} into c.parent but not {@code c2.parent = p}
   * into the list. Tether refuses the mapping, and the objects never half-sync afterwards.
   */
  @Test
  void s08_back_populates_only_on_the_collection_is_refused() {
    assertThatThrownBy(() -> Registry.of(OnlyOnParent.Parent.class, OnlyOnParent.Child.class))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("Parent.children")
        .hasMessageContaining("Child.parent");

    OnlyOnParent.Parent p = new OnlyOnParent.Parent();
    OnlyOnParent.Child c = new OnlyOnParent.Child();
    assertThatThrownBy(() -> p.children.add(c))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("Parent is not mapped")
        .hasMessageContaining("fix that mistake first");
    assertThatThrownBy(c.parent::get).isInstanceOf(MappingException.class);
  }

  /** S09: the mirror image, backPopulates only on the many-to-one side, is refused as well. */
  @Test
  void s09_back_populates_only_on_the_reference_is_refused() {
    assertThatThrownBy(() -> Registry.of(OnlyOnChild.Parent.class, OnlyOnChild.Child.class))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("Child.parent")
        .hasMessageContaining("Parent.children");
  }

  /**
   * S22: SQLAlchemy raises "Bidirectional attribute conflict detected" at the first append to
   * {@code favourites}; in Tether {@code favourites} is a one-sided pair, refused at configuration.
   */
  @Test
  void s22_a_second_collection_claiming_the_same_reverse_is_refused() {
    assertThatThrownBy(() -> Registry.of(TwoCollections.Parent.class, TwoCollections.Child.class))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("Parent.favourites");
  }
}
