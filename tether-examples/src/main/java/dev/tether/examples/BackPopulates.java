package dev.tether.examples;

import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Relationship;
import dev.tether.Table;

/**
 * Seed scenario 2: {@code backPopulates} declared on both sides, each naming the other. Writing
 * either side updates the other at once, without SQL.
 */
public final class BackPopulates {
  private BackPopulates() {}

  /** The "one" side. */
  @Table("parent")
  public static class Parent extends Model {
    @Id public Integer id;

    @Relationship(backPopulates = "parent")
    public final Many<Child> children = many();
  }

  /** The "many" side; holds the foreign key. */
  @Table("child")
  public static class Child extends Model {
    @Id public Integer id;

    @ForeignKey("parent.id")
    public Integer parentId;

    @Relationship(backPopulates = "children")
    public final One<Parent> parent = one();
  }
}
