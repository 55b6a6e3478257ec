package dev.tether.mapping;

import dev.tether.MappingException;
import dev.tether.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Configuration phase 3, run by {@link Configurator}: for every declared relationship, the target
 * model, the foreign key it follows and the direction that key gives it (SQLAlchemy's join
 * condition). A Many follows a key on the target's table, a One a key on its own table (or, for a
 * one-to-one, on the target's). When several keys link the two tables, {@code foreignKeys} (on the
 * relationship or its backPopulates partner) chooses; without it, the field types choose when they
 * leave one key: a Many, or a One paired with a Many, fixes the direction (SQLAlchemy always asks).
 */
final class Joins {
  private final Map<Class<?>, ModelMapping> models;
  private final Associations associations;

  private Joins(Map<Class<?>, ModelMapping> models) {
    this.models = models;
    this.associations = new Associations(models.values());
  }

  /**
   * Resolves every declared relationship of {@code models}; returns the association tables that
   * many-to-many relationships defined by convention.
   */
  static List<TableMapping> resolve(Map<Class<?>, ModelMapping> models) {
    Joins joins = new Joins(models);
    joins.resolveAll();
    return joins.associations.defined();
  }

  private void resolveAll() {
    for (ModelMapping owner : models.values()) {
      for (RelationshipMapping r : owner.relationships()) {
        resolveJoin(owner, r);
      }
    }
  }

  /** A foreign key that links two tables, and the direction it gives a relationship. */
  private record Path(ColumnMapping key, Direction direction) {}

  private void resolveJoin(ModelMapping owner, RelationshipMapping r) {
    ModelMapping target = targetOf(owner, r);
    if (!r.declared().secondary().isEmpty()) {
      associations.resolve(owner, target, r);
      return;
    }
    List<Path> paths = paths(owner, target, r);
    RelationshipMapping partner = partner(owner, target, r);
    if (!r.declared().foreignKeys().isEmpty()) {
      paths = List.of(chosenPath(r, owner, target, paths));
    } else if (partner != null && !partner.declared().foreignKeys().isEmpty()) {
      paths = List.of(chosenPath(partner, owner, target, paths));
    } else if (paths.size() > 1) {
      paths = allowedByTypes(r, partner, paths);
    }
    if (paths.isEmpty()) {
      throw noForeignKey(owner, target, r);
    }
    if (paths.size() > 1) {
      throw ambiguous(owner, target, r, paths);
    }
    Path path = paths.get(0);
    if (path.direction() == Direction.MANY_TO_ONE && r.isCollection()) {
      throw new MappingException(
          "many-on-foreign-key-side",
          r.qualifiedName()
              + " is a Many, but the foreign key it follows, "
              + path.key().describe()
              + ", is on "
              + owner.name()
              + "'s own table, so each "
              + owner.name()
              + " refers to at most one "
              + target.name()
              + ". Declare it `public final One<"
              + target.name()
              + "> "
              + r.name()
              + " = one();` (the Many<"
              + owner.name()
              + "> side belongs on "
              + target.name()
              + ").");
    }
    r.resolve(target, path.direction(), path.key());
  }

  private ModelMapping targetOf(ModelMapping owner, RelationshipMapping r) {
    Class<?> type = ModelReader.targetOf(owner.type(), ModelReader.field(owner.type(), r.name()));
    ModelMapping target = models.get(type);
    if (target != null) {
      return target;
    }
    MappingMessages.NotModel why =
        !Model.class.isAssignableFrom(type)
            ? MappingMessages.NotModel.NOT_A_MODEL
            : type == Model.class
                ? MappingMessages.NotModel.BASE_CLASS
                : MappingMessages.NotModel.ABSTRACT;
    throw MappingMessages.targetNotModel(r.qualifiedName(), type.getSimpleName(), why).exception();
  }

  /** Every foreign key between the two tables, with the direction it would give {@code r}. */
  private static List<Path> paths(ModelMapping owner, ModelMapping target, RelationshipMapping r) {
    List<Path> paths = new ArrayList<>();
    boolean self = owner == target;
    for (ColumnMapping c : owner.columns()) {
      if (c.references() != null && c.references().table() == target.table()) {
        // a table that references itself: the field type says which side this is
        paths.add(
            new Path(c, self && r.isCollection() ? Direction.ONE_TO_MANY : Direction.MANY_TO_ONE));
      }
    }
    if (!self) {
      for (ColumnMapping c : target.columns()) {
        if (c.references() != null && c.references().table() == owner.table()) {
          paths.add(new Path(c, Direction.ONE_TO_MANY));
        }
      }
    }
    return paths;
  }

  /**
   * The partner {@code r}'s {@code backPopulates} names, when it points back at {@code r}'s owner
   * (a partner that points elsewhere is no partner: linking reports it); otherwise null. Its {@code
   * foreignKeys} and its field type count for {@code r} too.
   */
  private static RelationshipMapping partner(
      ModelMapping owner, ModelMapping target, RelationshipMapping r) {
    String partnerName = r.declared().backPopulates();
    RelationshipMapping partner = partnerName.isEmpty() ? null : target.relationship(partnerName);
    if (partner == null || !partner.declared().secondary().isEmpty()) {
      return null;
    }
    Class<?> back =
        ModelReader.targetOf(target.type(), ModelReader.field(target.type(), partner.name()));
    return back == owner.type() ? partner : null;
  }

  /**
   * The paths the field types allow, if that leaves any (otherwise all, for the error to explain).
   * A Many is the one-to-many side: it follows a key on the target's table. A One paired with a
   * Many is then the many-to-one side: it follows a key on its own table. A One alone, or paired
   * with a One, may be either side, so its type removes nothing. Between rows of one table every
   * path already has the direction the field type gives, so nothing is removed there either.
   */
  private static List<Path> allowedByTypes(
      RelationshipMapping r, RelationshipMapping partner, List<Path> paths) {
    Direction required =
        r.isCollection()
            ? Direction.ONE_TO_MANY
            : partner != null && partner.isCollection() ? Direction.MANY_TO_ONE : null;
    if (required == null) {
      return paths;
    }
    List<Path> allowed = new ArrayList<>();
    paths.stream().filter(p -> p.direction() == required).forEach(allowed::add);
    return allowed.isEmpty() ? paths : allowed;
  }

  private static Path chosenPath(
      RelationshipMapping chooser, ModelMapping owner, ModelMapping target, List<Path> paths) {
    String chosen = chooser.declared().foreignKeys();
    ColumnMapping onOwner = owner.columnByField(chosen);
    ColumnMapping onTarget = target.columnByField(chosen);
    for (Path p : paths) {
      if (p.key() == onOwner || p.key() == onTarget) {
        return p;
      }
    }
    String where = chooser.qualifiedName() + ": foreignKeys = \"" + chosen + "\"";
    String linking =
        paths.isEmpty()
            ? " No foreign key links "
                + owner.name()
                + " and "
                + target.name()
                + " yet: add @ForeignKey(\"...\") to the field that holds the key."
            : " The foreign keys linking "
                + owner.name()
                + " and "
                + target.name()
                + ": "
                + describe(paths)
                + ".";
    if (onOwner == null && onTarget == null) {
      List<String> fields = new ArrayList<>();
      paths.forEach(p -> fields.add(p.key().fieldName()));
      throw new MappingException(
          "foreign-keys-unknown",
          where
              + " names no field of "
              + owner.name()
              + (owner == target ? "" : " or " + target.name())
              + "."
              + Names.didYouMean(chosen, fields)
              + linking
              + " foreignKeys takes the Java field name of the foreign-key column.");
    }
    ColumnMapping named = onOwner != null ? onOwner : onTarget;
    ModelMapping holder = onOwner != null ? owner : target;
    String what =
        named.references() == null
            ? " names "
                + holder.name()
                + "."
                + chosen
                + ", which has no @ForeignKey, so it links nothing."
            : " names "
                + named.describe()
                + ", a foreign key to "
                + named.references().table()
                + ", which does not link "
                + owner.table()
                + " and "
                + target.table()
                + ".";
    throw new MappingException(
        "foreign-keys-not-fk",
        where
            + what
            + linking
            + (paths.isEmpty()
                ? ""
                : named.references() == null
                    ? " Name one of them, or give "
                        + holder.name()
                        + "."
                        + chosen
                        + " a @ForeignKey."
                    : " Name one of them."));
  }

  private static ColumnMapping keyOf(ModelMapping m) {
    return m.id() != null ? m.id() : m.keyColumns().get(0);
  }

  private static MappingException noForeignKey(
      ModelMapping owner, ModelMapping target, RelationshipMapping r) {
    // the key belongs on the "many" side: the target for a Many, the owner for a One
    ModelMapping holder = r.isCollection() ? target : owner;
    ModelMapping referenced = r.isCollection() ? owner : target;
    String field = r.isCollection() ? Names.lowerFirst(owner.name()) + "Id" : r.name() + "Id";
    return new MappingException(
        "no-foreign-key",
        r.qualifiedName()
            + ": no foreign key links "
            + owner.name()
            + " (table "
            + owner.table()
            + ") and "
            + target.name()
            + " (table "
            + target.table()
            + "), so there is no join condition to follow. Add a foreign-key field to "
            + holder.name()
            + ": `@ForeignKey(\""
            + keyOf(referenced)
            + "\") public "
            + ColumnType.boxed(keyOf(referenced).javaType()).getSimpleName()
            + " "
            + field
            + ";`.");
  }

  private static MappingException ambiguous(
      ModelMapping owner, ModelMapping target, RelationshipMapping r, List<Path> paths) {
    List<String> keys = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    paths.forEach(
        p -> {
          keys.add(p.key().describe());
          fields.add(p.key().fieldName());
        });
    boolean bothWays = paths.stream().map(Path::direction).distinct().count() > 1;
    return MappingMessages.ambiguousForeignKeys(
            r.qualifiedName(), owner.name(), target.name(), keys, fields, bothWays)
        .exception();
  }

  private static String describe(List<Path> paths) {
    List<String> parts = new ArrayList<>();
    paths.forEach(p -> parts.add(p.key().describe()));
    return String.join(", ", parts);
  }
}
