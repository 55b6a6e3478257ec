package dev.tether;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a field through a {@link ColumnConverter}. On a field, that field; on a class of your own
 * that is a field type (a value class such as {@code Money}), every field of that type in every
 * model.
 *
 * <pre>{@code
 * @Convert(PathConverter.class) public Path home;        // one field
 *
 * @Convert(MoneyConverter.class)                         // every Money field
 * public record Money(BigDecimal amount) {}
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
public @interface Convert {
  /** The converter; it needs a public no-argument constructor. */
  @SuppressWarnings("rawtypes")
  Class<? extends ColumnConverter> value();
}
