package dev.tether;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets how a field of an {@link Embeddable} type is stored. Optional: a field of an
 * {@code @Embeddable} type is embedded without it, its columns named {@code <field>_<component>} in
 * snake_case ({@code home} + {@code zipCode} → {@code home_zip_code}).
 *
 * <pre>{@code
 * @Embedded(prefix = "bill_") public Address billing;             // bill_street, bill_city, ...
 * @Embedded(prefix = "", nullable = false) public Money price;    // amount, currency: NOT NULL
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Embedded {
  /**
   * The marker that {@link #prefix} defaults to, which stands for the field's name in snake_case
   * and {@code _}; not a prefix to write.
   */
  String DEFAULT_PREFIX = "\0field_";

  /**
   * What each component's column name starts with: the column is this prefix followed by the
   * component's column name ({@code @Column(name)}, or its field name in snake_case). {@code ""}
   * uses the components' names as they are. Defaults to the field's name in snake_case and {@code
   * _}.
   */
  String prefix() default DEFAULT_PREFIX;

  /**
   * Whether the field may be null. When it may (the default), a null value writes NULL to every
   * column, so every column is nullable, whatever the components declare. With {@code false}, each
   * column is NOT NULL when its component is (a primitive, or {@code @Column(nullable = false)}),
   * and a null value fails at flush like any NULL in a NOT NULL column.
   */
  boolean nullable() default true;
}
