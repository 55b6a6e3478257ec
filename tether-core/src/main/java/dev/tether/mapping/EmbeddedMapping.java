package dev.tether.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An {@code @Embeddable} value as one model maps it: the field (or, nested, the component) that
 * holds it, and its parts in declaration order, each a column of the owner's table or a nested
 * embedded value. Built by {@link EmbeddedReader}; immutable after configuration.
 *
 * <p>The columns are ordinary {@link ColumnMapping}s of the owner: their get handle reads through
 * the value ({@code customer.home.city()}, null when the value is null), so snapshots, the dirty
 * check, INSERT and UPDATE see plain column values and never this class. Only writing needs it: one
 * column at a time ({@link #setPart}: a new value with that part replaced, since a record cannot
 * change) or a whole row at once ({@link #assemble}: the value, or null when every column is NULL).
 */
public final class EmbeddedMapping {
  private final String path;
  private final Class<?> type;
  private final EmbeddedMapping parent;
  private final int indexInParent;
  private final MethodHandle valueGetter;
  private final MethodHandle fieldSetter;
  private final List<Object> parts = new ArrayList<>();
  private final List<MethodHandle> partGetters = new ArrayList<>();
  private final List<MethodHandle> partSetters = new ArrayList<>();
  private final List<ColumnMapping> columns = new ArrayList<>();
  private MethodHandle create;
  private boolean viaConstructor;
  private Object[] defaults;
  private boolean collapses;

  /**
   * @param valueGetter {@code (Object owner)Object}: this value of a model instance
   * @param fieldSetter {@code (Object owner, Object value)void} for a model's field; null when
   *     nested
   */
  EmbeddedMapping(
      String path,
      Class<?> type,
      EmbeddedMapping parent,
      int indexInParent,
      MethodHandle valueGetter,
      MethodHandle fieldSetter) {
    this.path = path;
    this.type = type;
    this.parent = parent;
    this.indexInParent = indexInParent;
    this.valueGetter = valueGetter;
    this.fieldSetter = fieldSetter;
  }

  /** The field's name, or the dotted path of a nested value ({@code home.geo}). */
  public String path() {
    return path;
  }

  /** The {@code @Embeddable} class. */
  public Class<?> type() {
    return type;
  }

  /** The columns of this value, nested ones included, in declaration order. */
  public List<ColumnMapping> columns() {
    return Collections.unmodifiableList(columns);
  }

  /** Reads the value of {@code owner} (a model instance); null when the field is. */
  public Object get(Object owner) {
    try {
      return valueGetter.invokeExact(owner);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The field values of {@code value}'s columns, in the order of {@link #columns()}; all null for a
   * null value (the values a query compares the columns with).
   */
  public Object[] fieldValues(Object value) {
    Object[] out = new Object[columns.size()];
    fill(value, out, 0);
    return out;
  }

  private int fill(Object value, Object[] out, int at) {
    for (int i = 0; i < parts.size(); i++) {
      Object v = value == null ? null : read(partGetters.get(i), value);
      if (parts.get(i) instanceof EmbeddedMapping nested) {
        at = nested.fill(v, out, at);
      } else {
        out[at++] = v;
      }
    }
    return at;
  }

  // ---- configuration (EmbeddedReader) ----------------------------------------------------------

  /** The parent value's getter composed with {@code getter}, null-safe: a part of an owner. */
  MethodHandle throughValue(MethodHandle getter) {
    MethodHandle nullSafe = MethodHandles.guardWithTest(IS_NULL, NULL_OF_OBJECT, getter);
    return MethodHandles.filterReturnValue(valueGetter, nullSafe);
  }

  /** The number of parts added so far: the index of the next. */
  int partCount() {
    return parts.size();
  }

  /** {@code (Object owner, Object value)void}: sets the part that {@link #addPart} adds next. */
  MethodHandle nextPartSetter() {
    return MethodHandles.insertArguments(SET_PART.bindTo(this), 1, parts.size());
  }

  /**
   * Adds a part: a column or a nested value, read from an instance by {@code getter} ({@code
   * (Object)Object}) and, for a class, written by {@code setter} (null for a record).
   */
  void addPart(Object part, MethodHandle getter, MethodHandle setter) {
    parts.add(part);
    partGetters.add(getter);
    partSetters.add(setter);
    if (part instanceof ColumnMapping c) {
      columns.add(c);
    } else {
      columns.addAll(((EmbeddedMapping) part).columns);
    }
  }

  /**
   * Sets how values are made: a record's canonical constructor ({@code viaConstructor}), or a
   * class's no-argument constructor followed by the part setters; {@code create} is erased to
   * {@code (Object[])Object} or {@code ()Object}.
   */
  void creation(MethodHandle create, boolean viaConstructor) {
    this.create = create;
    this.viaConstructor = viaConstructor;
    this.defaults = new Object[parts.size()];
    this.collapses = true;
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i) instanceof ColumnMapping c && c.javaType().isPrimitive()) {
        defaults[i] = ColumnMapping.zeroOf(c.javaType());
        collapses = false;
      }
    }
  }

  // ---- writing ---------------------------------------------------------------------------------

  /**
   * Sets part {@code part} of {@code owner}'s value to {@code value}: a new value with the other
   * parts copied (a null value's other parts are null or zero), or null when that leaves every part
   * null. A mutable class is copied too, so that a value two owners share never changes under one
   * of them.
   */
  void setPart(Object owner, int part, Object value) {
    Object current = get(owner);
    if (current == null && value == null) {
      return;
    }
    Object[] values = current == null ? defaults.clone() : partsOf(current);
    values[part] = value;
    store(owner, collapses && allNull(values) ? null : create(values));
  }

  /** Replaces {@code owner}'s whole value. */
  void store(Object owner, Object value) {
    if (parent != null) {
      parent.setPart(owner, indexInParent, value);
      return;
    }
    try {
      fieldSetter.invokeExact(owner, value);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The value of a row's columns ({@code row} indexed like the owner's table, column values as
   * read): null when every column is NULL, as in Hibernate. A NULL column of a primitive part of a
   * value that is not null reads as zero, and {@code row} is made to say so, so that a snapshot
   * taken from it matches the value (as a model's primitive field reads NULL as zero).
   */
  Object assemble(Object[] row) {
    Object[] values = new Object[parts.size()];
    boolean any = false;
    for (int i = 0; i < values.length; i++) {
      Object v;
      if (parts.get(i) instanceof ColumnMapping c) {
        Object column = row[c.index()];
        any |= column != null;
        v = column == null ? defaults[i] : c.fromColumnValue(column);
      } else {
        v = ((EmbeddedMapping) parts.get(i)).assemble(row);
        any |= v != null;
      }
      values[i] = v;
    }
    if (!any) {
      return null;
    }
    if (!collapses) {
      for (int i = 0; i < values.length; i++) {
        if (parts.get(i) instanceof ColumnMapping c && row[c.index()] == null) {
          row[c.index()] = c.toColumnValue(values[i]); // null, or a primitive's zero
        }
      }
    }
    return create(values);
  }

  private Object[] partsOf(Object value) {
    Object[] values = new Object[parts.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = read(partGetters.get(i), value);
    }
    return values;
  }

  private static boolean allNull(Object[] values) {
    for (Object v : values) {
      if (v != null) {
        return false;
      }
    }
    return true;
  }

  private Object create(Object[] values) {
    try {
      if (viaConstructor) {
        return create.invokeExact(values);
      }
      Object o = create.invokeExact();
      for (int i = 0; i < values.length; i++) {
        partSetters.get(i).invokeExact(o, values[i]);
      }
      return o;
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("creating a " + type.getSimpleName() + " failed", e);
    }
  }

  private static Object read(MethodHandle getter, Object value) {
    try {
      return getter.invokeExact(value);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return type.getSimpleName() + " " + path;
  }

  private static final MethodHandle SET_PART;
  private static final MethodHandle IS_NULL;
  private static final MethodHandle NULL_OF_OBJECT =
      MethodHandles.dropArguments(MethodHandles.constant(Object.class, null), 0, Object.class);

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      SET_PART =
          lookup.findVirtual(
              EmbeddedMapping.class,
              "setPart",
              MethodType.methodType(void.class, Object.class, int.class, Object.class));
      IS_NULL =
          lookup.findStatic(
              Objects.class, "isNull", MethodType.methodType(boolean.class, Object.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
