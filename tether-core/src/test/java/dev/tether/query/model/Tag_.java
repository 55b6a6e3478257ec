package dev.tether.query.model;

import dev.tether.query.ColumnAttribute;
import dev.tether.query.ManyAttribute;

/** Metamodel of {@link Tag}, as the annotation processor generates it. */
public final class Tag_ {
  private Tag_() {}

  public static final ColumnAttribute<Tag, Integer> id =
      ColumnAttribute.of(Tag.class, "id", Integer.class);
  public static final ColumnAttribute<Tag, String> label =
      ColumnAttribute.of(Tag.class, "label", String.class);
  public static final ManyAttribute<Tag, Parent> parents =
      ManyAttribute.of(Tag.class, "parents", Parent.class);
}
