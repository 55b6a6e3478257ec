package dev.tether.mapping;

import dev.tether.mapping.MappingMessages.Message;

/**
 * The {@link MappingMessages} of embedded values ({@code @Embeddable}, {@code @Embedded}): one
 * method per mistake, plain names in, the same text when {@link EmbeddedReader} finds it at run
 * time and when the annotation processor finds it in the sources. A mistake in the embeddable class
 * itself names that class ({@code Address.city}), whichever model embeds it; a mistake in how a
 * model embeds it names the model's field ({@code Customer.home}).
 */
public final class EmbeddedMessages {
  private EmbeddedMessages() {}

  /** {@code @Embedded} on a field whose type is not {@code @Embeddable}. */
  public static Message notEmbeddable(String where, String type) {
    return new Message(
        "embedded-not-embeddable",
        where
            + " has @Embedded, but its type "
            + type
            + " is not marked @Embeddable. Annotate the type: `@Embeddable public record "
            + type
            + "(...)`; or remove @Embedded if the field is a column of its own.");
  }

  /** A column or key annotation on a model's embedded field. */
  public static Message annotationOnEmbedded(String where, String annotation, String type) {
    return new Message(
        "embedded-annotation",
        where
            + " is an embedded "
            + type
            + ", but has @"
            + annotation
            + ", which belongs on a column field. Declare column settings on the components of "
            + type
            + ", and the column names' prefix with @Embedded(prefix = \"...\"); remove @"
            + annotation
            + " here.");
  }

  /** A relationship field in an embeddable class. */
  public static Message relationship(String where, String type) {
    return new Message(
        "embeddable-relationship",
        where
            + " is a relationship, but "
            + type
            + " is @Embeddable: an embedded value is a part of its owner's row and has no"
            + " relationships. Declare the relationship on the model that embeds "
            + type
            + ".");
  }

  /** {@code @Id}, {@code @Version}, {@code @ForeignKey} or {@code @Sequence} in an embeddable. */
  public static Message keyAnnotation(String where, String annotation, String type) {
    String why =
        switch (annotation) {
          case "Id", "Sequence" ->
              "an embedded value has no key of its own; the @Id of the model that embeds it"
                  + " identifies the row";
          case "Version" -> "the row's version belongs to the model that embeds it";
          default ->
              "a foreign key belongs to the model that embeds it, beside the relationship that"
                  + " follows it";
        };
    return new Message(
        "embeddable-annotation",
        where
            + " has @"
            + annotation
            + ", but "
            + type
            + " is @Embeddable: "
            + why
            + ". Declare that field on the model, and remove it from "
            + type
            + ".");
  }

  /**
   * An embeddable Tether cannot create values of.
   *
   * @param problem what the type is, a phrase: {@code "an interface"}, {@code "abstract"}
   */
  public static Message kind(String type, String problem) {
    return new Message(
        "embeddable-type",
        type
            + " is @Embeddable, but "
            + problem
            + "; Tether creates the values it loads. Make it a record, or a concrete class with a"
            + " no-argument constructor.");
  }

  /**
   * An embeddable class without a no-argument constructor.
   *
   * @param enclosing the enclosing class of an inner (non-static) class, or null
   */
  public static Message constructor(String type, String enclosing) {
    return new Message(
        "embeddable-constructor",
        enclosing != null
            ? type
                + " is @Embeddable, but is an inner class of "
                + enclosing
                + ", so Tether cannot create its values without an instance of "
                + enclosing
                + ". Declare it `static`, or make it a record."
            : type
                + " is @Embeddable, but has no no-argument constructor, which Tether uses to create"
                + " the values it loads before setting their fields. Add `public "
                + type
                + "() {}`, or make it a record (its canonical constructor is used).");
  }

  /** An embeddable with no column. */
  public static Message empty(String type) {
    return new Message(
        "embeddable-empty",
        type
            + " is @Embeddable, but has no fields to store (static and transient fields are not"
            + " stored). Give it at least one component, or remove @Embeddable.");
  }

  /** An embeddable that contains itself, directly or through another. */
  public static Message cycle(String where, String type) {
    return new Message(
        "embeddable-cycle",
        where
            + " embeds "
            + type
            + ", which already encloses it: the columns would never end. Store that field with"
            + " @Json, or break the cycle.");
  }

  /** A class both {@code @Embeddable} and {@code @Convert}. */
  public static Message converted(String type) {
    return new Message(
        "embeddable-converted",
        type
            + " has both @Embeddable (a value in several columns) and @Convert (a value in one"
            + " column). Keep the one you mean.");
  }

  /** A model class marked {@code @Embeddable}. */
  public static Message model(String type) {
    return new Message(
        "embeddable-model",
        type
            + " extends Model and is @Embeddable: a model has a table of its own, an embedded value"
            + " lives in its owner's. Remove @Embeddable, or stop extending Model.");
  }

  /**
   * Two fields of a model map one column, and at least one is an embedded value's.
   *
   * @param first the field declared first ({@code Customer.home.city}) and its column
   * @param second the other field and its column (the same, or differing only in case)
   */
  public static Message columnTwice(
      String first, String firstColumn, String second, String secondColumn, String table) {
    return new Message(
        "column-twice",
        first
            + " and "
            + second
            + (firstColumn.equals(secondColumn)
                ? " both map column '" + firstColumn + "' of table '" + table + "'."
                : " map columns '"
                    + firstColumn
                    + "' and '"
                    + secondColumn
                    + "' of table '"
                    + table
                    + "', which differ only in case: one column to the database.")
            + " Give an embedded field another prefix with @Embedded(prefix = \"...\"), or a"
            + " column another name with @Column(name = \"...\").");
  }
}
