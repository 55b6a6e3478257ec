package dev.tether.query.model;

import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Relationship;
import dev.tether.Table;

/** {@code q_toy(id, name, child_id → q_child.id)}. */
@Table("q_toy")
public class Toy extends Model {
  @Id public Integer id;
  public String name;

  @ForeignKey("q_child.id")
  public Integer childId;

  @Relationship(backPopulates = "toys")
  public final One<Child> child = one();

  /** For Tether. */
  public Toy() {}

  /** A toy called {@code name}. */
  public Toy(String name) {
    this.name = name;
  }
}
