package dev.tether.query.model;

import dev.tether.query.ColumnAttribute;
import dev.tether.query.ManyAttribute;
import dev.tether.query.OneAttribute;

/** Metamodel of {@link Child}, as the annotation processor generates it. */
public final class Child_ {
  private Child_() {}

  public static final ColumnAttribute<Child, Integer> id =
      ColumnAttribute.of(Child.class, "id", Integer.class);
  public static final ColumnAttribute<Child, String> name =
      ColumnAttribute.of(Child.class, "name", String.class);
  public static final ColumnAttribute<Child, Integer> position =
      ColumnAttribute.of(Child.class, "position", Integer.class);
  public static final ColumnAttribute<Child, Integer> parentId =
      ColumnAttribute.of(Child.class, "parentId", Integer.class);
  public static final OneAttribute<Child, Parent> parent =
      OneAttribute.of(Child.class, "parent", Parent.class);
  public static final ManyAttribute<Child, Toy> toys =
      ManyAttribute.of(Child.class, "toys", Toy.class);
}
