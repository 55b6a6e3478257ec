package dev.tether.mapping;

import dev.tether.MappingException;
import dev.tether.Model;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a set of model classes into {@link Metadata} for {@code Registry.of}, in small named phases
 * that read like a checklist:
 *
 * <ol>
 *   <li>read every class (tables, columns, relationship declarations: {@link ModelReader});
 *   <li>resolve every {@code @ForeignKey("table.column")};
 *   <li>resolve every relationship's target, key and direction ({@link Joins});
 *   <li>create the backrefs, then
 *   <li>check and link the backPopulates pairs ({@link BackPopulation});
 *   <li>parse cascades;
 *   <li>parse {@code lazy} and {@code orderBy};
 *   <li>warn about unlinked relationships that write one key.
 * </ol>
 *
 * Every phase either completes or throws a {@link MappingException}; nothing is published to {@link
 * Mappings} until all have passed, so a failed configuration leaves no half-mapped class behind.
 */
public final class Configurator {
  private static final Logger LOG = LoggerFactory.getLogger("dev.tether.mapping");
  private static final Map<Set<Class<?>>, Metadata> CONFIGURED = new HashMap<>();

  private List<TableMapping> associations = List.of();
  private final Map<Class<?>, ModelMapping> models = new LinkedHashMap<>();
  private final Map<String, ModelMapping> byTable = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

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
    c.associations = Joins.resolve(c.models);
    BackPopulation.link(c.models);
    c.parseCascades();
    c.parseLoading();
    c.warnOverlaps();
    c.checkSchemaNames();
    c.checkPassiveDeletes();
    Metadata metadata = c.publish();
    CONFIGURED.put(closure, metadata);
    return metadata;
  }

  /**
   * The given classes plus every concrete model their relationship fields reach. A target that is
   * not a concrete model is left out here and reported by {@link Joins} against the field that
   * names it.
   */
  private static Set<Class<?>> closure(Collection<Class<?>> classes) {
    Set<Class<?>> seen = new LinkedHashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>();
    for (Class<?> c : classes) {
      if (c == null) {
        throw new MappingException(
            "null-class", "Registry.of was given a null class; pass model classes only.");
      }
      todo.add(c);
    }
    while (!todo.isEmpty()) {
      Class<?> c = todo.removeFirst();
      if (seen.add(c) && Model.class.isAssignableFrom(c)) {
        for (Class<?> target : ModelReader.relatedClasses(c)) {
          if (isConcreteModel(target)) {
            todo.add(target);
          }
        }
      }
    }
    return seen;
  }

  private static boolean isConcreteModel(Class<?> c) {
    return Model.class.isAssignableFrom(c)
        && c != Model.class
        && !Modifier.isAbstract(c.getModifiers());
  }

  /** Phase 1: tables, columns and relationship declarations of every class. */
  private void readModels(Set<Class<?>> classes) {
    for (Class<?> type : classes) {
      ModelMapping m = ModelReader.read(type);
      ModelMapping clash = byTable.put(m.table().name(), m);
      if (clash != null) {
        throw new MappingException(
            "table-twice",
            clash.name()
                + " and "
                + m.name()
                + " both map table '"
                + m.table().name()
                + "'; each table is mapped by one model. Give one of them another name with"
                + " @Table(\"...\").");
      }
      models.put(type, m);
    }
  }

  /** Phase 2: every {@code @ForeignKey("table.column")} names a mapped key of the same type. */
  private void resolveForeignKeys() {
    for (ModelMapping m : models.values()) {
      for (ColumnMapping c : m.columns()) {
        if (c.foreignKeyText() != null) {
          c.resolveReference(referencedColumn(m, c));
        }
      }
    }
  }

  private ColumnMapping referencedColumn(ModelMapping m, ColumnMapping c) {
    String text = c.foreignKeyText();
    String where = m.name() + "." + c.fieldName() + ": @ForeignKey(\"" + text + "\")";
    int dot = text.lastIndexOf('.');
    String tableName = text.substring(0, dot);
    String columnName = text.substring(dot + 1);
    ModelMapping target = byTable.get(tableName);
    if (target == null) {
      throw MappingMessages.foreignKeyTable(
              m.name() + "." + c.fieldName(), text, tableName, new ArrayList<>(byTable.keySet()))
          .exception();
    }
    ColumnMapping referenced = target.table().column(columnName);
    if (referenced == null) {
      List<String> names = new ArrayList<>();
      target.columns().forEach(col -> names.add(col.name()));
      ColumnMapping byField = target.columnByField(columnName);
      throw MappingMessages.foreignKeyColumn(
              m.name() + "." + c.fieldName(),
              text,
              tableName,
              columnName,
              names,
              byField == null ? null : byField.name())
          .exception();
    }
    if (!referenced.isIdentity() && !referenced.unique()) {
      throw new MappingException(
          "fk-not-unique",
          where
              + " references "
              + referenced
              + ", which is neither the primary key nor unique; a foreign key must reference a"
              + " key. Reference "
              + (target.id() != null ? target.id().toString() : "a unique column")
              + " instead, or declare "
              + target.name()
              + "."
              + referenced.fieldName()
              + " with @Column(unique = true).");
    }
    if (ColumnType.boxed(referenced.javaType()) != ColumnType.boxed(c.javaType())) {
      throw new MappingException(
          "fk-type",
          where
              + " references "
              + target.name()
              + "."
              + referenced.fieldName()
              + " ("
              + referenced
              + "), of type "
              + referenced.javaType().getSimpleName()
              + ", but the field is of type "
              + c.javaType().getSimpleName()
              + "; the key value is copied from one to the other. Declare it `public "
              + ColumnType.boxed(referenced.javaType()).getSimpleName()
              + " "
              + c.fieldName()
              + ";`.");
    }
    return referenced;
  }

  /** Phase 6: cascade words parse, and delete-orphan stands only on the collection side. */
  private void parseCascades() {
    for (ModelMapping m : models.values()) {
      int index = 0;
      for (RelationshipMapping r : m.relationships()) {
        r.index(index++);
        r.cascade(Cascade.parse(r.declared().cascade(), r.qualifiedName()));
        if (r.viewOnly() && (r.cascades(Cascade.DELETE) || r.cascades(Cascade.DELETE_ORPHAN))) {
          throw new MappingException(
              "viewonly-cascade",
              r.qualifiedName()
                  + ": cascade = \""
                  + r.declared().cascade()
                  + "\" deletes, but a viewOnly relationship never writes, so it cannot delete"
                  + " either. Remove viewOnly = true, or the delete and delete-orphan cascades"
                  + " (cascade = \"none\").");
        }
        if (r.cascades(Cascade.DELETE_ORPHAN) && r.direction() == Direction.MANY_TO_ONE) {
          throw new MappingException(
              "delete-orphan-many-to-one",
              r.qualifiedName()
                  + ": delete-orphan is configured on the many-to-one side. A "
                  + r.target().name()
                  + " can be referred to by many "
                  + m.name()
                  + " objects, so it is never the orphan of one of them. Remove delete-orphan"
                  + " here and put cascade = \"all, delete-orphan\" on the one-to-many side ("
                  + (r.reverse() != null
                      ? r.reverse().qualifiedName()
                      : r.target().name() + "'s Many<" + m.name() + ">")
                  + ") instead.");
        }
        if (r.cascades(Cascade.DELETE_ORPHAN) && r.direction() == Direction.MANY_TO_MANY) {
          throw new MappingException(
              "delete-orphan-many-to-many",
              r.qualifiedName()
                  + ": delete-orphan is configured on a many-to-many relationship. A "
                  + r.target().name()
                  + " can belong to many "
                  + m.name()
                  + " objects at once, so leaving one of them does not make it an orphan. Remove"
                  + " delete-orphan (cascade = \"save-update, merge\"), or map the association"
                  + " table as a model and put delete-orphan on its one-to-many side.");
        }
      }
    }
  }

  /** Phase 7: {@code lazy} names a strategy and {@code orderBy} names columns of the target. */
  private void parseLoading() {
    for (ModelMapping m : models.values()) {
      for (RelationshipMapping r : m.relationships()) {
        r.loading(Loading.parse(r.declared().lazy(), r.qualifiedName(), r.isCollection()));
        r.ordering(ordering(r));
      }
    }
  }

  private static List<RelationshipMapping.Ordering> ordering(RelationshipMapping r) {
    List<RelationshipMapping.Ordering> terms = new ArrayList<>();
    String text = r.declared().orderBy();
    if (text.isBlank()) {
      return terms;
    }
    if (!r.isCollection()) {
      throw FieldMessages.orderByOnOne(r.qualifiedName(), text).exception();
    }
    ModelMapping target = r.target();
    for (String raw : text.split(",")) {
      String[] words = raw.trim().split("\\s+");
      String direction = words.length == 2 ? words[1].toLowerCase(Locale.ROOT) : "asc";
      if (words[0].isEmpty()
          || words.length > 2
          || !(direction.equals("asc") || direction.equals("desc"))) {
        throw new MappingException(
            "order-by-syntax",
            r.qualifiedName()
                + ": orderBy = \""
                + text
                + "\" cannot be read at '"
                + raw.trim()
                + "'. Write field names of "
                + target.name()
                + ", each optionally followed by asc or desc, separated by commas: e.g."
                + " orderBy = \"position\" or orderBy = \"createdAt desc, id\".");
      }
      ColumnMapping column = target.columnByField(words[0]);
      if (column == null) {
        column = target.table().column(words[0]);
      }
      if (column == null) {
        List<String> fields = new ArrayList<>();
        target.columns().forEach(c -> fields.add(c.fieldName()));
        throw new MappingException(
            "order-by-unknown",
            r.qualifiedName()
                + ": orderBy = \""
                + text
                + "\" names '"
                + words[0]
                + "', which is not a column field of "
                + target.name()
                + "."
                + Names.didYouMean(words[0], fields)
                + " "
                + target.name()
                + "'s column fields: "
                + String.join(", ", fields)
                + ".");
      }
      terms.add(new RelationshipMapping.Ordering(column, direction.equals("desc")));
    }
    return terms;
  }

  /** Phase 8: two unlinked writable relationships over one foreign key get a warning. */
  private void warnOverlaps() {
    Map<ColumnMapping, List<RelationshipMapping>> writers = new LinkedHashMap<>();
    for (ModelMapping m : models.values()) {
      for (RelationshipMapping r : m.relationships()) {
        if (!r.viewOnly()) {
          writers.computeIfAbsent(r.foreignKey(), k -> new ArrayList<>()).add(r);
          if (r.direction() == Direction.MANY_TO_MANY) {
            // a many-to-many writes both columns of its association table
            writers.computeIfAbsent(r.secondaryTargetColumn(), k -> new ArrayList<>()).add(r);
          }
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
            warn(overlapWarning(a, b, e.getKey()));
          }
        }
      }
    }
  }

  private static String overlapWarning(
      RelationshipMapping a, RelationshipMapping b, ColumnMapping key) {
    boolean couldPair =
        a.owner() == b.target()
            && b.owner() == a.target()
            && (a.direction() != b.direction() || a.direction() == Direction.MANY_TO_MANY);
    return a.qualifiedName()
        + " and "
        + b.qualifiedName()
        + " both write "
        + key.describe()
        + " but are not linked: a change made through one is not seen by the other in memory,"
        + " and the two may write different values at flush. "
        + (couldPair
            ? "Link them with @Relationship(backPopulates = \""
                + b.name()
                + "\") on "
                + a.qualifiedName()
                + " and @Relationship(backPopulates = \""
                + a.name()
                + "\") on "
                + b.qualifiedName()
                + ", or mark one viewOnly = true if it is only read."
            : "Mark one of them viewOnly = true if it is only read.");
  }

  /**
   * Phase 9: index and constraint names are unique in the schema (PostgreSQL keeps index names per
   * schema, so two tables cannot both have an index {@code ix_name}).
   */
  private void checkSchemaNames() {
    Map<String, ModelMapping> owners = new HashMap<>();
    for (ModelMapping m : models.values()) {
      for (TableConstraints.Resolved k : m.table().constraints()) {
        ModelMapping other = owners.putIfAbsent(k.name(), m);
        if (other != null && other != m) {
          throw ConstraintMessages.constraintNameTaken(m.name(), k.name(), other.name())
              .exception();
        }
      }
    }
  }

  /**
   * Phase 10: a {@code passiveDeletes} relationship leaves its rows to the foreign key's ON DELETE
   * rule, so that rule must exist and agree with the cascade: without it, deleting a parent that
   * has rows would fail in the database (or, on a database that does not enforce keys, leave them
   * pointing at nothing).
   */
  private void checkPassiveDeletes() {
    for (ModelMapping m : models.values()) {
      for (RelationshipMapping r : m.relationships()) {
        if (!r.passiveDeletes() || r.viewOnly()) {
          continue;
        }
        if (r.direction() == Direction.MANY_TO_ONE) {
          warn(ConstraintMessages.passiveDeletesManyToOne(r.qualifiedName(), r.target().name()));
          continue;
        }
        String action = r.foreignKey().onDelete();
        boolean deletes = r.cascades(Cascade.DELETE) && r.direction() != Direction.MANY_TO_MANY;
        if (deletes
            ? !action.equals("CASCADE")
            : !List.of("CASCADE", "SET NULL").contains(action)) {
          throw ConstraintMessages.passiveDeletesAction(
                  r.qualifiedName(),
                  r.foreignKey().describe(),
                  r.foreignKey().fieldName(),
                  r.foreignKey().table().modelName(),
                  r.foreignKey().references().toString(),
                  action,
                  deletes)
              .exception();
        }
      }
    }
  }

  private void warn(String warning) {
    warnings.add(warning);
    LOG.warn(warning);
  }

  private Metadata publish() {
    Metadata metadata = new Metadata(models, associations, warnings);
    Mappings.publish(metadata);
    return metadata;
  }
}
