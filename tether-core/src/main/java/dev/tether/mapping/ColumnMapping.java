package dev.tether.mapping;

import dev.tether.EnumStorage;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * One column of a mapped table: its SQL name, Java type, constraints, and — for columns of a model
 * — the {@link VarHandle} that reads and writes the field (resolved once at configuration).
 *
 * <p>{@link #get} and {@link #set} speak <em>column values</em>: for a field stored through a
 * converter, by enum ordinal or as JSON, the conversion is composed into the field's handles at
 * configuration ({@link #storeThrough}), so snapshots, dirty checks, binding and the identity map
 * above this layer never convert anything, and a plain column pays nothing.
 */
public final class ColumnMapping {
  private final TableMapping table;
  private final String fieldName;
  private final String name;
  private final Class<?> javaType;
  private final Class<?> boxedType;
  private ColumnType type;
  private Class<?> valueClass;
  private ValueCodec codec;
  private MethodHandle getter;
  private MethodHandle setter;
  private int precision;
  private int scale;
  private EnumStorage enumStorage = EnumStorage.NAME;
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
  private ColumnFill fill = ColumnFill.TETHER;
  private String serverDefault;
  private String computedExpression;
  private boolean computedStored;

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
    this.valueClass = javaType;
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

  /** The kind of value the column holds (for a converted field, that of the converted value). */
  public ColumnType type() {
    return type;
  }

  /**
   * The Java class of the column's values, as {@link #get} returns them and the dialect reads them:
   * the field's type, or for a converted field the converter's column type ({@code Integer} for an
   * enum by ordinal, {@code String} for JSON).
   */
  public Class<?> valueClass() {
    return valueClass;
  }

  /** Whether the field's value is converted to the column's ({@link #storeThrough}). */
  public boolean converted() {
    return codec != null;
  }

  /** Total digits of a decimal column, 0 for the dialect's default. */
  public int precision() {
    return precision;
  }

  /** Digits after the decimal point of a decimal column. */
  public int scale() {
    return scale;
  }

  /** How an enum column is stored. */
  public EnumStorage enumStorage() {
    return enumStorage;
  }

  /**
   * The name of the database's enum type for an {@link EnumStorage#NATIVE} column: the enum class's
   * simple name in snake_case ({@code OrderStatus → order_status}).
   */
  public String enumTypeName() {
    return Names.snake(javaType.getSimpleName());
  }

  /** The constants' names of an enum column, in declaration order. */
  public java.util.List<String> enumLabels() {
    return Arrays.stream(javaType.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
  }

  /**
   * The column value of {@code fieldValue} (a query parameter compared with this column): converted
   * when the field is, and refused with a {@link dev.tether.ValueConversionException} when it is
   * not a value of the field's type.
   */
  public Object toColumnValue(Object fieldValue) {
    if (fieldValue == null) {
      return null;
    }
    if (!boxedType.isInstance(fieldValue)) {
      throw ValueErrors.wrongType(this, fieldValue);
    }
    return codec == null ? fieldValue : encode(fieldValue);
  }

  /** The field value of a column value (a selected column's value handed to the application). */
  public Object fromColumnValue(Object columnValue) {
    return codec == null ? columnValue : decode(columnValue);
  }

  /**
   * A column value as the dialect read it, made equal to what {@link #get} gives for the same field
   * value (JSON text: the database's spacing and key order become Jackson's). Only called for
   * {@link #converted()} columns.
   */
  public Object normalize(Object columnValue) {
    if (columnValue == null) {
      return null;
    }
    try {
      return codec.normalize(columnValue);
    } catch (RuntimeException e) {
      throw ValueErrors.convert(this, codec.describe(), false, columnValue, e);
    }
  }

  /**
   * Whether two column values differ: {@code byte[]} by content, decimals by value (12.30 equals
   * 12.3), offset date-times by instant (a value read back in UTC equals the one written with an
   * offset). The same reference — an untouched field against its snapshot — is decided first.
   */
  public boolean differs(Object a, Object b) {
    if (a == b) {
      return false;
    }
    if (a == null || b == null) {
      return true;
    }
    return switch (type) {
      case BYTES -> a instanceof byte[] x && b instanceof byte[] y ? !Arrays.equals(x, y) : true;
      case DECIMAL ->
          a instanceof BigDecimal x && b instanceof BigDecimal y
              ? x.compareTo(y) != 0
              : !a.equals(b);
      case OFFSET_DATETIME ->
          a instanceof OffsetDateTime x && b instanceof OffsetDateTime y
              ? !x.isEqual(y)
              : !a.equals(b);
      default -> !a.equals(b);
    };
  }

  /**
   * Stores the field through {@code codec}: the column holds values of {@code kind} and class
   * {@code columnClass}, and the field's handles convert on the way (configuration only).
   */
  void storeThrough(ValueCodec codec, ColumnType kind, Class<?> columnClass) {
    this.codec = codec;
    this.type = kind;
    this.valueClass = columnClass;
    if (getter != null) {
      getter = MethodHandles.filterReturnValue(getter, ENCODE.bindTo(this));
      setter = MethodHandles.filterArguments(setter, 1, DECODE.bindTo(this));
    }
  }

  /**
   * Reads and writes the column through {@code getter} ({@code (Object)Object}) and {@code setter}
   * ({@code (Object, Object)void}) instead of a field of the model: an embedded value's column.
   * Before {@link #storeThrough}, which composes onto them. A primitive component's column is read
   * as its boxed type, since it is NULL when the value is null.
   */
  void access(MethodHandle getter, MethodHandle setter) {
    this.getter = getter;
    this.setter = setter;
    this.valueClass = boxedType;
  }

  /** Who writes the column ({@link DatabaseValues}, configuration only). */
  void databaseValue(
      ColumnFill fill, String serverDefault, String computedExpression, boolean stored) {
    this.fill = fill;
    this.serverDefault = serverDefault;
    this.computedExpression = computedExpression;
    this.computedStored = stored;
  }

  /** Who writes the column's value: Tether, or the database (a default, a trigger, a formula). */
  public ColumnFill fill() {
    return fill;
  }

  /** The SQL of the column's declared server default, or {@code null}. */
  public String serverDefault() {
    return serverDefault;
  }

  /** The SQL expression of a computed ({@code @Computed}) column, or {@code null}. */
  public String computedExpression() {
    return computedExpression;
  }

  /** Whether a computed column is stored ({@code STORED}) rather than {@code VIRTUAL}. */
  public boolean computedStored() {
    return computedStored;
  }

  void decimal(int precision, int scale) {
    this.precision = precision;
    this.scale = scale;
  }

  void enumStorage(EnumStorage storage) {
    this.enumStorage = storage;
  }

  private Object encode(Object fieldValue) {
    if (fieldValue == null) {
      return null;
    }
    try {
      return codec.toColumn(fieldValue);
    } catch (RuntimeException e) {
      throw ValueErrors.convert(this, codec.describe(), true, fieldValue, e);
    }
  }

  private Object decode(Object columnValue) {
    if (columnValue == null) {
      return null;
    }
    try {
      return codec.fromColumn(columnValue);
    } catch (RuntimeException e) {
      throw ValueErrors.convert(this, codec.describe(), false, columnValue, e);
    }
  }

  private static final MethodHandle ENCODE;
  private static final MethodHandle DECODE;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      MethodType convert = MethodType.methodType(Object.class, Object.class);
      ENCODE = lookup.findVirtual(ColumnMapping.class, "encode", convert);
      DECODE = lookup.findVirtual(ColumnMapping.class, "decode", convert);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
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

  static Object zeroOf(Class<?> primitive) {
    if (primitive == int.class) {
      return 0;
    }
    if (primitive == long.class) {
      return 0L;
    }
    if (primitive == double.class) {
      return 0.0d;
    }
    if (primitive == float.class) {
      return 0.0f;
    }
    if (primitive == short.class) {
      return (short) 0;
    }
    if (primitive == byte.class) {
      return (byte) 0;
    }
    if (primitive == char.class) {
      return '\0';
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
