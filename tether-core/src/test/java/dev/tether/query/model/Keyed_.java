package dev.tether.query.model;

import dev.tether.query.ColumnAttribute;

/** Metamodel of {@link Keyed}, as the annotation processor generates it. */
public final class Keyed_ {
  private Keyed_() {}

  public static final ColumnAttribute<Keyed, String> code =
      ColumnAttribute.of(Keyed.class, "code", String.class);
  public static final ColumnAttribute<Keyed, String> body =
      ColumnAttribute.of(Keyed.class, "body", String.class);
}
