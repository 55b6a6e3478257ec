package dev.tether.bench.model;

import dev.tether.Column;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.Relationship;
import dev.tether.Table;

/** Tether's mapping of {@code parent}: children through {@code backPopulates}, cascade delete. */
@Table("parent")
public class TParent extends Model {
  @Id public Long id;

  @Column(nullable = false, length = 100)
  public String name;

  @Relationship(backPopulates = "parent", cascade = "save-update, merge, delete")
  public final Many<TChild> children = many();
}
