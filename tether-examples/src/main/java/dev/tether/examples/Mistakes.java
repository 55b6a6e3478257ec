package dev.tether.examples;

import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Relationship;
import dev.tether.Table;

/**
 * Seed 000's mistake, twice: models that {@code Registry.of} rejects with a {@code
 * MappingException}. SQLAlchemy accepts both and syncs in one direction only.
 *
 * <p>Tether's annotation processor would refuse to compile them; {@code SuppressWarnings("tether")}
 * tells it to leave them alone, so the demo can show the runtime check.
 */
@SuppressWarnings("tether")
public final class Mistakes {
  private Mistakes() {}

  /**
   * {@code backPopulates} on one side only: {@code Parent.children} does not name the child back.
   */
  public static final class OneSided {
    private OneSided() {}

    /** Declares {@code children} but forgot {@code backPopulates = "parent"}. */
    @Table("parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship public final Many<Child> children = many();
    }

    /** Names {@code Parent.children} as its partner. */
    @Table("child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("parent.id")
      public Integer parentId;

      @Relationship(backPopulates = "children")
      public final One<Parent> parent = one();
    }
  }

  /** A typo in {@code backPopulates}: {@code "parnt"} instead of {@code "parent"}. */
  public static final class Typo {
    private Typo() {}

    /** Misspells its partner. */
    @Table("parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "parnt")
      public final Many<Child> children = many();
    }

    /** Correct. */
    @Table("child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("parent.id")
      public Integer parentId;

      @Relationship(backPopulates = "children")
      public final One<Parent> parent = one();
    }
  }
}
