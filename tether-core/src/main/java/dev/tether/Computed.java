package dev.tether;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generated (computed) column: its value is an SQL expression over other columns of the
 * row, which the database evaluates (SQLAlchemy's {@code Computed}, Hibernate's
 * {@code @GeneratedColumn}). {@code createAll} declares it {@code GENERATED ALWAYS AS
 * (<expression>) STORED} (or {@code VIRTUAL}); Tether never writes it, and reads it back after the
 * INSERT and after every UPDATE of the row, so the field always holds what the database computed.
 *
 * <pre>{@code
 * public BigDecimal price;
 * public Integer quantity;
 * @Computed("price * quantity") public BigDecimal total;
 * }</pre>
 *
 * <p>The expression is SQL over the table's column names ({@code unit_price}, not {@code
 * unitPrice}). A new object must leave the field {@code null} and a loaded one must not change it:
 * the flush refuses with a {@link FlushException} rather than lose the value. The field's type must
 * be able to hold {@code null}, and the column's nullability follows from its expression ({@code
 * nullable = false} is refused: MariaDB cannot declare it).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Computed {
  /** The SQL expression, over the table's column names. */
  String value();

  /**
   * Whether the database stores the value ({@code STORED}, the default) or computes it when read
   * ({@code VIRTUAL}: SQLite and MariaDB; PostgreSQL before 18 stores every generated column, and
   * {@code createAll} refuses {@code stored = false} there).
   */
  boolean stored() default true;
}
