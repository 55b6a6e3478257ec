package dev.tether.mapping;

import dev.tether.Column;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.MappingException;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Relationship;
import dev.tether.Table;
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
import java.util.List;

/**
 * Reads one model class's annotations into a {@link ModelMapping}: table, columns and the
 * declarations of its relationships (their targets are resolved later by {@link Configurator}). The
 * only place that reflects over model classes; everything after it uses handles.
 */
final class ModelReader {
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
    if (!Model.class.isAssignableFrom(type) || type == Model.class) {
      throw new MappingException(
          "not-a-model",
          type.getName()
              + " is not a model: mapped classes must extend dev.tether.Model"
              + " (public class "
              + type.getSimpleName()
              + " extends Model { ... }).");
    }
    if (Modifier.isAbstract(type.getModifiers())) {
      throw new MappingException(
          "abstract-model",
          type.getSimpleName()
              + " is abstract and cannot be mapped to a table; register its concrete subclasses.");
    }
    Table table = type.getAnnotation(Table.class);
    String tableName = table != null ? table.value() : Names.snake(type.getSimpleName());
    ModelMapping model =
        new ModelMapping(
            type, new TableMapping(tableName, type.getSimpleName()), constructorOf(type));
    for (Field f : instanceFields(type)) {
      if (isRelationshipField(f)) {
        readRelationship(model, f);
      } else {
        readColumn(model, f);
      }
    }
    if (model.id() == null) {
      throw new MappingException(
          "no-id",
          type.getSimpleName()
              + " has no primary key: mark one field with @Id (for example `@Id public Integer"
              + " id;`).");
    }
    return model;
  }

  private static void readColumn(ModelMapping model, Field f) {
    String where = model.name() + "." + f.getName();
    ColumnType type = ColumnType.of(f.getType());
    if (type == null) {
      throw new MappingException(
          "column-type",
          where
              + " has type "
              + f.getType().getSimpleName()
              + ", which is not a column type. Supported: "
              + ColumnType.supportedList()
              + ". A relationship must be declared as One<T> or Many<T>; a field that is not"
              + " stored must be marked transient.");
    }
    if (Modifier.isFinal(f.getModifiers())) {
      throw new MappingException(
          "column-final",
          where
              + " is a final column field; Tether writes column fields when it loads rows and"
              + " after inserts. Remove `final` (or mark the field transient if it is not stored).");
    }
    boolean isId = f.isAnnotationPresent(Id.class);
    Column column = f.getAnnotation(Column.class);
    ForeignKey fk = f.getAnnotation(ForeignKey.class);
    String name =
        column != null && !column.name().isEmpty() ? column.name() : Names.snake(f.getName());
    boolean nullable = !isId && !f.getType().isPrimitive() && (column == null || column.nullable());
    if (isId && model.id() != null) {
      throw new MappingException(
          "two-ids",
          where
              + " is marked @Id but "
              + model.name()
              + "."
              + model.id().fieldName()
              + " already is; Tether maps single-column primary keys. Keep one @Id.");
    }
    if (fk != null && !fk.value().contains(".")) {
      throw new MappingException(
          "fk-syntax",
          where
              + ": @ForeignKey(\""
              + fk.value()
              + "\") must name \"table.column\", for example @ForeignKey(\"parent.id\").");
    }
    ColumnMapping mapping =
        new ColumnMapping(
            model.table(),
            f.getName(),
            name,
            f.getType(),
            handle(f),
            isId,
            nullable,
            column != null && column.unique(),
            column != null ? column.length() : 0,
            model.columns().size(),
            fk != null ? fk.value() : null,
            fk != null ? fk.onDelete().trim().toUpperCase(java.util.Locale.ROOT) : "");
    model.addColumn(mapping);
  }

  private static void readRelationship(ModelMapping model, Field f) {
    String where = model.name() + "." + f.getName();
    if (!Modifier.isFinal(f.getModifiers())) {
      throw new MappingException(
          "relationship-not-final",
          where
              + " must be final: the relationship container is created once with the object and"
              + " never replaced. Write `public final "
              + (f.getType() == Many.class ? "Many" : "One")
              + "<...> "
              + f.getName()
              + " = "
              + (f.getType() == Many.class ? "many()" : "one()")
              + ";`.");
    }
    if (targetOf(model.type(), f) == null) {
      throw new MappingException(
          "relationship-type",
          where
              + " must name its target class: declare it as "
              + f.getType().getSimpleName()
              + "<Target>, not as a raw or wildcard type.");
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
      String target = targetOf(model.type(), f).getSimpleName();
      throw new MappingException(
          "backref-and-backpopulates",
          where
              + " declares both backref and backPopulates; they are two ways to the same end, so"
              + " keep one: backPopulates = \""
              + declared.backPopulates()
              + "\" when "
              + target
              + " declares the reverse field itself (naming \""
              + f.getName()
              + "\" back), or backref = \""
              + declared.backref()
              + "\" alone to have Tether create "
              + target
              + "."
              + declared.backref()
              + ".");
    }
    model.addRelationship(
        new RelationshipMapping(
            model, f.getName(), f.getType() == Many.class, handle(f), declared));
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
        if (!Modifier.isStatic(m) && !Modifier.isTransient(m) && !f.isSynthetic()) {
          fields.add(f);
        }
      }
    }
    return fields;
  }

  private static VarHandle handle(Field f) {
    try {
      return MethodHandles.privateLookupIn(f.getDeclaringClass(), MethodHandles.lookup())
          .unreflectVarHandle(f);
    } catch (IllegalAccessException e) {
      throw new MappingException(
          "field-access",
          f.getDeclaringClass().getSimpleName()
              + "."
              + f.getName()
              + " cannot be accessed by Tether: open the package to dev.tether.core (module-info:"
              + " `opens your.package to dev.tether.core;`) or make the field public.");
    }
  }

  private static MethodHandle constructorOf(Class<?> type) {
    String hint =
        type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())
            ? " " + type.getSimpleName() + " is an inner class: declare it `static`."
            : "";
    try {
      return MethodHandles.privateLookupIn(type, MethodHandles.lookup())
          .findConstructor(type, MethodType.methodType(void.class));
    } catch (NoSuchMethodException e) {
      throw new MappingException(
          "no-constructor",
          type.getSimpleName()
              + " needs a constructor without parameters (Tether creates instances when it loads"
              + " rows): add `public "
              + type.getSimpleName()
              + "() {}`."
              + hint);
    } catch (IllegalAccessException e) {
      throw new MappingException(
          "constructor-access",
          "the no-argument constructor of "
              + type.getSimpleName()
              + " is not accessible to Tether"
              + " (open its package to dev.tether.core, or make it public).");
    }
  }
}
