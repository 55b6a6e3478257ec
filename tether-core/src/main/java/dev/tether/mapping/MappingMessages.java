package dev.tether.mapping;

import dev.tether.MappingException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The texts of the mapping mistakes that can be found both when {@code Registry.of} configures
 * models and when {@code javac} compiles them with the Tether annotation processor. One method per
 * mistake, each taking plain names (never reflection or compiler types), so that the runtime and
 * the processor say exactly the same thing with the same stable {@link Message#code() code}.
 *
 * <p>The mistakes in indexes, table constraints and referential actions are worded by {@link
 * ConstraintMessages} on the same terms. Used by {@link ModelReader}, {@link Joins}, {@link
 * BackPopulation} and {@link Configurator} at run time, and by {@code
 * dev.tether.processor.TetherProcessor} at compile time. Model names are simple class names ({@code
 * Parent}), relationships are written {@code Owner.field}.
 */
public final class MappingMessages {
  private MappingMessages() {}

  /** A mapping mistake: its stable code and the text that says what is wrong and what to write. */
  public record Message(String code, String text) {
    /** The exception {@code Registry.of} throws for this mistake. */
    MappingException exception() {
      return new MappingException(code, text);
    }
  }

  /**
   * One side of a relationship, as messages describe it.
   *
   * @param owner the simple name of the class that has the relationship
   * @param name the relationship's name (field or backref)
   * @param target the simple name of the class it leads to
   * @param manyToOne whether it is the many-to-one side (a {@code One} on the key's table)
   * @param secondary its association table, or {@code ""}
   */
  public record Side(
      String owner, String name, String target, boolean manyToOne, String secondary) {
    /** {@code Owner.name}. */
    public String qualifiedName() {
      return owner + "." + name;
    }
  }

  // ---- backPopulates ---------------------------------------------------------------------------

  /**
   * {@code backPopulates} names nothing on the target.
   *
   * @param targetRelationships every relationship of the target (declared and backrefs)
   * @param ownerHasName whether the owner (a different class) has a relationship of that name
   * @param back the target's relationships that lead back to the owner
   * @param targetFields the target's relationship and column field names, to avoid suggesting them
   */
  public static Message backPopulatesMissing(
      Side r,
      String name,
      List<String> targetRelationships,
      boolean ownerHasName,
      List<String> back,
      Set<String> targetFields) {
    String close = Names.closest(name, targetRelationships);
    String detail;
    if (close != null) {
      detail =
          " Did you mean '"
              + close
              + "'? "
              + r.target()
              + "'s relationships: "
              + String.join(", ", targetRelationships)
              + ".";
    } else if (!r.owner().equals(r.target()) && ownerHasName) {
      detail =
          " backPopulates names the attribute on the other side ("
              + r.target()
              + "), not on "
              + r.owner()
              + ". "
              + pointingBack(r, suggestedName(r, name, targetFields), back);
    } else {
      detail =
          (back.isEmpty() ? "" : " " + pointingBack(r, name, back).replaceFirst("\\.$", ", or"))
              + (back.isEmpty() ? " Add" : " add")
              + " the reverse side to "
              + r.target()
              + ": "
              + reverseField(r, name)
              + ".";
    }
    return new Message(
        "backpopulates-missing",
        where(r, "backPopulates", name) + " names no relationship of " + r.target() + "." + detail);
  }

  /** {@code backPopulates} names a column field of the target. */
  public static Message backPopulatesColumn(
      Side r, String name, List<String> back, Set<String> targetFields) {
    return new Message(
        "backpopulates-column",
        where(r, "backPopulates", name)
            + " names "
            + r.target()
            + "."
            + name
            + ", a column field, not a relationship; backPopulates names the relationship on "
            + r.target()
            + " that points back to "
            + r.owner()
            + ". "
            + pointingBack(r, suggestedName(r, name, targetFields), back));
  }

  /** {@code backPopulates} names a relationship of the target that leads to another class. */
  public static Message backPopulatesWrongTarget(
      Side r, String name, String otherTarget, List<String> back, Set<String> targetFields) {
    return new Message(
        "backpopulates-wrong-target",
        where(r, "backPopulates", name)
            + " names "
            + r.target()
            + "."
            + name
            + ", which relates to "
            + otherTarget
            + ", not to "
            + r.owner()
            + "; the two sides of a pair point at each other's class. "
            + pointingBack(r, suggestedName(r, name, targetFields), back));
  }

  /**
   * {@code backPopulates} names a relationship that does not name it back.
   *
   * @param otherBackPopulates what the named relationship's backPopulates says ({@code ""}: none)
   */
  public static Message backPopulatesOneSided(Side r, String name, String otherBackPopulates) {
    String other = r.target() + "." + name;
    String problem =
        otherBackPopulates.isEmpty()
            ? other + " has no backPopulates"
            : other + " names \"" + otherBackPopulates + "\" instead";
    boolean none = otherBackPopulates.isEmpty();
    return new Message(
        "backpopulates-one-sided",
        where(r, "backPopulates", name)
            + " names "
            + other
            + ", but "
            + problem
            + ", so changes made through "
            + other
            + " would not reach "
            + r.qualifiedName()
            + ". The two sides must name each other: "
            + (none ? "add @Relationship(backPopulates = \"" : "write backPopulates = \"")
            + r.name()
            + (none ? "\") to " : "\" on ")
            + other
            + ".");
  }

  /**
   * {@code backPopulates} names a relationship that already has its reverse side.
   *
   * @param how why the named relationship is taken, from {@link #takenAsBackref}, {@link
   *     #takenByBackref} or {@link #takenByPair}
   */
  public static Message backPopulatesTaken(Side r, String name, String how) {
    return new Message(
        "backpopulates-taken",
        where(r, "backPopulates", name)
            + " names "
            + r.target()
            + "."
            + name
            + ", but "
            + how
            + ", and a relationship has one reverse side. Remove backPopulates from "
            + r.qualifiedName()
            + " (or mark it viewOnly = true if it is only read), or give "
            + r.target()
            + " a separate relationship to pair with it: "
            + reverseField(r, "<name>")
            + ".");
  }

  /** For {@link #backPopulatesTaken}: {@code other} is the backref that {@code creator} creates. */
  public static String takenAsBackref(String other, String creator) {
    return other + " is the backref that " + creator + " creates";
  }

  /** For {@link #backPopulatesTaken}: {@code other} creates {@code backref} with its backref. */
  public static String takenByBackref(String other, String backref, String backrefName) {
    return other + " creates " + backref + " with backref = \"" + backrefName + "\"";
  }

  /** For {@link #backPopulatesTaken}: {@code other} and {@code partner} name each other. */
  public static String takenByPair(String other, String partner) {
    return other + " and " + partner + " name each other";
  }

  /**
   * Both sides of a pair are {@code One}, or both {@code Many}, over one key.
   *
   * @param key the key they share, described ({@code Child.parentId (child.parent_id → parent.id)})
   * @param hint {@link #selfOneToOneHint}, or {@code ""}
   */
  public static Message sameDirection(
      String r,
      String other,
      String otherName,
      String owner,
      boolean many,
      String key,
      String hint) {
    String kind = many ? "Many" : "One";
    String fix = many ? "One" : "Many";
    return new Message(
        "same-direction",
        r
            + " and "
            + other
            + " name each other but are both "
            + kind
            + " sides of "
            + key
            + ". A pair has one One side (many-to-one, on the objects that hold the key) and one"
            + " Many side (one-to-many). Declare "
            + other
            + " as `public final "
            + fix
            + "<"
            + owner
            + "> "
            + otherName
            + " = "
            + fix.toLowerCase(Locale.ROOT)
            + "();`."
            + hint);
  }

  /**
   * For {@link #sameDirection}: a one-to-one between rows of one table (a linked list's
   * next/previous), where the field types cannot say which side holds the key.
   */
  public static String selfOneToOneHint(
      String model,
      String references,
      String keyType,
      String keyField,
      String relationship,
      String otherName) {
    return " For a one-to-one between "
        + model
        + " rows, declare only the side that holds the key, make the key unique and let a"
        + " backref create the other side: `@ForeignKey(\""
        + references
        + "\") @Column(unique = true) public "
        + keyType
        + " "
        + keyField
        + ";` and `@Relationship(backref = \""
        + otherName
        + "\") public final One<"
        + model
        + "> "
        + relationship
        + " = one();` (remove the field "
        + model
        + "."
        + otherName
        + ").";
  }

  // ---- backref ---------------------------------------------------------------------------------

  /** Two backrefs create the same relationship on one class. */
  public static Message backrefTakenByBackref(Side r, String backref, String firstCreator) {
    return new Message(
        "backref-taken-by-backref",
        where(r, "backref", backref)
            + " cannot create "
            + r.target()
            + "."
            + backref
            + ": the backref of "
            + firstCreator
            + " already created it. Choose another backref name for one of them.");
  }

  /** A backref has the name of a relationship field the target declares. */
  public static Message backrefCollidesWithRelationship(Side r, String backref) {
    String created = r.target() + "." + backref;
    return new Message(
        "backref-collides",
        where(r, "backref", backref)
            + " cannot create "
            + created
            + ": "
            + r.target()
            + " already has a relationship field '"
            + backref
            + "'. To link the two declared fields, replace backref = \""
            + backref
            + "\" with backPopulates = \""
            + backref
            + "\" and add backPopulates = \""
            + r.name()
            + "\" to "
            + created
            + "; otherwise choose another backref name.");
  }

  /**
   * A backref has the name of a column field of the target.
   *
   * @param targetRelationships the target's relationships, so that a suggestion is free
   */
  public static Message backrefCollidesWithColumn(
      Side r, String backref, Collection<String> targetRelationships) {
    boolean stripId =
        backref.length() > 2
            && backref.endsWith("Id")
            && !targetRelationships.contains(backref.substring(0, backref.length() - 2));
    return new Message(
        "backref-collides",
        where(r, "backref", backref)
            + " cannot create "
            + r.target()
            + "."
            + backref
            + ": "
            + r.target()
            + " already has a column field '"
            + backref
            + "'. Choose another backref name"
            + (stripId
                ? ", e.g. backref = \"" + backref.substring(0, backref.length() - 2) + "\"."
                : "."));
  }

  /** A relationship declares both {@code backref} and {@code backPopulates}. */
  public static Message backrefAndBackPopulates(
      String where, String field, String target, String backPopulates, String backref) {
    return new Message(
        "backref-and-backpopulates",
        where
            + " declares both backref and backPopulates; they are two ways to the same end, so"
            + " keep one: backPopulates = \""
            + backPopulates
            + "\" when "
            + target
            + " declares the reverse field itself (naming \""
            + field
            + "\" back), or backref = \""
            + backref
            + "\" alone to have Tether create "
            + target
            + "."
            + backref
            + ".");
  }

  // ---- relationship fields ---------------------------------------------------------------------

  /**
   * {@code @Relationship} on a field that is not a {@code One} or {@code Many}.
   *
   * @param type the field's type with simple names ({@code List<Child>})
   * @param element the element class's simple name, or {@code "T"}
   */
  public static Message relationshipFieldType(
      String where, String field, String type, String element) {
    return new Message(
        "relationship-field-type",
        where
            + " has @Relationship but its type is "
            + type
            + "; a relationship field is a One<T> (one related object) or a Many<T> (a"
            + " collection): `public final Many<"
            + element
            + "> "
            + field
            + " = many();` or `public final One<"
            + element
            + "> "
            + field
            + " = one();`.");
  }

  /** A {@code One} or {@code Many} field without a class as its type argument. */
  public static Message relationshipType(String where, boolean many) {
    return new Message(
        "relationship-type",
        where
            + " must name its target class: declare it as "
            + (many ? "Many" : "One")
            + "<Target>, not as a raw or wildcard type.");
  }

  /** A relationship field that is not {@code final}. */
  public static Message relationshipNotFinal(
      String where, String field, boolean many, String element) {
    return new Message(
        "relationship-not-final",
        where
            + " must be final: the relationship container is created once with the object and"
            + " never replaced. Write `public final "
            + (many ? "Many" : "One")
            + "<"
            + element
            + "> "
            + field
            + " = "
            + (many ? "many()" : "one()")
            + ";`.");
  }

  /** Why a relationship's target class cannot be one: see {@link #targetNotModel}. */
  public enum NotModel {
    /** The class does not extend {@code Model}. */
    NOT_A_MODEL,
    /** The class is {@code Model} itself. */
    BASE_CLASS,
    /** The class is abstract. */
    ABSTRACT
  }

  /** A relationship leads to a class that is not a concrete model. */
  public static Message targetNotModel(String relationship, String type, NotModel why) {
    String reason =
        switch (why) {
          case NOT_A_MODEL ->
              ", which is not a model. Relationship targets must be classes that extend Model.";
          case BASE_CLASS ->
              ", the base class itself. Name a concrete model class, e.g. Many<Child>.";
          case ABSTRACT ->
              ", which is abstract and has no table of its own. Name a concrete model class that"
                  + " extends it.";
        };
    return new Message("target-not-model", relationship + " points to " + type + reason);
  }

  /**
   * Several foreign keys link a relationship's two tables, and neither {@code foreignKeys} nor the
   * field types (a Many, or a One paired with a Many) leave only one.
   *
   * @param relationship {@code Owner.name}
   * @param keys each candidate key described, {@code Child.parentId (child.parent_id → parent.id)}
   * @param fields the candidates' Java field names, in the same order
   * @param bothWays whether the candidates lie on both tables (a One that could be either side)
   */
  public static Message ambiguousForeignKeys(
      String relationship,
      String owner,
      String target,
      List<String> keys,
      List<String> fields,
      boolean bothWays) {
    List<String> choices = fields.stream().map(f -> "foreignKeys = \"" + f + "\"").toList();
    return new Message(
        "ambiguous-foreign-keys",
        relationship
            + ": several foreign keys link "
            + owner
            + " and "
            + target
            + ": "
            + String.join(", ", keys)
            + "."
            + (bothWays
                ? " A One may follow a key on its own table (many-to-one) or on "
                    + target
                    + "'s (one-to-one), so the field types do not choose."
                : "")
            + " Name the one this relationship follows in its @Relationship: "
            + String.join(" or ", choices)
            + ". On a backPopulates pair, one side is enough; the other follows the same key.");
  }

  // ---- columns, keys and classes ---------------------------------------------------------------

  /** A {@code @ForeignKey} that is not {@code "table.column"}. */
  public static Message foreignKeySyntax(String where, String value) {
    return new Message(
        "fk-syntax",
        where
            + ": @ForeignKey(\""
            + value
            + "\") must name \"table.column\", the table name and the column name joined by"
            + " a dot, for example @ForeignKey(\"parent.id\").");
  }

  /**
   * A {@code @ForeignKey} naming a table no model maps.
   *
   * @param tables the mapped tables
   */
  public static Message foreignKeyTable(
      String where, String value, String table, List<String> tables) {
    return new Message(
        "fk-table",
        where
            + ": @ForeignKey(\""
            + value
            + "\") names table '"
            + table
            + "', which no registered model maps."
            + Names.didYouMean(table, tables)
            + " Mapped tables: "
            + String.join(", ", tables)
            + ". Fix the table name, or pass the model that maps it to Registry.of(...).");
  }

  /**
   * A {@code @ForeignKey} naming a column its table does not have.
   *
   * @param columns the table's columns
   * @param columnOfField when {@code column} is a Java field name of the table's model, that
   *     field's column name; otherwise {@code null}
   */
  public static Message foreignKeyColumn(
      String where,
      String value,
      String table,
      String column,
      List<String> columns,
      String columnOfField) {
    return new Message(
        "fk-column",
        where
            + ": @ForeignKey(\""
            + value
            + "\") names column '"
            + column
            + "', which table '"
            + table
            + "' does not have."
            + (columnOfField != null
                ? " '"
                    + column
                    + "' is the Java field name; @ForeignKey takes the column name: write"
                    + " @ForeignKey(\""
                    + table
                    + "."
                    + columnOfField
                    + "\")."
                : Names.didYouMean(column, columns))
            + " Columns of "
            + table
            + ": "
            + String.join(", ", columns)
            + ".");
  }

  /** A model without a primary key. */
  public static Message noId(String model) {
    return new Message(
        "no-id",
        model
            + " has no primary key: mark one field with @Id (for example `@Id public Integer"
            + " id;`).");
  }

  /**
   * A model Tether cannot instantiate.
   *
   * @param enclosing for an inner (non-static nested) class, its enclosing class; else {@code null}
   */
  public static Message noConstructor(String model, String enclosing) {
    return new Message(
        "no-constructor",
        enclosing != null
            ? model
                + " is an inner class: its constructors take an instance of "
                + enclosing
                + ", and Tether creates instances without one when it loads rows. Declare it"
                + " `public static class "
                + model
                + " extends Model`."
            : model
                + " has no constructor without parameters, which Tether needs to create"
                + " instances when it loads rows. Add `public "
                + model
                + "() {}`.");
  }

  /**
   * A field whose type is neither a column type nor a relationship.
   *
   * @param type the field's type with simple names ({@code List<Child>})
   * @param element the element class's simple name, or {@code "T"}
   * @param toModel whether the field's type is a model (a JPA-style reference)
   * @param collection whether the field's type is a collection of {@code element}
   */
  public static Message columnType(
      String where,
      String field,
      String type,
      String element,
      boolean toModel,
      boolean collection) {
    String hint =
        toModel || collection
            ? " A relationship is declared `public final "
                + (toModel ? "One<" + element + "> " + field + " = one();`" : "")
                + (collection ? "Many<" + element + "> " + field + " = many();`" : "")
                + "."
            : "";
    return new Message(
        "column-type",
        where
            + " has type "
            + type
            + ", which is not a column type."
            + hint
            + " Column types: "
            + ColumnType.supportedList()
            + ". Any other type is stored with @Json (a JSON document) or @Convert(...) (a"
            + " ColumnConverter of your own). A field that is not stored must be declared"
            + " transient.");
  }

  /** A {@code @Json} field while Jackson is not on the class path. */
  public static Message jsonWithoutJackson(String where) {
    return new Message(
        "json-without-jackson",
        where
            + " is a @Json field, and Jackson 3 is not on the class path. Add the dependency"
            + " tools.jackson.core:jackson-databind (3.x) to your build; Tether's core uses it"
            + " only for JSON columns.");
  }

  /**
   * A converter Tether cannot use.
   *
   * @param converter the converter's simple name
   * @param problem what is wrong, a sentence that ends in a full stop
   */
  public static Message converter(String where, String converter, String problem) {
    return new Message("converter", where + " is stored through " + converter + ", but " + problem);
  }

  /** {@code @Column(precision, scale)} on a field that is not a decimal, or inconsistent. */
  public static Message decimalSize(String where, int precision, int scale, String problem) {
    return new Message(
        "column-precision",
        where + ": @Column(precision = " + precision + ", scale = " + scale + ") " + problem);
  }

  /** {@code @Enumerated} on a field that is not an enum. */
  public static Message enumeratedNotEnum(String where, String type) {
    return new Message(
        "enumerated-type",
        where
            + " has @Enumerated but is a "
            + type
            + "; @Enumerated chooses how an enum is stored. Remove it, or make the field an"
            + " enum.");
  }

  /** A column field declared {@code final}. */
  public static Message columnFinal(String where) {
    return new Message(
        "column-final",
        where
            + " is a final column field; Tether writes column fields when it loads rows and"
            + " after inserts. Remove `final` (or mark the field transient if it is not stored).");
  }

  /** A blank {@code @Table}. */
  public static Message blankTableName(String model, String value, String defaultName) {
    return new Message(
        "table-name",
        model
            + ": @Table(\""
            + value
            + "\") is blank. Write the table name, e.g. @Table(\""
            + defaultName
            + "\"), or remove @Table to get that name by default.");
  }

  /** {@code @Sequence} on a field that is not a generated key. */
  public static Message sequenceNotOnGeneratedKey(String where) {
    return new Message(
        "sequence-placement",
        where
            + " has @Sequence, but only a generated key draws from a sequence: the model's single"
            + " @Id of type Integer or Long (`@Id @Sequence(\"name_seq\") public Long id;`). Move"
            + " @Sequence to that field, or remove it.");
  }

  /** {@code @Sequence("")}. */
  public static Message sequenceBlank(String where) {
    return new Message(
        "sequence-name",
        where
            + ": @Sequence(\"\") is blank. Name the sequence, e.g. @Sequence(\""
            + Names.snake(where.substring(0, where.indexOf('.')))
            + "_id_seq\").");
  }

  // ---- shared phrases --------------------------------------------------------------------------

  /** {@code Owner.field: backPopulates = "name"}. */
  private static String where(Side r, String attribute, String value) {
    return r.qualifiedName() + ": " + attribute + " = \"" + value + "\"";
  }

  /**
   * A name for a new reverse field when {@code name} is taken: {@code parentId → parent}, else the
   * owner's name for a One; a placeholder when that is taken too, or for a Many.
   */
  private static String suggestedName(Side r, String name, Set<String> targetFields) {
    String candidate;
    if (name.length() > 2 && name.endsWith("Id")) {
      candidate = name.substring(0, name.length() - 2);
    } else if (r.manyToOne()) {
      return "<name>";
    } else {
      candidate = Names.lowerFirst(r.owner());
    }
    return targetFields.contains(candidate) ? "<name>" : candidate;
  }

  /** Names the target's relationships to the owner, or shows the field to add. */
  private static String pointingBack(Side r, String name, List<String> back) {
    if (back.isEmpty()) {
      return r.target()
          + " has no relationship to "
          + r.owner()
          + "; add one: "
          + reverseField(r, name)
          + ".";
    }
    if (back.size() == 1) {
      return r.target()
          + "'s relationship to "
          + r.owner()
          + " is '"
          + back.get(0)
          + "': write backPopulates = \""
          + back.get(0)
          + "\".";
    }
    return r.target()
        + "'s relationships to "
        + r.owner()
        + ": "
        + String.join(", ", back)
        + ". Write backPopulates = \""
        + String.join("\" or backPopulates = \"", back)
        + "\".";
  }

  /** The declaration of the reverse of {@code r}, named {@code name}, on r's target. */
  private static String reverseField(Side r, String name) {
    String kind = r.manyToOne() ? "Many" : "One";
    return "`@Relationship(backPopulates = \""
        + r.name()
        + "\") public final "
        + kind
        + "<"
        + r.owner()
        + "> "
        + name
        + " = "
        + kind.toLowerCase(Locale.ROOT)
        + "();`";
  }
}
