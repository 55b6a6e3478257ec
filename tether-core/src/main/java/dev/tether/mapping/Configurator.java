package dev.tether.mapping;

import dev.tether.MappingException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a set of model classes into {@link Metadata}, in small named phases that read like a
 * checklist. Every phase either completes or throws a {@link MappingException}; nothing is
 * published until all have passed, so a failed configuration leaves no half-mapped class behind.
 */
public final class Configurator {
  private static final Logger LOG = LoggerFactory.getLogger("dev.tether.mapping");
  private static final Map<Set<Class<?>>, Metadata> CONFIGURED = new HashMap<>();

  private final Map<Class<?>, ModelMapping> models = new LinkedHashMap<>();
  private final Map<String, ModelMapping> byTable = new HashMap<>();
  private final Map<RelationshipMapping, String> backrefCreators = new HashMap<>();

  private Configurator() {}

  /**
   * Configures {@code classes} and every model their relationship fields reach. The same set of
   * classes always yields the same {@link Metadata} instance.
   */
  public static synchronized Metadata configure(Collection<Class<?>> classes) {
    Set<Class<?>> closure = closure(classes);
    Metadata known = CONFIGURED.get(closure);
    if (known != null) {
      Mappings.publish(known);
      return known;
    }
    Configurator c = new Configurator();
    c.readModels(closure);
    c.resolveForeignKeys();
    c.resolveJoins();
    c.createBackrefs();
    c.linkBackPopulates();
    c.parseCascades();
    c.warnOverlaps();
    Metadata metadata = c.publish();
    CONFIGURED.put(closure, metadata);
    return metadata;
  }

  private static Set<Class<?>> closure(Collection<Class<?>> classes) {
    Set<Class<?>> seen = new LinkedHashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>(classes);
    while (!todo.isEmpty()) {
      Class<?> c = todo.removeFirst();
      if (c == null) {
        throw new MappingException("null-class", "Registry.of was given a null class.");
      }
      if (seen.add(c) && dev.tether.Model.class.isAssignableFrom(c)) {
        todo.addAll(ModelReader.relatedClasses(c));
      }
    }
    return seen;
  }

  /** Phase 1: tables, columns and relationship declarations of every class. */
  private void readModels(Set<Class<?>> classes) {
    for (Class<?> type : classes) {
      ModelMapping m = ModelReader.read(type);
      ModelMapping clash = byTable.put(m.table().name(), m);
      if (clash != null) {
        throw new MappingException(
            "table-twice",
            m.name()
                + " and "
                + clash.name()
                + " both map table '"
                + m.table().name()
                + "'. Give one of them another @Table name.");
      }
      models.put(type, m);
    }
  }

  /** Phase 2: every {@code @ForeignKey("table.column")} names a mapped table and column. */
  private void resolveForeignKeys() {
    for (ModelMapping m : models.values()) {
      for (ColumnMapping c : m.columns()) {
        if (c.foreignKeyText() == null) {
          continue;
        }
        String where = m.name() + "." + c.fieldName();
        String text = c.foreignKeyText();
        int dot = text.lastIndexOf('.');
        String tableName = text.substring(0, dot);
        String columnName = text.substring(dot + 1);
        ModelMapping target = byTable.get(tableName);
        if (target == null) {
          throw new MappingException(
              "fk-table",
              where
                  + ": @ForeignKey(\""
                  + text
                  + "\") names table '"
                  + tableName
                  + "', which no registered model maps."
                  + Names.didYouMean(tableName, byTable.keySet())
                  + " Mapped tables: "
                  + String.join(", ", byTable.keySet())
                  + ". Register the model that maps it in Registry.of(...).");
        }
        ColumnMapping referenced = target.table().column(columnName);
        if (referenced == null) {
          List<String> names = new ArrayList<>();
          target.columns().forEach(col -> names.add(col.name()));
          throw new MappingException(
              "fk-column",
              where
                  + ": @ForeignKey(\""
                  + text
                  + "\") names column '"
                  + columnName
                  + "', which table '"
                  + tableName
                  + "' does not have."
                  + Names.didYouMean(columnName, names)
                  + " Its columns: "
                  + String.join(", ", names)
                  + ".");
        }
        if (!referenced.primaryKey() && !referenced.unique()) {
          throw new MappingException(
              "fk-not-unique",
              where
                  + ": @ForeignKey(\""
                  + text
                  + "\") references a column that is neither the primary key nor unique; a"
                  + " foreign key must reference a key. Reference "
                  + tableName
                  + "."
                  + target.id().name()
                  + " instead, or mark the column @Column(unique = true).");
        }
        c.resolveReference(referenced);
      }
    }
  }

  /** Phase 3: target, foreign-key path and direction of every declared relationship. */
  private void resolveJoins() {
    for (ModelMapping owner : models.values()) {
      for (RelationshipMapping r : owner.relationships()) {
        resolveJoin(owner, r);
      }
    }
  }

  private void resolveJoin(ModelMapping owner, RelationshipMapping r) {
    Class<?> targetType = ModelReader.targetOf(owner.type(), fieldOf(owner.type(), r.name()));
    ModelMapping target = models.get(targetType);
    if (target == null) {
      throw new MappingException(
          "target-not-model",
          r.qualifiedName()
              + " points to "
              + targetType.getSimpleName()
              + ", which is not a model. Relationship targets must extend Model.");
    }
    if (!r.declared().secondary().isEmpty()) {
      throw new MappingException(
          "secondary-unsupported",
          r.qualifiedName()
              + ": many-to-many through secondary = \""
              + r.declared().secondary()
              + "\" is not supported by this version of Tether yet. Map the association table as"
              + " a model with two @ForeignKey columns and two one-to-many relationships.");
    }
    String chosen = foreignKeysOf(owner, r);
    List<ColumnMapping> candidates = new ArrayList<>();
    List<Direction> directions = new ArrayList<>();
    boolean self = owner == target;
    for (ColumnMapping c : owner.columns()) {
      if (c.references() != null && c.references().table() == target.table()) {
        candidates.add(c);
        directions.add(self && r.isCollection() ? Direction.ONE_TO_MANY : Direction.MANY_TO_ONE);
      }
    }
    if (!self) {
      for (ColumnMapping c : target.columns()) {
        if (c.references() != null && c.references().table() == owner.table()) {
          candidates.add(c);
          directions.add(Direction.ONE_TO_MANY);
        }
      }
    }
    if (!chosen.isEmpty()) {
      ColumnMapping named = owner.columnByField(chosen);
      if (named == null || !candidates.contains(named)) {
        named = target.columnByField(chosen);
      }
      if (named == null) {
        List<String> fields = new ArrayList<>();
        candidates.forEach(c -> fields.add(c.fieldName()));
        throw new MappingException(
            "foreign-keys-unknown",
            r.qualifiedName()
                + ": foreignKeys = \""
                + chosen
                + "\" names no field of "
                + owner.name()
                + " or "
                + target.name()
                + "."
                + Names.didYouMean(chosen, fields)
                + (fields.isEmpty() ? "" : " Foreign keys linking them: " + describe(candidates))
                + " foreignKeys takes the Java field name of the foreign-key column.");
      }
      int at = candidates.indexOf(named);
      if (at < 0) {
        throw new MappingException(
            "foreign-keys-not-fk",
            r.qualifiedName()
                + ": foreignKeys = \""
                + chosen
                + "\" names "
                + named.table().name()
                + "."
                + named.name()
                + ", which is not a foreign key between "
                + owner.table().name()
                + " and "
                + target.table().name()
                + ". Add @ForeignKey to that field, or name one of: "
                + (candidates.isEmpty() ? "(none)" : describe(candidates))
                + ".");
      }
      Direction d = directions.get(at);
      candidates = List.of(named);
      directions = List.of(d);
    }
    if (candidates.isEmpty()) {
      throw new MappingException(
          "no-foreign-key",
          r.qualifiedName()
              + ": cannot determine the join condition between "
              + owner.name()
              + " (table "
              + owner.table().name()
              + ") and "
              + target.name()
              + " (table "
              + target.table().name()
              + "): no foreign key links these tables. Add a foreign-key column, e.g. on "
              + (r.isCollection() ? target.name() : owner.name())
              + ": `@ForeignKey(\""
              + (r.isCollection() ? owner : target).table().name()
              + "."
              + (r.isCollection() ? owner : target).id().name()
              + "\") public "
              + (r.isCollection() ? owner : target).id().javaType().getSimpleName()
              + " "
              + lowerFirst((r.isCollection() ? owner : target).name())
              + "Id;`.");
    }
    if (candidates.size() > 1) {
      throw new MappingException(
          "ambiguous-foreign-keys",
          r.qualifiedName()
              + ": cannot determine the join condition between "
              + owner.name()
              + " and "
              + target.name()
              + ": several foreign keys link them: "
              + describe(candidates)
              + ". Choose one with @Relationship(foreignKeys = \""
              + candidates.get(0).fieldName()
              + "\") (on both sides of a back-populated pair, or on the side with the backref).");
    }
    ColumnMapping fk = candidates.get(0);
    Direction direction = directions.get(0);
    if (direction == Direction.MANY_TO_ONE && r.isCollection()) {
      throw new MappingException(
          "many-on-foreign-key-side",
          r.qualifiedName()
              + " is a Many, but it follows "
              + fk.table().name()
              + "."
              + fk.name()
              + ", a foreign key on "
              + owner.name()
              + "'s own table, so each "
              + owner.name()
              + " refers to at most one "
              + target.name()
              + ". Declare it as `public final One<"
              + target.name()
              + "> "
              + r.name()
              + " = one();`.");
    }
    r.resolve(target, direction, fk);
  }

  /** The declared {@code foreignKeys}, or the one of the back-populated partner. */
  private String foreignKeysOf(ModelMapping owner, RelationshipMapping r) {
    if (!r.declared().foreignKeys().isEmpty()) {
      return r.declared().foreignKeys();
    }
    String partnerName = r.declared().backPopulates();
    if (partnerName.isEmpty()) {
      return "";
    }
    Class<?> targetType = ModelReader.targetOf(owner.type(), fieldOf(owner.type(), r.name()));
    ModelMapping target = models.get(targetType);
    RelationshipMapping partner = target == null ? null : target.relationship(partnerName);
    return partner == null ? "" : partner.declared().foreignKeys();
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
                  + backrefCreators.get(existing)
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
                  + "'. Either link the two fields with backPopulates = \""
                  + name
                  + "\" here and backPopulates = \""
                  + r.name()
                  + "\" on "
                  + target.name()
                  + "."
                  + name
                  + ", or choose another backref name.");
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
                  + "'. Choose another backref name.");
        }
        boolean collection = r.direction() == Direction.MANY_TO_ONE;
        RelationshipMapping.Declared declared =
            new RelationshipMapping.Declared(
                r.name(),
                "",
                r.declared().foreignKeys(),
                "",
                "",
                "save-update, merge",
                "select",
                false,
                r.viewOnly(),
                r);
        RelationshipMapping reverse =
            new RelationshipMapping(target, name, collection, null, declared);
        Direction opposite =
            r.direction() == Direction.MANY_TO_ONE ? Direction.ONE_TO_MANY : Direction.MANY_TO_ONE;
        reverse.resolve(r.owner(), opposite, r.foreignKey());
        target.addRelationship(reverse);
        backrefCreators.put(reverse, r.qualifiedName());
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
      if (target.columnByField(name) != null) {
        throw new MappingException(
            "backpopulates-column",
            where
                + " names a column field of "
                + target.name()
                + ", not a relationship. Name the relationship of "
                + target.name()
                + " that points back to "
                + r.owner().name()
                + ", or add one: "
                + suggestedField(r, target, "<name>")
                + ".");
      }
      List<String> names = target.relationshipNames();
      throw new MappingException(
          "backpopulates-missing",
          where
              + " names no relationship of "
              + target.name()
              + "."
              + Names.didYouMean(name, names)
              + " "
              + (names.isEmpty()
                  ? target.name() + " has no relationships"
                  : target.name() + " has: " + String.join(", ", names))
              + ". Add to "
              + target.name()
              + ": "
              + suggestedField(r, target, name)
              + ", or fix the name.");
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
              + ". Name a relationship of "
              + target.name()
              + " whose type is One<"
              + r.owner().name()
              + "> or Many<"
              + r.owner().name()
              + ">.");
    }
    String back = other.declared().backPopulates();
    if (!back.equals(r.name())) {
      String problem =
          back.isEmpty()
              ? other.qualifiedName() + " does not name it back"
              : other.qualifiedName() + " names \"" + back + "\" instead";
      throw new MappingException(
          "backpopulates-one-sided",
          where
              + " names "
              + other.qualifiedName()
              + ", but "
              + problem
              + ", so writes to "
              + other.qualifiedName()
              + " would not update "
              + r.qualifiedName()
              + ". backPopulates must be declared on both sides: add"
              + " @Relationship(backPopulates = \""
              + r.name()
              + "\") to "
              + other.qualifiedName()
              + (other.isGenerated() ? "" : "")
              + ".");
    }
    if (other.foreignKey() != r.foreignKey()) {
      throw new MappingException(
          "backpopulates-different-keys",
          where
              + ": the two sides follow different foreign keys ("
              + r.qualifiedName()
              + " follows "
              + r.foreignKey()
              + ", "
              + other.qualifiedName()
              + " follows "
              + other.foreignKey()
              + "). Give both the same @Relationship(foreignKeys = ...).");
    }
    if (other.direction() == r.direction()) {
      throw new MappingException(
          "same-direction",
          r.qualifiedName()
              + " and its reverse "
              + other.qualifiedName()
              + " are both "
              + (r.isCollection() ? "Many" : "One")
              + " sides of "
              + r.foreignKey()
              + "; one side must hold the foreign key (One<"
              + (r.direction() == Direction.ONE_TO_MANY ? r.owner().name() : target.name())
              + ">, many-to-one) and the other the collection (Many, one-to-many). Declare "
              + (r.isCollection()
                  ? other.qualifiedName() + " as One<" + r.owner().name() + ">"
                  : other.qualifiedName() + " as Many<" + r.owner().name() + ">")
              + ".");
    }
    r.link(other);
    other.link(r);
  }

  /** Phase 6: cascade words parse, and delete-orphan stands only on the collection side. */
  private void parseCascades() {
    for (ModelMapping m : models.values()) {
      int index = 0;
      for (RelationshipMapping r : m.relationships()) {
        r.index(index++);
        r.cascade(Cascade.parse(r.declared().cascade(), r.qualifiedName()));
        if (r.cascades(Cascade.DELETE_ORPHAN) && r.direction() == Direction.MANY_TO_ONE) {
          throw new MappingException(
              "delete-orphan-many-to-one",
              r.qualifiedName()
                  + ": delete-orphan is configured on the many-to-one side. A "
                  + r.target().name()
                  + " can be referred to by many "
                  + m.name()
                  + " objects, so it is never an orphan of one of them. Put"
                  + " cascade = \"all, delete-orphan\" on the one-to-many side ("
                  + (r.reverse() != null
                      ? r.reverse().qualifiedName()
                      : r.target().name() + "'s Many<" + m.name() + ">")
                  + ") instead.");
        }
      }
    }
  }

  /** Phase 7: two unlinked writable relationships over one foreign key get a warning. */
  private void warnOverlaps() {
    Map<ColumnMapping, List<RelationshipMapping>> writers = new LinkedHashMap<>();
    for (ModelMapping m : models.values()) {
      for (RelationshipMapping r : m.relationships()) {
        if (!r.viewOnly()) {
          writers.computeIfAbsent(r.foreignKey(), k -> new ArrayList<>()).add(r);
        }
      }
    }
    for (Map.Entry<ColumnMapping, List<RelationshipMapping>> e : writers.entrySet()) {
      List<RelationshipMapping> rs = e.getValue();
      for (int i = 0; i < rs.size(); i++) {
        for (int j = i + 1; j < rs.size(); j++) {
          RelationshipMapping a = rs.get(i);
          RelationshipMapping b = rs.get(j);
          if (a.reverse() != b) {
            LOG.warn(
                "{} and {} both write {} but are not linked: changing one does not change the"
                    + " other in memory, and at flush the collection side wins where they"
                    + " disagree. Link them with backPopulates on both sides, or mark one"
                    + " viewOnly = true.",
                a.qualifiedName(),
                b.qualifiedName(),
                e.getKey());
          }
        }
      }
    }
  }

  private Metadata publish() {
    Metadata metadata = new Metadata(models);
    Mappings.publish(metadata);
    return metadata;
  }

  private static String suggestedField(RelationshipMapping r, ModelMapping target, String name) {
    String type =
        r.isCollection() ? "One<" + r.owner().name() + ">" : "Many<" + r.owner().name() + ">";
    return "@Relationship(backPopulates = \""
        + r.name()
        + "\") public final "
        + type
        + " "
        + name
        + " = "
        + (r.isCollection() ? "one()" : "many()")
        + ";";
  }

  private static String describe(List<ColumnMapping> fks) {
    List<String> parts = new ArrayList<>();
    for (ColumnMapping c : fks) {
      parts.add(
          c.table().name()
              + "."
              + c.name()
              + " (field "
              + c.fieldName()
              + " → "
              + c.references()
              + ")");
    }
    return String.join(", ", parts);
  }

  private static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static java.lang.reflect.Field fieldOf(Class<?> type, String name) {
    for (java.lang.reflect.Field f : ModelReader.instanceFields(type)) {
      if (f.getName().equals(name)) {
        return f;
      }
    }
    throw new IllegalStateException("no field " + name + " on " + type);
  }
}
