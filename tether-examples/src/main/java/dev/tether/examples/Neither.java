package dev.tether.examples;

import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Relationship;
import dev.tether.Table;

/**
 * Seed scenario 1: two relationships over one foreign key with neither {@code backPopulates} nor
 * {@code backref}. They are independent in memory; they only meet in the database after a flush.
 */
public final class Neither {
  private Neither() {}

  /** The "one" side. */
  @Table("parent")
  public static class Parent extends Model {
    @Id public Integer id;

    @Relationship public final Many<Child> children = many();
  }

  /** The "many" side; holds the foreign key. */
  @Table("child")
  public static class Child extends Model {
    @Id public Integer id;

    @ForeignKey("parent.id")
    public Integer parentId;

    @Relationship public final One<Parent> parent = one();
  }
}
