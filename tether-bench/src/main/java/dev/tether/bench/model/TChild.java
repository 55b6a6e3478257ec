package dev.tether.bench.model;

import dev.tether.Column;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Relationship;
import dev.tether.Table;

/** Tether's mapping of {@code child}. */
@Table("child")
public class TChild extends Model {
  @Id public Long id;

  @ForeignKey("parent.id")
  @Column(nullable = false)
  public Long parentId;

  @Column(nullable = false, length = 100)
  public String name;

  public int val;

  @Column(length = 200)
  public String note;

  @Relationship(backPopulates = "children")
  public final One<TParent> parent = one();
}
