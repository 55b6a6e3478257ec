package dev.tether.sql;

import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ColumnType;

/**
 * How to read one column of a result: its value type, and for an enum the enum class. The query
 * layer describes computed columns (counts, sums) with it; mapped columns come from their mapping.
 *
 * @param type the value type
 * @param javaType the Java class of the value (the enum class of an {@code ENUM})
 */
public record ResultColumn(ColumnType type, Class<?> javaType) {
  /** Reads as {@code column} is mapped. */
  public static ResultColumn of(ColumnMapping column) {
    return new ResultColumn(column.type(), column.javaType());
  }
}
