package dev.tether.mapping;

import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The kinds of value a column holds, as Tether binds and reads them. The {@code sql} package maps
 * each to a SQL type and a JDBC binding per dialect; this enum only classifies. A field whose type
 * is not one of these is stored through a converter, as JSON, or (an enum by ordinal) as an {@link
 * #INTEGER}: the column then has the kind of the converted value.
 */
public enum ColumnType {
  BYTE,
  SHORT,
  INTEGER,
  LONG,
  FLOAT,
  DOUBLE,
  DECIMAL,
  BOOLEAN,
  CHAR,
  STRING,
  DATE,
  TIME,
  DATETIME,
  OFFSET_DATETIME,
  INSTANT,
  DURATION,
  UUID,
  ENUM,
  BYTES,
  /** JSON text (the field's value as Jackson writes it). */
  JSON;

  private static final Map<Class<?>, ColumnType> BY_CLASS =
      Map.ofEntries(
          Map.entry(Byte.class, BYTE),
          Map.entry(byte.class, BYTE),
          Map.entry(Short.class, SHORT),
          Map.entry(short.class, SHORT),
          Map.entry(Integer.class, INTEGER),
          Map.entry(int.class, INTEGER),
          Map.entry(Long.class, LONG),
          Map.entry(long.class, LONG),
          Map.entry(Float.class, FLOAT),
          Map.entry(float.class, FLOAT),
          Map.entry(Double.class, DOUBLE),
          Map.entry(double.class, DOUBLE),
          Map.entry(BigDecimal.class, DECIMAL),
          Map.entry(Boolean.class, BOOLEAN),
          Map.entry(boolean.class, BOOLEAN),
          Map.entry(Character.class, CHAR),
          Map.entry(char.class, CHAR),
          Map.entry(String.class, STRING),
          Map.entry(LocalDate.class, DATE),
          Map.entry(LocalTime.class, TIME),
          Map.entry(LocalDateTime.class, DATETIME),
          Map.entry(OffsetDateTime.class, OFFSET_DATETIME),
          Map.entry(Instant.class, INSTANT),
          Map.entry(Duration.class, DURATION),
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
    return "Byte/byte, Short/short, Integer/int, Long/long, Float/float, Double/double,"
        + " BigDecimal, Boolean/boolean, Character/char, String, LocalDate, LocalTime,"
        + " LocalDateTime, OffsetDateTime, Instant, Duration, UUID, enums, byte[]";
  }
}
