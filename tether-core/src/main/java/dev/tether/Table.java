package dev.tether;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the table a {@link Model} subclass maps to. Without it the table name is the snake_case of
 * the class name ({@code OrderLine} → {@code order_line}).
 *
 * <pre>{@code
 * @Table("parent")
 * public class Parent extends Model { ... }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {
  /** The table name, used as written (the dialect quotes it). */
  String value();

  /**
   * Whether generated keys come back through {@code INSERT ... RETURNING} (the default where the
   * database has it). {@code false} makes Tether insert new rows one at a time and ask the
   * dialect's last-key function ({@code last_insert_rowid()}, {@code LAST_INSERT_ID()}, {@code
   * currval} of the column's sequence) after each: slower, but it works where RETURNING is refused
   * (SQLAlchemy's {@code implicit_returning=False}). On PostgreSQL a {@link Sequence} is faster:
   * one query for all the keys of a flush, and batched inserts.
   *
   * <pre>{@code
   * @Table(value = "legacy_event", implicitReturning = false)
   * }</pre>
   */
  boolean implicitReturning() default true;
}
