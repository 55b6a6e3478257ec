package dev.tether.mapping;

import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * The Java value types a column field may have. The {@code sql} package maps each to a SQL type and
 * a JDBC binding per dialect; this enum only classifies.
 */
public enum ColumnType {
  INTEGER,
  LONG,
  STRING,
  BOOLEAN,
  DOUBLE,
  DECIMAL,
  DATE,
  DATETIME,
  INSTANT,
  UUID,
  ENUM,
  BYTES;

  private static final Map<Class<?>, ColumnType> BY_CLASS =
      Map.ofEntries(
          Map.entry(Integer.class, INTEGER),
          Map.entry(int.class, INTEGER),
          Map.entry(Long.class, LONG),
          Map.entry(long.class, LONG),
          Map.entry(String.class, STRING),
          Map.entry(Boolean.class, BOOLEAN),
          Map.entry(boolean.class, BOOLEAN),
          Map.entry(Double.class, DOUBLE),
          Map.entry(double.class, DOUBLE),
          Map.entry(BigDecimal.class, DECIMAL),
          Map.entry(LocalDate.class, DATE),
          Map.entry(LocalDateTime.class, DATETIME),
          Map.entry(Instant.class, INSTANT),
          Map.entry(java.util.UUID.class, UUID),
          Map.entry(byte[].class, BYTES));

  /** The type of a field of class {@code c}, or {@code null} when it is not supported. */
  public static ColumnType of(Class<?> c) {
    if (c.isEnum()) {
      return ENUM;
    }
    return BY_CLASS.get(c);
  }

  /** {@code int → Integer}, and so on; other classes unchanged. */
  static Class<?> boxed(Class<?> c) {
    return MethodType.methodType(c).wrap().returnType();
  }

  /** The supported Java types, for error messages. */
  public static String supportedList() {
    return "Integer/int, Long/long, String, Boolean/boolean, Double/double, BigDecimal, "
        + "LocalDate, LocalDateTime, Instant, UUID, enums, byte[]";
  }
}
