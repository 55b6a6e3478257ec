package dev.tether.mapping;

import dev.tether.MappingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Configuration phases 4 and 5, run by {@link Configurator} once joins are resolved: every {@code
 * backref} creates its reverse relationship on the target class, then every {@code backPopulates}
 * pair is checked (each side names the other, same key, opposite directions) and linked. After
 * this, {@link RelationshipMapping#reverse()} is the side that sync keeps in step.
 */
final class BackPopulation {
  private final Map<Class<?>, ModelMapping> models;

  private BackPopulation(Map<Class<?>, ModelMapping> models) {
    this.models = models;
  }

  /** Creates the backrefs, then links the backPopulates pairs, of {@code models}. */
  static void link(Map<Class<?>, ModelMapping> models) {
    BackPopulation b = new BackPopulation(models);
    b.createBackrefs();
    b.linkBackPopulates();
  }

  /** Phase 4: every {@code backref} creates its reverse relationship on the target class. */
  private void createBackrefs() {
    for (ModelMapping owner : models.values()) {
      for (RelationshipMapping r : List.copyOf(owner.relationships())) {
        if (r.isGenerated() || r.declared().backref().isEmpty()) {
          continue;
        }
        String name = r.declared().backref();
        ModelMapping target = r.target();
        String where = r.qualifiedName() + ": backref = \"" + name + "\"";
        RelationshipMapping existing = target.relationship(name);
        if (existing != null && existing.isGenerated()) {
          throw new MappingException(
              "backref-taken-by-backref",
              where
                  + " cannot create "
                  + target.name()
                  + "."
                  + name
                  + ": the backref of "
                  + existing.declared().generatedFrom().qualifiedName()
                  + " already created it. Choose another backref name for one of them.");
        }
        if (existing != null) {
          throw new MappingException(
              "backref-collides",
              where
                  + " cannot create "
                  + target.name()
                  + "."
                  + name
                  + ": "
                  + target.name()
                  + " already has a relationship field '"
                  + name
                  + "'. To link the two declared fields, replace backref = \""
                  + name
                  + "\" with backPopulates = \""
                  + name
                  + "\" and add backPopulates = \""
                  + r.name()
                  + "\" to "
                  + target.name()
                  + "."
                  + name
                  + "; otherwise choose another backref name.");
        }
        if (target.columnByField(name) != null) {
          throw new MappingException(
              "backref-collides",
              where
                  + " cannot create "
                  + target.name()
                  + "."
                  + name
                  + ": "
                  + target.name()
                  + " already has a column field '"
                  + name
                  + "'. Choose another backref name"
                  + (name.length() > 2
                          && name.endsWith("Id")
                          && target.relationship(name.substring(0, name.length() - 2)) == null
                      ? ", e.g. backref = \"" + name.substring(0, name.length() - 2) + "\"."
                      : "."));
        }
        // the reverse of a many-to-one holds many, unless the key is unique (one-to-one)
        boolean collection =
            r.direction() == Direction.MANY_TO_MANY
                || (r.direction() == Direction.MANY_TO_ONE && !r.foreignKey().unique());
        RelationshipMapping.Declared declared =
            new RelationshipMapping.Declared(
                r.name(),
                "",
                r.declared().foreignKeys(),
                r.declared().secondary(),
                "",
                "save-update, merge",
                "select",
                false,
                r.viewOnly(),
                r);
        RelationshipMapping reverse =
            new RelationshipMapping(target, name, collection, null, declared);
        if (r.direction() == Direction.MANY_TO_MANY) {
          reverse.resolve(r.owner(), Direction.MANY_TO_MANY, r.secondaryTargetColumn());
          reverse.secondaryTarget(r.foreignKey());
        } else {
          Direction opposite =
              r.direction() == Direction.MANY_TO_ONE
                  ? Direction.ONE_TO_MANY
                  : Direction.MANY_TO_ONE;
          reverse.resolve(r.owner(), opposite, r.foreignKey());
        }
        target.addRelationship(reverse);
        r.link(reverse);
        reverse.link(r);
      }
    }
  }

  /** Phase 5: {@code backPopulates} pairs name each other and agree on key and direction. */
  private void linkBackPopulates() {
    for (ModelMapping owner : models.values()) {
      for (RelationshipMapping r : owner.relationships()) {
        String name = r.declared().backPopulates();
        if (r.isGenerated() || name.isEmpty()) {
          continue;
        }
        linkPair(r, name);
      }
    }
  }

  private void linkPair(RelationshipMapping r, String name) {
    ModelMapping target = r.target();
    String where = r.qualifiedName() + ": backPopulates = \"" + name + "\"";
    RelationshipMapping other = target.relationship(name);
    if (other == null) {
      throw target.columnByField(name) != null
          ? backPopulatesColumn(r, where, name)
          : backPopulatesMissing(r, where, name);
    }
    if (other.target() != r.owner()) {
      throw new MappingException(
          "backpopulates-wrong-target",
          where
              + " names "
              + other.qualifiedName()
              + ", which relates to "
              + other.target().name()
              + ", not to "
              + r.owner().name()
              + "; the two sides of a pair point at each other's class. "
              + pointingBack(r, suggestedName(r, name)));
    }
    RelationshipMapping claimed = claimedPartner(other);
    if (claimed != r) {
      throw claimed != null && claimedPartner(claimed) == other
          ? backPopulatesTaken(r, where, other, claimed)
          : backPopulatesOneSided(r, where, other);
    }
    boolean manyToMany =
        r.direction() == Direction.MANY_TO_MANY || other.direction() == Direction.MANY_TO_MANY;
    if (manyToMany
        && (r.direction() != other.direction()
            || other.foreignKey() != r.secondaryTargetColumn()
            || other.secondaryTargetColumn() != r.foreignKey())) {
      throw new MappingException(
          "backpopulates-different-keys",
          r.qualifiedName()
              + " and "
              + other.qualifiedName()
              + " name each other but do not go through the same association table: "
              + r.qualifiedName()
              + " uses "
              + describeJoin(r)
              + ", "
              + other.qualifiedName()
              + " uses "
              + describeJoin(other)
              + ". Give both the same secondary = \"...\".");
    }
    if (!manyToMany && other.foreignKey() != r.foreignKey()) {
      throw new MappingException(
          "backpopulates-different-keys",
          r.qualifiedName()
              + " and "
              + other.qualifiedName()
              + " name each other but follow different foreign keys: "
              + r.qualifiedName()
              + " follows "
              + r.foreignKey().describe()
              + ", "
              + other.qualifiedName()
              + " follows "
              + other.foreignKey().describe()
              + ". The two sides of a pair follow one key: declare foreignKeys on one side only"
              + " (the other follows it), or the same field on both.");
    }
    if (!manyToMany && other.direction() == r.direction()) {
      String kind = r.isCollection() ? "Many" : "One";
      String fix = r.isCollection() ? "One" : "Many";
      throw new MappingException(
          "same-direction",
          r.qualifiedName()
              + " and "
              + other.qualifiedName()
              + " name each other but are both "
              + kind
              + " sides of "
              + r.foreignKey().describe()
              + ". A pair has one One side (many-to-one, on the objects that hold the key) and one"
              + " Many side (one-to-many). Declare "
              + other.qualifiedName()
              + " as `public final "
              + fix
              + "<"
              + r.owner().name()
              + "> "
              + other.name()
              + " = "
              + fix.toLowerCase(Locale.ROOT)
              + "();`."
              + (r.owner() == r.target() && !r.isCollection() && !other.isCollection()
                  ? selfOneToOneHint(r, other)
                  : ""));
    }
    if (r.viewOnly() != other.viewOnly()) {
      RelationshipMapping readOnly = r.viewOnly() ? r : other;
      RelationshipMapping writable = r.viewOnly() ? other : r;
      throw new MappingException(
          "backpopulates-viewonly",
          readOnly.qualifiedName()
              + " is viewOnly (read-only, never synced) but its backPopulates partner "
              + writable.qualifiedName()
              + " is writable; a pair is kept in sync both ways, which a viewOnly side cannot"
              + " be (SQLAlchemy silently syncs one way only). Mark both viewOnly = true, remove"
              + " viewOnly = true, or"
              + " remove backPopulates from both to keep them independent.");
    }
    r.link(other);
    other.link(r);
  }

  /**
   * A one-to-one between rows of one table (a linked list's next/previous): both fields are One, so
   * the field types cannot say which holds the key. Declare the key side only and let a backref
   * over a unique key create the other.
   */
  private static String selfOneToOneHint(RelationshipMapping r, RelationshipMapping other) {
    ColumnMapping fk = r.foreignKey();
    return " For a one-to-one between "
        + r.owner().name()
        + " rows, declare only the side that holds the key, make the key unique and let a"
        + " backref create the other side: `@ForeignKey(\""
        + fk.references()
        + "\") @Column(unique = true) public "
        + ColumnType.boxed(fk.javaType()).getSimpleName()
        + " "
        + fk.fieldName()
        + ";` and `@Relationship(backref = \""
        + other.name()
        + "\") public final One<"
        + r.owner().name()
        + "> "
        + r.name()
        + " = one();` (remove the field "
        + other.qualifiedName()
        + ").";
  }

  /**
   * The relationship {@code r} declares as its partner: the creator of a generated backref, the
   * reverse its own backref creates, or what its {@code backPopulates} names (null if nothing).
   */
  private static String describeJoin(RelationshipMapping r) {
    return r.direction() == Direction.MANY_TO_MANY
        ? "secondary " + r.secondary().name()
        : "the foreign key " + r.foreignKey().describe() + " (no secondary)";
  }

  private static RelationshipMapping claimedPartner(RelationshipMapping r) {
    if (r.isGenerated()) {
      return r.declared().generatedFrom();
    }
    if (!r.declared().backref().isEmpty()) {
      return r.reverse();
    }
    String name = r.declared().backPopulates();
    return name.isEmpty() ? null : r.target().relationship(name);
  }

  private static MappingException backPopulatesMissing(
      RelationshipMapping r, String where, String name) {
    ModelMapping target = r.target();
    List<String> names = target.relationshipNames();
    String close = Names.closest(name, names);
    String detail;
    if (close != null) {
      detail =
          " Did you mean '"
              + close
              + "'? "
              + target.name()
              + "'s relationships: "
              + String.join(", ", names)
              + ".";
    } else if (r.owner() != target && r.owner().relationship(name) != null) {
      detail =
          " backPopulates names the attribute on the other side ("
              + target.name()
              + "), not on "
              + r.owner().name()
              + ". "
              + pointingBack(r, suggestedName(r, name));
    } else {
      List<String> back = relationshipsBack(r);
      detail =
          (back.isEmpty() ? "" : " " + pointingBack(r, name).replaceFirst("\\.$", ", or"))
              + (back.isEmpty() ? " Add" : " add")
              + " the reverse side to "
              + target.name()
              + ": "
              + reverseField(r, name)
              + ".";
    }
    return new MappingException(
        "backpopulates-missing",
        where + " names no relationship of " + target.name() + "." + detail);
  }

  private static MappingException backPopulatesColumn(
      RelationshipMapping r, String where, String name) {
    return new MappingException(
        "backpopulates-column",
        where
            + " names "
            + r.target().name()
            + "."
            + name
            + ", a column field, not a relationship; backPopulates names the relationship on "
            + r.target().name()
            + " that points back to "
            + r.owner().name()
            + ". "
            + pointingBack(r, suggestedName(r, name)));
  }

  /** The relationships of r's target that point back to r's owner. */
  private static List<String> relationshipsBack(RelationshipMapping r) {
    List<String> back = new ArrayList<>();
    for (RelationshipMapping x : r.target().relationships()) {
      if (x.target() == r.owner() && x != r) {
        back.add(x.name());
      }
    }
    return back;
  }

  /** Names the target's relationships to the owner, or shows the field to add. */
  private static String pointingBack(RelationshipMapping r, String name) {
    List<String> back = relationshipsBack(r);
    String target = r.target().name();
    if (back.isEmpty()) {
      return target
          + " has no relationship to "
          + r.owner().name()
          + "; add one: "
          + reverseField(r, name)
          + ".";
    }
    if (back.size() == 1) {
      return target
          + "'s relationship to "
          + r.owner().name()
          + " is '"
          + back.get(0)
          + "': write backPopulates = \""
          + back.get(0)
          + "\".";
    }
    return target
        + "'s relationships to "
        + r.owner().name()
        + ": "
        + String.join(", ", back)
        + ". Write backPopulates = \""
        + String.join("\" or backPopulates = \"", back)
        + "\".";
  }

  private static MappingException backPopulatesTaken(
      RelationshipMapping r, String where, RelationshipMapping other, RelationshipMapping claimed) {
    String how =
        other.isGenerated()
            ? other.qualifiedName() + " is the backref that " + claimed.qualifiedName() + " creates"
            : claimed.isGenerated()
                ? other.qualifiedName()
                    + " creates "
                    + claimed.qualifiedName()
                    + " with backref = \""
                    + claimed.name()
                    + "\""
                : other.qualifiedName() + " and " + claimed.qualifiedName() + " name each other";
    return new MappingException(
        "backpopulates-taken",
        where
            + " names "
            + other.qualifiedName()
            + ", but "
            + how
            + ", and a relationship has one reverse side. Remove backPopulates from "
            + r.qualifiedName()
            + " (or mark it viewOnly = true if it is only read), or give "
            + other.owner().name()
            + " a separate relationship to pair with it: "
            + reverseField(r, "<name>")
            + ".");
  }

  private static MappingException backPopulatesOneSided(
      RelationshipMapping r, String where, RelationshipMapping other) {
    String back = other.declared().backPopulates();
    String problem =
        back.isEmpty()
            ? other.qualifiedName() + " has no backPopulates"
            : other.qualifiedName() + " names \"" + back + "\" instead";
    return new MappingException(
        "backpopulates-one-sided",
        where
            + " names "
            + other.qualifiedName()
            + ", but "
            + problem
            + ", so changes made through "
            + other.qualifiedName()
            + " would not reach "
            + r.qualifiedName()
            + ". The two sides must name each other: "
            + (back.isEmpty() ? "add @Relationship(backPopulates = \"" : "write backPopulates = \"")
            + r.name()
            + (back.isEmpty() ? "\") to " : "\" on ")
            + other.qualifiedName()
            + ".");
  }

  /**
   * A name for a new reverse field when {@code name} is taken: {@code parentId → parent}, else the
   * owner's name for a One; a placeholder when that is taken too, or for a Many.
   */
  private static String suggestedName(RelationshipMapping r, String name) {
    String candidate;
    if (name.length() > 2 && name.endsWith("Id")) {
      candidate = name.substring(0, name.length() - 2);
    } else if (r.direction() == Direction.MANY_TO_ONE) {
      return "<name>";
    } else {
      candidate = Names.lowerFirst(r.owner().name());
    }
    ModelMapping target = r.target();
    boolean taken =
        target.relationship(candidate) != null || target.columnByField(candidate) != null;
    return taken ? "<name>" : candidate;
  }

  /** The declaration of the reverse of {@code r}, named {@code name}, on r's target. */
  private static String reverseField(RelationshipMapping r, String name) {
    String kind = r.direction() == Direction.MANY_TO_ONE ? "Many" : "One";
    return "`@Relationship(backPopulates = \""
        + r.name()
        + "\") public final "
        + kind
        + "<"
        + r.owner().name()
        + "> "
        + name
        + " = "
        + kind.toLowerCase(Locale.ROOT)
        + "();`";
  }
}
