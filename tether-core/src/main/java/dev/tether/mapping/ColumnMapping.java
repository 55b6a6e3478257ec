package dev.tether.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;

/**
 * One column of a mapped table: its SQL name, Java type, constraints, and — for columns of a model
 * — the {@link VarHandle} that reads and writes the field (resolved once at configuration).
 */
public final class ColumnMapping {
  private final TableMapping table;
  private final String fieldName;
  private final String name;
  private final Class<?> javaType;
  private final Class<?> boxedType;
  private final ColumnType type;
  private final MethodHandle getter;
  private final MethodHandle setter;
  private final boolean primaryKey;
  private final boolean nullable;
  private final boolean unique;
  private final int length;
  private final int index;
  private final String foreignKeyText;
  private final String onDelete;
  private final String onUpdate;
  private final boolean version;
  private ColumnMapping references;

  ColumnMapping(
      TableMapping table,
      String fieldName,
      String name,
      Class<?> javaType,
      VarHandle handle,
      boolean primaryKey,
      boolean nullable,
      boolean unique,
      int length,
      int index,
      String foreignKeyText,
      String onDelete,
      String onUpdate,
      boolean version) {
    this.table = table;
    this.fieldName = fieldName;
    this.name = name;
    this.javaType = javaType;
    this.boxedType = ColumnType.boxed(javaType);
    this.type = ColumnType.of(javaType);
    this.getter = handle == null ? null : erased(handle, VarHandle.AccessMode.GET, GET_TYPE);
    this.setter = handle == null ? null : erased(handle, VarHandle.AccessMode.SET, SET_TYPE);
    this.primaryKey = primaryKey;
    this.nullable = nullable;
    this.unique = unique;
    this.length = length;
    this.index = index;
    this.foreignKeyText = foreignKeyText;
    this.onDelete = onDelete;
    this.onUpdate = onUpdate;
    this.version = version;
  }

  /** The table this column belongs to. */
  public TableMapping table() {
    return table;
  }

  /** The Java field name ({@code parentId}); for columns without a field, the column name. */
  public String fieldName() {
    return fieldName;
  }

  /** The SQL column name ({@code parent_id}). */
  public String name() {
    return name;
  }

  /**
   * {@link #javaType()} with primitives boxed ({@code long} → {@code Long}); computed once, for the
   * identity map's hot path.
   */
  public Class<?> boxedType() {
    return boxedType;
  }

  /** The declared Java type of the field. */
  public Class<?> javaType() {
    return javaType;
  }

  /** The classified value type. */
  public ColumnType type() {
    return type;
  }

  /** Whether this is the primary key. */
  public boolean primaryKey() {
    return primaryKey;
  }

  /** Whether the database generates the value when it is null at insert. */
  public boolean generated() {
    return primaryKey
        && table.keyColumns().size() == 1
        && (type == ColumnType.INTEGER || type == ColumnType.LONG);
  }

  /**
   * Whether this column alone is the primary key, so that its value identifies a row in the
   * identity map.
   */
  public boolean isIdentity() {
    return primaryKey && table.keyColumns().size() == 1;
  }

  /** Whether this is the model's {@code @Version} column (optimistic locking). */
  public boolean version() {
    return version;
  }

  /** Whether the column accepts NULL. */
  public boolean nullable() {
    return nullable;
  }

  /** Whether the column carries a UNIQUE constraint. */
  public boolean unique() {
    return unique;
  }

  /**
   * Whether an index covers the column: the primary key, a UNIQUE or foreign-key column, or one
   * named by a declared index or UNIQUE constraint (MariaDB cannot index unbounded text).
   */
  public boolean indexed() {
    if (primaryKey || unique || references != null) {
      return true;
    }
    for (TableConstraints.Resolved k : table.constraints()) {
      if (k.isIndexed() && k.columns().contains(name)) {
        return true;
      }
    }
    return false;
  }

  /** Maximum length for strings, 0 for unbounded. */
  public int length() {
    return length;
  }

  /** Position of the column in its table (0-based), also the index into value snapshots. */
  public int index() {
    return index;
  }

  /** The referenced column, or {@code null} when this is not a foreign key. */
  public ColumnMapping references() {
    return references;
  }

  /** The ON DELETE action of the foreign key, or an empty string. */
  public String onDelete() {
    return onDelete;
  }

  /** The ON UPDATE action of the foreign key, or an empty string. */
  public String onUpdate() {
    return onUpdate;
  }

  String foreignKeyText() {
    return foreignKeyText;
  }

  void resolveReference(ColumnMapping target) {
    this.references = target;
  }

  static final MethodType GET_TYPE = MethodType.methodType(Object.class, Object.class);
  private static final MethodType SET_TYPE =
      MethodType.methodType(void.class, Object.class, Object.class);

  /**
   * The field access as a method handle of the erased type, so each call is an exact invocation (a
   * VarHandle called through {@code Object} adapts its type on every call: several times slower,
   * and dirty checking reads every field of every object).
   */
  static MethodHandle erased(VarHandle handle, VarHandle.AccessMode mode, MethodType type) {
    return handle.toMethodHandle(mode).asType(type);
  }

  /** Reads the field of {@code instance}. */
  public Object get(Object instance) {
    try {
      return getter.invokeExact(instance);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the field of {@code instance}; primitives take their zero value for {@code null}. */
  public void set(Object instance, Object value) {
    if (value == null && javaType.isPrimitive()) {
      value = zeroOf(javaType);
    }
    try {
      setter.invokeExact(instance, value);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object zeroOf(Class<?> primitive) {
    if (primitive == int.class) {
      return 0;
    }
    if (primitive == long.class) {
      return 0L;
    }
    if (primitive == double.class) {
      return 0.0d;
    }
    return Boolean.FALSE;
  }

  /**
   * How messages name a column: the field the user wrote, then the SQL, and for a foreign key what
   * it references: {@code Child.parentId (child.parent_id → parent.id)}.
   */
  public String describe() {
    String model = table.modelName();
    return (model == null ? "" : model + "." + fieldName + " ")
        + "("
        + this
        + (references == null ? "" : " → " + references)
        + ")";
  }

  @Override
  public String toString() {
    return table.name() + "." + name;
  }
}
