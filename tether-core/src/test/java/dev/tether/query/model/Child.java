package dev.tether.query.model;

import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Relationship;
import dev.tether.Table;

/** {@code q_child(id, name, position, parent_id → q_parent.id)}; toys (one-to-many). */
@Table("q_child")
public class Child extends Model {
  @Id public Integer id;
  public String name;
  public Integer position;

  @ForeignKey("q_parent.id")
  public Integer parentId;

  @Relationship(backPopulates = "children")
  public final One<Parent> parent = one();

  @Relationship(backPopulates = "child")
  public final Many<Toy> toys = many();

  /** For Tether. */
  public Child() {}

  /** A child called {@code name}. */
  public Child(String name, Integer position) {
    this.name = name;
    this.position = position;
  }
}
