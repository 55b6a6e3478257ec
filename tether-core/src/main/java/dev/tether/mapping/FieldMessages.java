package dev.tether.mapping;

import dev.tether.mapping.MappingMessages.Message;

/**
 * The {@link MappingMessages} of fields whose modifiers contradict their annotations: one method
 * per mistake, plain names in, so that the annotation processor can say the same at compile time.
 */
public final class FieldMessages {
  private FieldMessages() {}

  /**
   * A {@code static} or {@code transient} field (neither is ever mapped) that carries a mapping
   * annotation, which would otherwise be silently ignored.
   *
   * @param where {@code Owner.field}
   * @param modifier {@code "static"} or {@code "transient"}
   * @param annotation the annotation as written, {@code "@Column"}
   */
  public static Message ignoredAnnotation(String where, String modifier, String annotation) {
    return new Message(
        "annotation-on-" + modifier,
        where
            + " is "
            + modifier
            + ", and "
            + modifier
            + " fields are never mapped, but it has "
            + annotation
            + ", which would be ignored. Remove `"
            + modifier
            + "` to map the field, or remove "
            + annotation
            + " if it is not stored.");
  }

  /** {@code @Column(name = " ")}: a name of only whitespace. */
  public static Message blankColumnName(String where, String value, String defaultName) {
    return new Message(
        "column-name",
        where
            + ": @Column(name = \""
            + value
            + "\") is blank. Write the column name, e.g. @Column(name = \""
            + defaultName
            + "\"), or leave name out for the default '"
            + defaultName
            + "'.");
  }

  /** {@code orderBy} on a {@code One}, which holds one object and has nothing to order. */
  public static Message orderByOnOne(String relationship, String orderBy) {
    return new Message(
        "order-by-on-one",
        relationship
            + ": orderBy = \""
            + orderBy
            + "\" orders a collection, but this is a One, which holds one object; it would be"
            + " ignored. Remove orderBy here, or put it on the Many side of the relationship.");
  }

  /**
   * {@code @Json} and {@code @Convert} on one field: two ways to store it, one would be ignored.
   */
  public static Message jsonAndConvert(String where, String converter) {
    return new Message(
        "json-and-convert",
        where
            + " has both @Json and @Convert("
            + converter
            + ".class), two ways to store one column; the converter would be ignored. Keep one:"
            + " @Json stores the value as JSON text, the converter as the column type it names.");
  }
}
