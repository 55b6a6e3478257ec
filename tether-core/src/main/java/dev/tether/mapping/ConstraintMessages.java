package dev.tether.mapping;

import dev.tether.mapping.MappingMessages.Message;
import java.util.List;

/**
 * The {@link MappingMessages} of indexes, table constraints ({@code @Index},
 * {@code @UniqueConstraint}, {@code @Check}), referential actions and {@code passiveDeletes}: one
 * method per mistake, plain names in, the same text at run time ({@link TableConstraints}, {@link
 * ModelReader}, {@link Configurator}) and at compile time (the processor, through {@link
 * TableConstraints}).
 */
final class ConstraintMessages {
  private ConstraintMessages() {}

  /** An index or UNIQUE constraint naming no column. */
  static Message constraintNoColumns(String model, TableConstraints.Declared d, String example) {
    return new Message(
        "constraint-no-columns",
        model
            + ": "
            + d.written()
            + " names no column. List the fields it covers, in order: columns = {"
            + example
            + "}.");
  }

  /** An index or UNIQUE constraint naming something that is not a column field. */
  static Message constraintColumnUnknown(
      String model, TableConstraints.Declared d, String name, List<String> fields) {
    return new Message(
        "constraint-column",
        model
            + ": "
            + d.written()
            + " names '"
            + name
            + "', which is neither a column field nor a column of "
            + model
            + "."
            + Names.didYouMean(name, fields)
            + " Column fields: "
            + String.join(", ", fields)
            + ".");
  }

  /** One column listed twice in an index or UNIQUE constraint. */
  static Message constraintColumnTwice(String model, TableConstraints.Declared d, String name) {
    return new Message(
        "constraint-column-twice",
        model
            + ": "
            + d.written()
            + " lists '"
            + name
            + "' twice (a field and its column name count as one). Name each column once.");
  }

  /** Two indexes or constraints over the same columns in the same order, or two equal checks. */
  static Message constraintDuplicate(String model, String first, TableConstraints.Declared second) {
    return new Message(
        "constraint-duplicate",
        model
            + ": "
            + second.written()
            + " repeats "
            + first
            + (second.kind() == TableConstraints.Kind.CHECK
                ? ", the same condition"
                : ", over the same columns in the same order; a UNIQUE constraint is an index"
                    + " too, so the database would keep two identical indexes")
            + ". Remove one of them.");
  }

  /** Two indexes or constraints of one table with the same name. */
  static Message constraintNameTwice(
      String model, String name, TableConstraints.Declared first, TableConstraints.Declared d) {
    return new Message(
        "constraint-name-twice",
        model
            + ": "
            + d.written()
            + " and "
            + first.written()
            + " are both named '"
            + name
            + "'; index and constraint names must differ. Give one of them another name ="
            + " \"...\".");
  }

  /** A CHECK without a condition. */
  static Message checkBlank(String model, TableConstraints.Declared d) {
    return new Message(
        "check-blank",
        model
            + ": "
            + d.written()
            + " has no condition. Write the SQL every row must satisfy, over column names:"
            + " @Check(\"price > 0\").");
  }

  /** A CHECK condition naming a Java field whose column has another name. */
  static Message checkNamesField(
      String model, TableConstraints.Declared d, String field, String column) {
    return new Message(
        "check-field-name",
        model
            + ": "
            + d.written()
            + " names '"
            + field
            + "', the Java field; the condition is SQL and names columns, and "
            + model
            + "."
            + field
            + " is column '"
            + column
            + "'. Write "
            + d.written().replaceAll("\\b" + java.util.regex.Pattern.quote(field) + "\\b", column)
            + ".");
  }

  /** Two tables with an index or constraint of the same name. */
  static Message constraintNameTaken(String model, String name, String otherModel) {
    return new Message(
        "constraint-name-taken",
        model
            + " and "
            + otherModel
            + " both declare an index or constraint named '"
            + name
            + "'; names are unique in a schema (PostgreSQL keeps index names per schema). Rename"
            + " one of them with name = \"...\", or leave name empty to derive one from the table.");
  }

  /**
   * A {@code passiveDeletes} relationship whose foreign key has no ON DELETE rule it can rely on.
   *
   * @param key how the foreign key is described ({@code Child.parentId (child.parent_id →
   *     parent.id)})
   * @param holder the model that holds the key, or {@code null} for a table no model maps
   * @param action the key's ON DELETE action, or {@code ""}
   * @param deletes whether the relationship cascades delete
   */
  static Message passiveDeletesAction(
      String relationship,
      String key,
      String field,
      String holder,
      String references,
      String action,
      boolean deletes) {
    String wanted = deletes ? "\"CASCADE\"" : "\"CASCADE\" or \"SET NULL\"";
    String fix =
        holder == null
            ? "map the association table as a model whose @ForeignKey(\""
                + references
                + "\") has onDelete = \"CASCADE\""
            : "declare @ForeignKey(value = \""
                + references
                + "\", onDelete = "
                + wanted
                + ") on "
                + holder
                + "."
                + field;
    return new Message(
        "passive-deletes-on-delete",
        relationship
            + ": passiveDeletes = true leaves the rows that refer to a deleted object to the"
            + " database, but the foreign key "
            + key
            + (action.isEmpty()
                ? " has no ON DELETE rule, so deleting an object that still has them would fail"
                    + " with a foreign-key violation"
                : " is ON DELETE "
                    + action
                    + (deletes
                        ? ", while the relationship cascades delete: the database would keep rows"
                            + " that Tether treats as deleted"
                        : ", which does not remove the reference"))
            + ". To rely on the database, "
            + fix
            + "; otherwise remove passiveDeletes.");
  }

  /** {@code passiveDeletes} on a many-to-one side, where nothing is deleted through it. */
  static String passiveDeletesManyToOne(String relationship, String target) {
    return relationship
        + ": passiveDeletes = true has no effect on a many-to-one relationship (deleting this"
        + " object never deletes its "
        + target
        + "). Put it on the one-to-many side, or remove it.";
  }

  /**
   * An {@code onDelete} or {@code onUpdate} that is not a referential action.
   *
   * @param attribute {@code onDelete} or {@code onUpdate}
   * @param actions the referential actions
   */
  static Message referentialAction(
      String where, String attribute, String value, String normalised, List<String> actions) {
    return new Message(
        attribute.equals("onDelete") ? "fk-on-delete" : "fk-on-update",
        where
            + ": @ForeignKey("
            + attribute
            + " = \""
            + value
            + "\") is not a referential action."
            + Names.didYouMean(normalised, actions)
            + " Write one of: "
            + String.join(", ", actions)
            + ".");
  }

  /** {@code SET NULL} on a NOT NULL foreign key. */
  static Message referentialSetNullNotNull(String where, String attribute) {
    return new Message(
        attribute.equals("onDelete") ? "fk-on-delete" : "fk-on-update",
        where
            + ": @ForeignKey("
            + attribute
            + " = \"SET NULL\") on a NOT NULL column; the database could not set it to NULL."
            + " Make the field nullable (a boxed type, without @Column(nullable = false)), or use "
            + attribute
            + " = \"CASCADE\".");
  }
}
