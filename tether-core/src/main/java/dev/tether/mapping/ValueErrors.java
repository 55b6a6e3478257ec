package dev.tether.mapping;

import dev.tether.ValueConversionException;

/**
 * Words every {@link ValueConversionException}: a value that could not be read, written, converted
 * or bound. Each message names the model, field and column (or the position and label of a result
 * column that has no mapping), the value, its Java type and the type wanted. The {@code sql} layer
 * and {@link ColumnMapping} use it.
 */
public final class ValueErrors {
  private static final int SHOWN = 200;

  private ValueErrors() {}

  /** A value from the database that is not a {@code target} (a date that does not parse). */
  public static ValueConversionException read(
      ColumnMapping column, Object raw, Class<?> target, Exception cause) {
    return new ValueConversionException(
        "Cannot read "
            + column.describe()
            + ": the database holds "
            + show(raw)
            + ", which is not a "
            + target.getSimpleName()
            + " ("
            + cause.getMessage()
            + "). Correct the stored value, or give the field a type (or a converter) that"
            + " holds it.",
        cause);
  }

  /** A converter, JSON mapping or enum ordinal that failed in either direction. */
  public static ValueConversionException convert(
      ColumnMapping column, String converter, boolean toColumn, Object value, Throwable cause) {
    return new ValueConversionException(
        "Cannot convert "
            + column.describe()
            + (toColumn ? " to its column" : " from its column")
            + ": "
            + converter
            + (toColumn ? " failed on the field value " : " failed on the column value ")
            + show(value)
            + (toColumn ? "" : " for a field of type " + column.javaType().getSimpleName())
            + " ("
            + cause.getMessage()
            + ").",
        cause);
  }

  /** A value of the wrong Java type for {@code column} (a query parameter). */
  public static ValueConversionException wrongType(ColumnMapping column, Object value) {
    return new ValueConversionException(
        "Cannot bind "
            + show(value)
            + " to "
            + column.describe()
            + ": the field is of type "
            + column.javaType().getSimpleName()
            + ". Pass a value of type "
            + ColumnType.boxed(column.javaType()).getSimpleName()
            + ".",
        null);
  }

  /** A computed result column (no mapping) whose value is not a {@code target}. */
  public static ValueConversionException readResult(
      int position, String label, Object raw, Class<?> target, String sql, Exception e) {
    return new ValueConversionException(
        "Cannot read result column "
            + position
            + (label == null ? "" : " ('" + label + "')")
            + ": the database returned "
            + show(raw)
            + ", which is not a "
            + target.getSimpleName()
            + " ("
            + e.getMessage()
            + ") [SQL: "
            + sql
            + "]",
        e);
  }

  /** A parameter that the dialect cannot bind as {@code type}. */
  public static ValueConversionException bind(
      int position, Object value, ColumnType type, String sql, RuntimeException e) {
    return new ValueConversionException(
        "Cannot bind parameter "
            + position
            + ": "
            + show(value)
            + " is not a value of a "
            + type
            + " column ("
            + e.getMessage()
            + ") [SQL: "
            + sql
            + "]",
        e);
  }

  /** {@code 'text' (a String)}, shortened; {@code byte[12]}; {@code NULL}. */
  static String show(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof byte[] b) {
      return "byte[" + b.length + "]";
    }
    String text = String.valueOf(value);
    if (text.length() > SHOWN) {
      text = text.substring(0, SHOWN) + "...";
    }
    return (value instanceof CharSequence ? "'" + text + "'" : text)
        + " (a "
        + value.getClass().getSimpleName()
        + ")";
  }
}
