package dev.tether.mapping;

import dev.tether.Column;
import dev.tether.Convert;
import dev.tether.Embeddable;
import dev.tether.Embedded;
import dev.tether.Enumerated;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Json;
import dev.tether.Many;
import dev.tether.MappingException;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Relationship;
import dev.tether.Sequence;
import dev.tether.Version;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Reads a model's field of an {@code @Embeddable} type into an {@link EmbeddedMapping} and its
 * columns, which join the owner's table like its other columns: named {@code prefix + component
 * column}, read by {@link ModelReader#column} (so every column feature applies to a component), and
 * reached through the value by composed handles. Part of {@link ModelReader}'s reading of one
 * model; the annotation processor checks the same rules in the sources.
 */
final class EmbeddedReader {
  /** Annotations of a column or key, which an embedded field itself cannot carry. */
  private static final List<Class<? extends Annotation>> NOT_ON_EMBEDDED =
      List.of(
          Id.class,
          Version.class,
          ForeignKey.class,
          Sequence.class,
          Column.class,
          Json.class,
          Convert.class,
          Enumerated.class);

  /** Annotations that make a component a key, which an embedded value has none of. */
  private static final List<Class<? extends Annotation>> NOT_IN_EMBEDDABLE =
      List.of(Id.class, Version.class, ForeignKey.class, Sequence.class);

  private EmbeddedReader() {}

  /**
   * What reading an embedded value takes from {@link ModelReader}, which owns the reflection over
   * mapped classes and the rules of a column field.
   */
  interface Reflection {
    /** The instance fields of {@code type}, superclasses' first; static and transient ones not. */
    List<Field> instanceFields(Class<?> type);

    /** A handle on {@code f}; refused with a message when Tether may not access it. */
    VarHandle handle(Field f);

    /** A lookup with private access to {@code type}. */
    MethodHandles.Lookup lookupIn(Class<?> type) throws IllegalAccessException;

    /** The column of {@code f} at {@code site}, checked as a model's column field is. */
    ColumnMapping column(ModelMapping model, Field f, ColumnSite site);
  }

  /** Whether {@code f} holds an embedded value: its type is {@code @Embeddable}, or it says so. */
  static boolean isEmbedded(Field f) {
    return f.getType().isAnnotationPresent(Embeddable.class)
        || f.isAnnotationPresent(Embedded.class);
  }

  /**
   * Adds the embedded value of {@code f} to {@code model}: its columns, in declaration order, and
   * each column's {@code @Column} to {@code columnAnnotations} (for {@code index = true}).
   */
  static void read(
      ModelMapping model, Field f, Map<String, Column> columnAnnotations, Reflection reflection) {
    String where = model.name() + "." + f.getName();
    checkEmbeddedField(f, where);
    if (Modifier.isFinal(f.getModifiers())) {
      throw MappingMessages.columnFinal(where).exception();
    }
    Embedded embedded = f.getAnnotation(Embedded.class);
    VarHandle handle = reflection.handle(f);
    EmbeddedMapping value =
        new EmbeddedMapping(
            f.getName(),
            f.getType(),
            null,
            -1,
            ColumnMapping.erased(handle, VarHandle.AccessMode.GET, ColumnMapping.GET_TYPE),
            ColumnMapping.erased(handle, VarHandle.AccessMode.SET, SET_TYPE));
    Deque<Class<?>> enclosing = new ArrayDeque<>();
    enclosing.push(f.getType());
    new Parts(model, columnAnnotations, enclosing, reflection)
        .read(value, prefix(embedded, f), embedded == null || embedded.nullable());
    model.addEmbedded(value, true);
  }

  /** The field's type is embeddable, and the field has no column or key annotation of its own. */
  private static void checkEmbeddedField(Field f, String where) {
    Class<?> type = f.getType();
    if (!type.isAnnotationPresent(Embeddable.class)) {
      throw EmbeddedMessages.notEmbeddable(where, type.getSimpleName()).exception();
    }
    for (Class<? extends Annotation> a : NOT_ON_EMBEDDED) {
      if (f.isAnnotationPresent(a)) {
        throw EmbeddedMessages.annotationOnEmbedded(where, a.getSimpleName(), type.getSimpleName())
            .exception();
      }
    }
  }

  /** {@code @Embedded(prefix)}, or the field's name in snake_case and {@code _}. */
  private static String prefix(Embedded embedded, Field f) {
    return embedded == null || embedded.prefix().equals(Embedded.DEFAULT_PREFIX)
        ? Names.snake(f.getName()) + "_"
        : embedded.prefix();
  }

  /** The parts of one embedded value and, recursively, of the values nested in it. */
  private record Parts(
      ModelMapping model,
      Map<String, Column> columnAnnotations,
      Deque<Class<?>> enclosing,
      Reflection reflection) {

    void read(EmbeddedMapping value, String prefix, boolean nullable) {
      Class<?> type = value.type();
      checkType(type);
      List<Field> fields = components(type, reflection);
      if (fields.isEmpty()) {
        throw EmbeddedMessages.empty(type.getSimpleName()).exception();
      }
      for (Field f : fields) {
        String where = type.getSimpleName() + "." + f.getName();
        String path = value.path() + "." + f.getName();
        checkComponent(f, where, type);
        VarHandle handle = reflection.handle(f);
        MethodHandle getter =
            ColumnMapping.erased(handle, VarHandle.AccessMode.GET, ColumnMapping.GET_TYPE);
        MethodHandle setter =
            type.isRecord()
                ? null
                : ColumnMapping.erased(handle, VarHandle.AccessMode.SET, SET_TYPE);
        if (isEmbedded(f)) {
          checkEmbeddedField(f, where);
          if (enclosing.contains(f.getType())) {
            throw EmbeddedMessages.cycle(where, f.getType().getSimpleName()).exception();
          }
          Embedded embedded = f.getAnnotation(Embedded.class);
          EmbeddedMapping nested =
              new EmbeddedMapping(
                  path, f.getType(), value, value.partCount(), value.throughValue(getter), null);
          enclosing.push(f.getType());
          read(
              nested,
              prefix + prefix(embedded, f),
              nullable || embedded == null || embedded.nullable());
          enclosing.pop();
          value.addPart(nested, getter, setter);
          model.addEmbedded(nested, false);
        } else {
          ColumnMapping c =
              reflection.column(
                  model,
                  f,
                  new ColumnSite(
                      where,
                      path,
                      prefix,
                      nullable,
                      null,
                      value.throughValue(getter),
                      value.nextPartSetter()));
          value.addPart(c, getter, setter);
          model.addEmbeddedColumn(c);
          columnAnnotations.put(path, f.getAnnotation(Column.class));
        }
      }
      creation(value, reflection);
    }
  }

  /** A record, or a concrete static class with a no-argument constructor; not a model. */
  private static void checkType(Class<?> type) {
    String name = type.getSimpleName();
    if (Model.class.isAssignableFrom(type)) {
      throw EmbeddedMessages.model(name).exception();
    }
    if (type.isAnnotationPresent(Convert.class)) {
      throw EmbeddedMessages.converted(name).exception();
    }
    String problem =
        type.isInterface()
            ? "it is an interface"
            : type.isEnum()
                ? "it is an enum (store an enum as a column of its own)"
                : type.isArray() || type.isPrimitive()
                    ? "it is not a class"
                    : Modifier.isAbstract(type.getModifiers()) ? "it is abstract" : null;
    if (problem != null) {
      throw EmbeddedMessages.kind(name, problem).exception();
    }
    if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
      throw EmbeddedMessages.constructor(name, type.getEnclosingClass().getSimpleName())
          .exception();
    }
  }

  /** A component is a column or a nested value: no relationship, no key, not final in a class. */
  private static void checkComponent(Field f, String where, Class<?> type) {
    String name = type.getSimpleName();
    if (f.getType() == One.class
        || f.getType() == Many.class
        || f.isAnnotationPresent(Relationship.class)) {
      throw EmbeddedMessages.relationship(where, name).exception();
    }
    for (Class<? extends Annotation> a : NOT_IN_EMBEDDABLE) {
      if (f.isAnnotationPresent(a)) {
        throw EmbeddedMessages.keyAnnotation(where, a.getSimpleName(), name).exception();
      }
    }
    if (!type.isRecord() && Modifier.isFinal(f.getModifiers())) {
      throw MappingMessages.columnFinal(where).exception();
    }
  }

  /** A record's components in order, or a class's instance fields (superclasses' first). */
  private static List<Field> components(Class<?> type, Reflection reflection) {
    List<Field> instanceFields = reflection.instanceFields(type); // refuses annotated static ones
    if (!type.isRecord()) {
      return instanceFields;
    }
    List<Field> fields = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      try {
        fields.add(type.getDeclaredField(c.getName()));
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException("record component without field: " + c, e);
      }
    }
    return fields;
  }

  /** How values of the type are made: the canonical constructor, or the no-argument one. */
  private static void creation(EmbeddedMapping value, Reflection reflection) {
    Class<?> type = value.type();
    try {
      MethodHandles.Lookup lookup = reflection.lookupIn(type);
      if (type.isRecord()) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < types.length; i++) {
          types[i] = components[i].getType();
        }
        MethodHandle canonical =
            lookup.findConstructor(type, MethodType.methodType(void.class, types));
        value.creation(
            canonical
                .asType(MethodType.genericMethodType(types.length))
                .asSpreader(Object[].class, types.length),
            true);
      } else {
        MethodHandle noArgs = lookup.findConstructor(type, MethodType.methodType(void.class));
        value.creation(noArgs.asType(MethodType.methodType(Object.class)), false);
      }
    } catch (NoSuchMethodException e) {
      throw EmbeddedMessages.constructor(type.getSimpleName(), null).exception();
    } catch (IllegalAccessException e) {
      throw new MappingException(
          "constructor-access",
          "The constructor of "
              + type.getSimpleName()
              + " is not accessible to Tether. Make it public, or open its package to Tether (in"
              + " module-info.java: `opens "
              + type.getPackageName()
              + ";`).");
    }
  }

  private static final MethodType SET_TYPE =
      MethodType.methodType(void.class, Object.class, Object.class);
}
