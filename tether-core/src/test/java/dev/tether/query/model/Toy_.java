package dev.tether.query.model;

import dev.tether.query.ColumnAttribute;
import dev.tether.query.OneAttribute;

/** Metamodel of {@link Toy}, as the annotation processor generates it. */
public final class Toy_ {
  private Toy_() {}

  public static final ColumnAttribute<Toy, Integer> id =
      ColumnAttribute.of(Toy.class, "id", Integer.class);
  public static final ColumnAttribute<Toy, String> name =
      ColumnAttribute.of(Toy.class, "name", String.class);
  public static final ColumnAttribute<Toy, Integer> childId =
      ColumnAttribute.of(Toy.class, "childId", Integer.class);
  public static final OneAttribute<Toy, Child> child =
      OneAttribute.of(Toy.class, "child", Child.class);
}
