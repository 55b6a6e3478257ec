package dev.tether.sql;

import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ColumnType;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How to read one column of a result: its value type, for an enum the enum class, and for a mapped
 * column its mapping (whose conversion applies, and whose name an unreadable value's error gives).
 * The query layer describes computed columns (counts, sums) without a mapping.
 *
 * @param type the value type
 * @param javaType the Java class of the value (the enum class of an {@code ENUM})
 * @param column the mapped column the values come from, or null for a computed one
 * @param toField whether the application receives the value (converted to the field's type) rather
 *     than an object's field through its mapping (the column value)
 */
public record ResultColumn(
    ColumnType type, Class<?> javaType, ColumnMapping column, boolean toField) {
  /** A computed column: no mapping. */
  public ResultColumn(ColumnType type, Class<?> javaType) {
    this(type, javaType, null, false);
  }

  /** Reads column values of {@code column} for an object's fields (hydration). */
  public static ResultColumn of(ColumnMapping column) {
    return new ResultColumn(column.type(), column.valueClass(), column, false);
  }

  /** Reads values for the application: converted to the field's type when {@code column} is. */
  public static ResultColumn value(ColumnType type, Class<?> javaType, ColumnMapping column) {
    return new ResultColumn(type, javaType, column, true);
  }

  Object read(Dialect dialect, ResultSet rs, int i) throws SQLException {
    if (column == null) {
      return dialect.read(rs, i, type, javaType);
    }
    Object v = dialect.read(rs, i, column);
    return toField ? column.fromColumnValue(v) : v;
  }
}
