package dev.tether;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A table-level CHECK constraint (SQLAlchemy's {@code CheckConstraint}): an SQL condition every row
 * must satisfy, enforced by the database on INSERT and UPDATE. Repeatable. A violation at flush is
 * an {@link IntegrityException} whose {@code constraint()} is this constraint's name.
 *
 * <pre>{@code
 * @Check("unit_price > 0")                                  // ck_product_unit_price
 * @Check(value = "stock >= 0 AND stock <= 10000", name = "ck_stock_range")
 * public class Product extends Model { ... }
 * }</pre>
 *
 * <p>The condition is SQL, written into the DDL as it is, so it names <em>columns</em> ({@code
 * unit_price}), not Java fields: {@code Registry.of} refuses a condition that names a field whose
 * column is called otherwise. Keep it to portable SQL when the model runs on several databases.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Check.List.class)
public @interface Check {
  /** The SQL condition, over the table's column names: {@code "unit_price > 0"}. */
  String value();

  /**
   * The constraint name; empty derives {@code ck_<table>_<columns the condition names>}, shortened
   * with a hash to the database's identifier limit.
   */
  String name() default "";

  /** The container of repeated {@code @Check} annotations (written by the compiler). */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    /** The repeated annotations. */
    Check[] value();
  }
}
