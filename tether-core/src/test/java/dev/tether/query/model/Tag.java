package dev.tether.query.model;

import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.Relationship;
import dev.tether.Table;

/** {@code q_tag(id, label)}, linked to parents through {@code q_parent_tag}. */
@Table("q_tag")
public class Tag extends Model {
  @Id public Integer id;
  public String label;

  @Relationship(secondary = "q_parent_tag", backPopulates = "tags")
  public final Many<Parent> parents = many();

  /** For Tether. */
  public Tag() {}

  /** A tag labelled {@code label}. */
  public Tag(String label) {
    this.label = label;
  }
}
