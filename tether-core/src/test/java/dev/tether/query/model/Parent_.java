package dev.tether.query.model;

import dev.tether.query.ColumnAttribute;
import dev.tether.query.ManyAttribute;

/** Metamodel of {@link Parent}, as the annotation processor generates it. */
public final class Parent_ {
  private Parent_() {}

  public static final ColumnAttribute<Parent, Integer> id =
      ColumnAttribute.of(Parent.class, "id", Integer.class);
  public static final ColumnAttribute<Parent, String> name =
      ColumnAttribute.of(Parent.class, "name", String.class);
  public static final ColumnAttribute<Parent, Integer> rank =
      ColumnAttribute.of(Parent.class, "rank", Integer.class);
  public static final ManyAttribute<Parent, Child> children =
      ManyAttribute.of(Parent.class, "children", Child.class);
  public static final ManyAttribute<Parent, Tag> tags =
      ManyAttribute.of(Parent.class, "tags", Tag.class);
}
