package dev.tether;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A table-level UNIQUE constraint over several columns (SQLAlchemy's {@code UniqueConstraint}): no
 * two rows may hold the same combination of values. Repeatable. A violation at flush is an {@link
 * IntegrityException} whose {@code constraint()} is this constraint's name.
 *
 * <pre>{@code
 * @UniqueConstraint(columns = {"orderId", "position"})   // uq_order_line_order_id_position
 * public class OrderLine extends Model { ... }
 * }</pre>
 *
 * <p>For a single column, {@code @Column(unique = true)} says the same on the field.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(UniqueConstraint.List.class)
public @interface UniqueConstraint {
  /** The fields, by Java field name; a column name is accepted too. At least one. */
  String[] columns();

  /**
   * The constraint name; empty derives {@code uq_<table>_<column>_<column>...}, shortened with a
   * hash to the database's identifier limit.
   */
  String name() default "";

  /** The container of repeated {@code @UniqueConstraint} annotations (written by the compiler). */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    /** The repeated annotations. */
    UniqueConstraint[] value();
  }
}
