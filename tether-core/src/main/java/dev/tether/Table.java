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
}
