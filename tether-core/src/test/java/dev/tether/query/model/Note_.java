package dev.tether.query.model;

import dev.tether.query.ColumnAttribute;

/** Metamodel of {@link Note}, as the annotation processor generates it. */
public final class Note_ {
  private Note_() {}

  public static final ColumnAttribute<Note, Integer> id =
      ColumnAttribute.of(Note.class, "id", Integer.class);
  public static final ColumnAttribute<Note, String> body =
      ColumnAttribute.of(Note.class, "body", String.class);
  public static final ColumnAttribute<Note, Integer> rank =
      ColumnAttribute.of(Note.class, "rank", Integer.class);
}
