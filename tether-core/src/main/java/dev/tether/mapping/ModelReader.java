package dev.tether.mapping;

import dev.tether.Check;
import dev.tether.Column;
import dev.tether.Computed;
import dev.tether.Embeddable;
import dev.tether.ForeignKey;
import dev.tether.Generated;
import dev.tether.Id;
import dev.tether.Index;
import dev.tether.Many;
import dev.tether.MappingException;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Relationship;
import dev.tether.Sequence;
import dev.tether.Table;
import dev.tether.UniqueConstraint;
import dev.tether.Version;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one model class's annotations into a {@link ModelMapping}: table, columns and the
 * declarations of its relationships (their targets are resolved later by {@link Configurator}). The
 * only place that reflects over model classes; everything after it uses handles.
 */
final class ModelReader {
  /** Types whose equality is exact enough for an identity map. */
  private static final Set<ColumnType> ID_TYPES =
      EnumSet.of(
          ColumnType.INTEGER,
          ColumnType.LONG,
          ColumnType.STRING,
          ColumnType.UUID,
          ColumnType.DATE,
          ColumnType.DATETIME,
          ColumnType.INSTANT,
          ColumnType.ENUM);

  /** Types a {@code @Version} field may have: it counts the row's updates. */
  private static final Set<Class<?>> VERSION_TYPES =
      Set.of(Integer.class, int.class, Long.class, long.class);

  /** {@code table.column}: two non-empty names without spaces, joined by a dot. */
  private static final Pattern FK_SYNTAX = Pattern.compile("[^.\\s]+\\.[^.\\s]+");

  private ModelReader() {}

  /** The model classes a class's relationship fields point to (for registry closure). */
  static List<Class<?>> relatedClasses(Class<?> type) {
    List<Class<?>> related = new ArrayList<>();
    for (Field f : instanceFields(type)) {
      if (isRelationshipField(f)) {
        Class<?> target = targetOf(type, f);
        if (target != null) {
          related.add(target);
        }
      }
    }
    return related;
  }

  static ModelMapping read(Class<?> type) {
    if (type == Model.class) {
      throw new MappingException(
          "not-a-model",
          "Model is the base class of models and has no table; pass its subclasses to"
              + " Registry.of(...).");
    }
    if (!Model.class.isAssignableFrom(type)) {
      throw new MappingException(
          "not-a-model",
          type.getSimpleName()
              + " is not a model: mapped classes extend dev.tether.Model (`public class "
              + type.getSimpleName()
              + " extends Model { ... }`). Pass only model classes to Registry.of(...).");
    }
    if (Modifier.isAbstract(type.getModifiers())) {
      throw new MappingException(
          "abstract-model",
          type.getSimpleName()
              + " is abstract and cannot be mapped to a table; pass its concrete subclasses to"
              + " Registry.of(...) instead (their tables include the fields they inherit).");
    }
    if (type.isAnnotationPresent(Embeddable.class)) {
      throw EmbeddedMessages.model(type.getSimpleName()).exception();
    }
    ModelMapping model =
        new ModelMapping(
            type, new TableMapping(tableName(type), type.getSimpleName()), constructorOf(type));
    Map<String, Field> byName = new HashMap<>();
    Map<String, Column> columnAnnotations = new HashMap<>();
    for (Field f : instanceFields(type)) {
      Field hidden = byName.put(f.getName(), f);
      if (hidden != null) {
        throw new MappingException(
            "field-hidden",
            f.getDeclaringClass().getSimpleName()
                + "."
                + f.getName()
                + " hides the field of the same name in its superclass "
                + hidden.getDeclaringClass().getSimpleName()
                + "; both would be mapped under one name. Rename one of them, or remove the one"
                + " in "
                + f.getDeclaringClass().getSimpleName()
                + " and use the inherited field.");
      }
      if (isRelationshipField(f)) {
        readRelationship(model, f);
      } else if (EmbeddedReader.isEmbedded(f)) {
        EmbeddedReader.read(model, f, columnAnnotations, REFLECTION);
      } else {
        readColumn(model, f, columnAnnotations);
      }
    }
    if (model.keyColumns().isEmpty()) {
      throw MappingMessages.noId(type.getSimpleName()).exception();
    }
    readKeyGeneration(model, type, byName);
    readConstraints(model, columnAnnotations);
    model.filled(FilledColumns.of(model.columns()));
    model.hooks(ModelHooks.read(type));
    return model;
  }

  /** {@code @Sequence} on a generated key, and {@code @Table(implicitReturning)}. */
  private static void readKeyGeneration(
      ModelMapping model, Class<?> type, Map<String, Field> fields) {
    String sequence = null;
    for (Field f : fields.values()) {
      Sequence s = f.getAnnotation(Sequence.class);
      if (s == null) {
        continue;
      }
      ColumnMapping c = model.columnByField(f.getName());
      String where = model.name() + "." + f.getName();
      if (c == null || !c.generated()) {
        throw MappingMessages.sequenceNotOnGeneratedKey(where).exception();
      }
      if (s.value().isBlank()) {
        throw MappingMessages.sequenceBlank(where).exception();
      }
      sequence = s.value();
    }
    Table table = type.getAnnotation(Table.class);
    model.keyGeneration(sequence, table == null || table.implicitReturning());
  }

  /**
   * {@code @Index}, {@code @UniqueConstraint}, {@code @Check} of the class and its mapped
   * superclasses (topmost first), then {@code @Column(index = true)} fields, checked by {@link
   * TableConstraints}.
   */
  private static void readConstraints(ModelMapping model, Map<String, Column> columnAnnotations) {
    List<TableConstraints.Declared> declared = new ArrayList<>();
    Deque<Class<?>> chain = new ArrayDeque<>();
    for (Class<?> c = model.type(); c != Model.class && c != Object.class; c = c.getSuperclass()) {
      chain.push(c);
    }
    for (Class<?> c : chain) {
      for (Index i : c.getDeclaredAnnotationsByType(Index.class)) {
        TableConstraints.Kind kind =
            i.unique() ? TableConstraints.Kind.UNIQUE_INDEX : TableConstraints.Kind.INDEX;
        declared.add(
            new TableConstraints.Declared(kind, List.of(i.columns()), i.name(), null, null));
      }
      for (UniqueConstraint u : c.getDeclaredAnnotationsByType(UniqueConstraint.class)) {
        declared.add(
            new TableConstraints.Declared(
                TableConstraints.Kind.UNIQUE_CONSTRAINT,
                List.of(u.columns()),
                u.name(),
                null,
                null));
      }
      for (Check k : c.getDeclaredAnnotationsByType(Check.class)) {
        declared.add(
            new TableConstraints.Declared(
                TableConstraints.Kind.CHECK, List.of(), k.name(), k.value(), null));
      }
    }
    List<TableConstraints.Field> fields = new ArrayList<>();
    Set<String> unique = new HashSet<>();
    for (ColumnMapping c : model.columns()) {
      fields.add(new TableConstraints.Field(c.fieldName(), c.name()));
      if (c.unique()) {
        unique.add(c.name());
      }
      Column column = columnAnnotations.get(c.fieldName());
      if (column != null && column.index()) {
        declared.add(
            new TableConstraints.Declared(
                TableConstraints.Kind.INDEX,
                List.of(c.fieldName()),
                "",
                null,
                model.name() + "." + c.fieldName()));
      }
    }
    TableConstraints.Result result =
        TableConstraints.resolve(
            model.name(), model.table().name(), fields, declared, Set.copyOf(unique));
    if (result.mistake() != null) {
      throw result.mistake().exception();
    }
    model.table().constraints(result.resolved());
  }

  private static String tableName(Class<?> type) {
    Table table = type.getAnnotation(Table.class);
    if (table == null) {
      return Names.snake(type.getSimpleName());
    }
    if (table.value().isBlank()) {
      throw MappingMessages.blankTableName(
              type.getSimpleName(), table.value(), Names.snake(type.getSimpleName()))
          .exception();
    }
    return table.value();
  }

  private static void readColumn(
      ModelMapping model, Field f, Map<String, Column> columnAnnotations) {
    String where = model.name() + "." + f.getName();
    checkColumnType(f, where);
    if (Modifier.isFinal(f.getModifiers())) {
      throw MappingMessages.columnFinal(where).exception();
    }
    VarHandle handle = handle(f);
    model.addColumn(
        column(model, f, new ColumnSite(where, f.getName(), "", false, handle, null, null)));
    columnAnnotations.put(f.getName(), f.getAnnotation(Column.class));
  }

  /** What {@link EmbeddedReader} reads through this class. */
  private static final EmbeddedReader.Reflection REFLECTION =
      new EmbeddedReader.Reflection() {
        @Override
        public List<Field> instanceFields(Class<?> type) {
          return ModelReader.instanceFields(type);
        }

        @Override
        public VarHandle handle(Field f) {
          return ModelReader.handle(f);
        }

        @Override
        public MethodHandles.Lookup lookupIn(Class<?> type) throws IllegalAccessException {
          return ModelReader.lookupIn(type);
        }

        @Override
        public ColumnMapping column(ModelMapping model, Field f, ColumnSite site) {
          checkColumnType(f, site.where());
          return ModelReader.column(model, f, site);
        }
      };

  /** Refuses a field that is neither a column type nor stored through a converter or JSON. */
  private static void checkColumnType(Field f, String where) {
    if (f.isAnnotationPresent(Relationship.class)) {
      throw MappingMessages.relationshipFieldType(
              where, f.getName(), typeName(f), elementTypeName(f))
          .exception();
    }
    if (ColumnType.of(f.getType()) == null && !FieldStorage.converted(f)) {
      String element = elementTypeName(f);
      throw MappingMessages.columnType(
              where,
              f.getName(),
              typeName(f),
              element,
              Model.class.isAssignableFrom(f.getType()),
              java.util.Collection.class.isAssignableFrom(f.getType()) && !element.equals("T"))
          .exception();
    }
  }

  /** The column of field {@code f} at {@code site}, checked; the caller adds it to the model. */
  private static ColumnMapping column(ModelMapping model, Field f, ColumnSite site) {
    String where = site.where();
    ColumnType type = ColumnType.of(f.getType());
    boolean converted = FieldStorage.converted(f);
    boolean isId = f.isAnnotationPresent(Id.class);
    boolean isVersion = f.isAnnotationPresent(Version.class);
    if (isVersion) {
      checkVersion(model, f, isId);
    }
    Column column = f.getAnnotation(Column.class);
    ForeignKey fk = f.getAnnotation(ForeignKey.class);
    if (column != null && !column.name().isEmpty() && column.name().isBlank()) {
      throw FieldMessages.blankColumnName(where, column.name(), Names.snake(f.getName()))
          .exception();
    }
    String name =
        site.prefix()
            + (column != null && !column.name().isEmpty()
                ? column.name()
                : Names.snake(f.getName()));
    boolean nullable =
        site.alwaysNullable()
            || !isId
                && !isVersion
                && !f.getType().isPrimitive()
                && (column == null || column.nullable());
    if (column != null
        && (column.length() < 0
            || column.length() > 0 && (type != ColumnType.STRING || converted))) {
      throw new MappingException(
          "column-length",
          where
              + ": @Column(length = "
              + column.length()
              + ") "
              + (column.length() < 0
                  ? "is negative. Give the maximum length of the string, or 0 for unbounded text."
                  : "applies to String columns only, and this field's type is "
                      + f.getType().getSimpleName()
                      + ". Remove length."));
    }
    if (isId && (converted || !ID_TYPES.contains(type))) {
      throw new MappingException(
          "id-type",
          where
              + " is a "
              + f.getType().getSimpleName()
              + ", which cannot be a primary key: keys are compared for identity and must have"
              + " exact equality. Use Integer, Long, String or UUID (`@Id public Long "
              + f.getName()
              + ";`).");
    }
    if (fk != null && !FK_SYNTAX.matcher(fk.value()).matches()) {
      throw MappingMessages.foreignKeySyntax(where, fk.value()).exception();
    }
    String onDelete = fk == null ? "" : action(where, "onDelete", fk.onDelete(), nullable);
    String onUpdate = fk == null ? "" : action(where, "onUpdate", fk.onUpdate(), nullable);
    ColumnMapping mapping =
        new ColumnMapping(
            model.table(),
            site.fieldName(),
            name,
            f.getType(),
            site.handle(),
            isId,
            nullable,
            column != null && column.unique(),
            column != null ? column.length() : 0,
            model.columns().size(),
            fk != null ? fk.value() : null,
            onDelete,
            onUpdate,
            isVersion);
    if (site.getter() != null) {
      mapping.access(site.getter(), site.setter());
    }
    FieldStorage.apply(mapping, f, where);
    DatabaseValues.apply(mapping, f, where);
    ColumnMapping twin = model.table().column(name);
    if (twin == null) {
      for (ColumnMapping c : model.columns()) {
        twin = c.name().equalsIgnoreCase(name) ? c : twin;
      }
    }
    if (twin != null && (twin.fieldName().contains(".") || site.fieldName().contains("."))) {
      throw EmbeddedMessages.columnTwice(
              model.name() + "." + twin.fieldName(),
              twin.name(),
              model.name() + "." + site.fieldName(),
              name,
              model.table().name())
          .exception();
    }
    if (twin != null) {
      throw new MappingException(
          "column-twice",
          model.name()
              + "."
              + twin.fieldName()
              + " and "
              + where
              + (twin.name().equals(name)
                  ? " both map column '" + name + "' of table '" + model.table().name() + "'."
                  : " map columns '"
                      + twin.name()
                      + "' and '"
                      + name
                      + "' of table '"
                      + model.table().name()
                      + "', which differ only in case: one column to the database.")
              + " Give one of them another name with @Column(name = \"...\").");
    }
    return mapping;
  }

  /** One {@code @Version} per model, a whole number, not the primary key. */
  private static void checkVersion(ModelMapping model, Field f, boolean isId) {
    String where = model.name() + "." + f.getName();
    if (isId) {
      throw new MappingException(
          "version-on-id",
          where
              + " has both @Id and @Version; the primary key identifies the row and never"
              + " changes, while the version changes with every update. Put @Version on a field"
              + " of its own: `@Version public Integer version;`.");
    }
    if (!VERSION_TYPES.contains(f.getType())) {
      throw new MappingException(
          "version-type",
          where
              + " is a "
              + f.getType().getSimpleName()
              + ", which cannot be a @Version: the version counts the row's updates. Use Integer,"
              + " int, Long or long (`@Version public Integer "
              + f.getName()
              + ";`).");
    }
    ColumnMapping other = model.version();
    if (other != null) {
      throw new MappingException(
          "version-twice",
          model.name()
              + "."
              + other.fieldName()
              + " and "
              + where
              + " are both marked @Version; a model has one version column. Remove @Version from"
              + " one of them.");
    }
  }

  private static void readRelationship(ModelMapping model, Field f) {
    String where = model.name() + "." + f.getName();
    if (f.isAnnotationPresent(Version.class)) {
      throw new MappingException(
          "version-on-relationship",
          where
              + " is a relationship, but has @Version, which belongs on a whole-number column"
              + " field that counts the row's updates. Remove it here and declare"
              + " `@Version public Integer version;` in "
              + model.name()
              + ".");
    }
    for (Class<? extends Annotation> a :
        List.of(Id.class, Column.class, ForeignKey.class, Generated.class, Computed.class)) {
      if (f.isAnnotationPresent(a)) {
        throw new MappingException(
            "column-annotation-on-relationship",
            where
                + " is a relationship, but has @"
                + a.getSimpleName()
                + ", which belongs on a column field."
                + (a == ForeignKey.class
                    ? " Put it on a column field that holds the key, e.g. `@ForeignKey(\""
                        + f.getAnnotation(ForeignKey.class).value()
                        + "\") public Integer "
                        + f.getName()
                        + "Id;`, and keep the relationship field without it."
                    : " Remove it here."));
      }
    }
    if (!Modifier.isFinal(f.getModifiers())) {
      throw MappingMessages.relationshipNotFinal(
              where, f.getName(), f.getType() == Many.class, elementTypeName(f))
          .exception();
    }
    if (targetOf(model.type(), f) == null) {
      throw MappingMessages.relationshipType(where, f.getType() == Many.class).exception();
    }
    Relationship r = f.getAnnotation(Relationship.class);
    RelationshipMapping.Declared declared =
        r == null
            ? new RelationshipMapping.Declared(
                "", "", "", "", "", "save-update, merge", "select", false, false, null)
            : new RelationshipMapping.Declared(
                r.backPopulates().trim(),
                r.backref().trim(),
                r.foreignKeys().trim(),
                r.secondary().trim(),
                r.orderBy().trim(),
                r.cascade(),
                r.lazy().trim(),
                r.passiveDeletes(),
                r.viewOnly(),
                null);
    if (!declared.backPopulates().isEmpty() && !declared.backref().isEmpty()) {
      throw MappingMessages.backrefAndBackPopulates(
              where,
              f.getName(),
              targetOf(model.type(), f).getSimpleName(),
              declared.backPopulates(),
              declared.backref())
          .exception();
    }
    model.addRelationship(
        new RelationshipMapping(
            model, f.getName(), f.getType() == Many.class, handle(f), declared));
  }

  /** The normalised {@code onDelete} or {@code onUpdate} of a {@code @ForeignKey}, checked. */
  private static String action(String where, String attribute, String value, boolean nullable) {
    MappingMessages.Message mistake =
        TableConstraints.actionMistake(where, attribute, value, nullable);
    if (mistake != null) {
      throw mistake.exception();
    }
    return TableConstraints.normalisedAction(value);
  }

  /** {@code List<Child>}: the field's type with simple names. */
  private static String typeName(Field f) {
    if (f.getGenericType() instanceof ParameterizedType p
        && p.getActualTypeArguments().length == 1
        && p.getActualTypeArguments()[0] instanceof Class<?> c) {
      return f.getType().getSimpleName() + "<" + c.getSimpleName() + ">";
    }
    return f.getType().getSimpleName();
  }

  /** The simple name of the element type of a field such as {@code List<Child>}, or "T". */
  private static String elementTypeName(Field f) {
    if (f.getGenericType() instanceof ParameterizedType p
        && p.getActualTypeArguments().length == 1
        && p.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c.getSimpleName();
    }
    if (f.getType().isArray()) {
      return f.getType().getComponentType().getSimpleName();
    }
    return Model.class.isAssignableFrom(f.getType()) ? f.getType().getSimpleName() : "T";
  }

  static Class<?> targetOf(Class<?> owner, Field f) {
    Type generic = f.getGenericType();
    if (generic instanceof ParameterizedType p
        && p.getActualTypeArguments().length == 1
        && p.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c;
    }
    return null;
  }

  /** The mapped instance field {@code name} of {@code type} (it is known to exist). */
  static Field field(Class<?> type, String name) {
    for (Field f : instanceFields(type)) {
      if (f.getName().equals(name)) {
        return f;
      }
    }
    throw new IllegalStateException("no field " + name + " on " + type);
  }

  static boolean isRelationshipField(Field f) {
    return f.getType() == One.class || f.getType() == Many.class;
  }

  /** Instance fields from the topmost mapped superclass down, each class in declaration order. */
  static List<Field> instanceFields(Class<?> type) {
    Deque<Class<?>> chain = new ArrayDeque<>();
    for (Class<?> c = type;
        c != null && c != Model.class && c != Object.class;
        c = c.getSuperclass()) {
      chain.push(c);
    }
    List<Field> fields = new ArrayList<>();
    for (Class<?> c : chain) {
      for (Field f : c.getDeclaredFields()) {
        int m = f.getModifiers();
        if (f.isSynthetic()) {
          continue;
        }
        if (!Modifier.isStatic(m) && !Modifier.isTransient(m)) {
          fields.add(f);
        } else {
          checkNotAnnotated(f, Modifier.isStatic(m) ? "static" : "transient");
        }
      }
    }
    return fields;
  }

  /**
   * Refuses a field that is never mapped ({@code static} or {@code transient}) but carries one of
   * Tether's field annotations: JPA and SQLAlchemy leave such a field out silently, and the user's
   * column, key or relationship would vanish without a word.
   */
  private static void checkNotAnnotated(Field f, String modifier) {
    for (Annotation a : f.getDeclaredAnnotations()) {
      if (a.annotationType().getPackageName().equals(Model.class.getPackageName())) {
        throw FieldMessages.ignoredAnnotation(
                f.getDeclaringClass().getSimpleName() + "." + f.getName(),
                modifier,
                "@" + a.annotationType().getSimpleName())
            .exception();
      }
    }
  }

  /**
   * A lookup with private access to a model class. On the module path, Tether's module must read
   * the model's module first ({@code privateLookupIn} requires it, unlike core reflection); a
   * module may add that edge for itself. The model's module still decides, by opening its package.
   */
  private static MethodHandles.Lookup lookupIn(Class<?> type) throws IllegalAccessException {
    ModelReader.class.getModule().addReads(type.getModule());
    return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
  }

  private static VarHandle handle(Field f) {
    try {
      return lookupIn(f.getDeclaringClass()).unreflectVarHandle(f);
    } catch (IllegalAccessException e) {
      throw new MappingException(
          "field-access",
          f.getDeclaringClass().getSimpleName()
              + "."
              + f.getName()
              + " cannot be accessed by Tether: open the model's package to Tether (in"
              + " module-info.java: `opens "
              + f.getDeclaringClass().getPackageName()
              + ";`), or make the field public.");
    }
  }

  private static MethodHandle constructorOf(Class<?> type) {
    try {
      return lookupIn(type).findConstructor(type, MethodType.methodType(void.class));
    } catch (NoSuchMethodException e) {
      boolean inner = type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers());
      throw MappingMessages.noConstructor(
              type.getSimpleName(), inner ? type.getEnclosingClass().getSimpleName() : null)
          .exception();
    } catch (IllegalAccessException e) {
      throw new MappingException(
          "constructor-access",
          "The no-argument constructor of "
              + type.getSimpleName()
              + " is not accessible to Tether. Make it public, or open the model's package to"
              + " Tether (in module-info.java: `opens "
              + type.getPackageName()
              + ";`).");
    }
  }
}
