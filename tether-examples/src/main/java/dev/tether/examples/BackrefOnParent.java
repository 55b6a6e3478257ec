package dev.tether.examples;

import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.Relationship;
import dev.tether.Table;

/**
 * Seed scenario 3, as in seed 001: {@code backref = "parent"} on {@code Parent.children}. {@code
 * Child} keeps only the foreign key, yet has a relationship: {@code child.related("parent")}.
 */
public final class BackrefOnParent {
  private BackrefOnParent() {}

  /** The "one" side; declares the backref. */
  @Table("parent")
  public static class Parent extends Model {
    @Id public Integer id;

    @Relationship(backref = "parent")
    public final Many<Child> children = many();
  }

  /** The "many" side: only the foreign key; {@code parent} is created by the backref. */
  @Table("child")
  public static class Child extends Model {
    @Id public Integer id;

    @ForeignKey("parent.id")
    public Integer parentId;
  }
}
