package dev.tether.examples;

import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Relationship;
import dev.tether.Table;

/**
 * Seed scenario 3, as in seed 002: {@code backref = "children"} on {@code Child.parent}. {@code
 * Parent} declares no relationship, yet has one: {@code parent.related("children")}.
 */
public final class BackrefOnChild {
  private BackrefOnChild() {}

  /** The "one" side: no relationship field; {@code children} is created by the backref. */
  @Table("parent")
  public static class Parent extends Model {
    @Id public Integer id;
  }

  /** The "many" side; holds the foreign key and declares the backref. */
  @Table("child")
  public static class Child extends Model {
    @Id public Integer id;

    @ForeignKey("parent.id")
    public Integer parentId;

    @Relationship(backref = "children")
    public final One<Parent> parent = one();
  }
}
