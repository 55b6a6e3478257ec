package dev.tether.query.model;

import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.Relationship;
import dev.tether.Table;

/** {@code q_parent(id, name, rank)}: children (one-to-many) and tags (many-to-many). */
@Table("q_parent")
public class Parent extends Model {
  @Id public Integer id;
  public String name;
  public Integer rank;

  @Relationship(backPopulates = "parent")
  public final Many<Child> children = many();

  @Relationship(secondary = "q_parent_tag", backPopulates = "parents")
  public final Many<Tag> tags = many();

  /** For Tether. */
  public Parent() {}

  /** A parent called {@code name}. */
  public Parent(String name, Integer rank) {
    this.name = name;
    this.rank = rank;
  }
}
