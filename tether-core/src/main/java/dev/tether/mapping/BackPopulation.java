package dev.tether.mapping;

import dev.tether.MappingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        RelationshipMapping existing = target.relationship(name);
        if (existing != null && existing.isGenerated()) {
          throw MappingMessages.backrefTakenByBackref(
                  side(r), name, existing.declared().generatedFrom().qualifiedName())
              .exception();
        }
        if (existing != null) {
          throw MappingMessages.backrefCollidesWithRelationship(side(r), name).exception();
        }
        if (target.columnByField(name) != null || target.embedded(name) != null) {
          throw MappingMessages.backrefCollidesWithColumn(side(r), name, target.relationshipNames())
              .exception();
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
    RelationshipMapping other = target.relationship(name);
    if (other == null) {
      throw (target.columnByField(name) != null
              ? MappingMessages.backPopulatesColumn(
                  side(r), name, relationshipsBack(r), fieldNames(target))
              : MappingMessages.backPopulatesMissing(
                  side(r),
                  name,
                  target.relationshipNames(),
                  r.owner().relationship(name) != null,
                  relationshipsBack(r),
                  fieldNames(target)))
          .exception();
    }
    if (other.target() != r.owner()) {
      throw MappingMessages.backPopulatesWrongTarget(
              side(r), name, other.target().name(), relationshipsBack(r), fieldNames(target))
          .exception();
    }
    RelationshipMapping claimed = claimedPartner(other);
    if (claimed != r) {
      throw (claimed != null && claimedPartner(claimed) == other
              ? MappingMessages.backPopulatesTaken(side(r), name, taken(other, claimed))
              : MappingMessages.backPopulatesOneSided(
                  side(r), name, other.declared().backPopulates()))
          .exception();
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
      throw MappingMessages.sameDirection(
              r.qualifiedName(),
              other.qualifiedName(),
              other.name(),
              r.owner().name(),
              r.isCollection(),
              r.foreignKey().describe(),
              r.owner() == r.target() && !r.isCollection() && !other.isCollection()
                  ? selfOneToOneHint(r, other)
                  : "")
          .exception();
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
    return MappingMessages.selfOneToOneHint(
        r.owner().name(),
        fk.references().toString(),
        ColumnType.boxed(fk.javaType()).getSimpleName(),
        fk.fieldName(),
        r.name(),
        other.name());
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

  /** Why {@code other} already has its reverse side {@code claimed}, for the message. */
  private static String taken(RelationshipMapping other, RelationshipMapping claimed) {
    if (other.isGenerated()) {
      return MappingMessages.takenAsBackref(other.qualifiedName(), claimed.qualifiedName());
    }
    if (claimed.isGenerated()) {
      return MappingMessages.takenByBackref(
          other.qualifiedName(), claimed.qualifiedName(), claimed.name());
    }
    return MappingMessages.takenByPair(other.qualifiedName(), claimed.qualifiedName());
  }

  /** {@code r} as messages describe it. */
  private static MappingMessages.Side side(RelationshipMapping r) {
    return new MappingMessages.Side(
        r.owner().name(),
        r.name(),
        r.target().name(),
        r.direction() == Direction.MANY_TO_ONE,
        r.direction() == Direction.MANY_TO_MANY ? r.secondary().name() : "");
  }

  /** The names of {@code m}'s relationships and column fields. */
  private static Set<String> fieldNames(ModelMapping m) {
    Set<String> names = new HashSet<>(m.relationshipNames());
    m.columns().forEach(c -> names.add(c.fieldName()));
    return names;
  }
}
