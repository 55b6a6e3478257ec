package dev.tether;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the version column of a model: optimistic locking. One {@code Integer}, {@code int}, {@code
 * Long} or {@code long} field per model, not the {@code @Id}.
 *
 * <p>Tether writes the version, the application only reads it: an insert stores 1 (when the field
 * is {@code null} or 0); every UPDATE sets it to the loaded value + 1 and every UPDATE and DELETE
 * of the row adds {@code AND version = <loaded value>} to its WHERE clause. When that matches no
 * row, another transaction changed or deleted the row since this session loaded it: the flush fails
 * with {@link StaleObjectException}, is rolled back, and the changes stay pending.
 *
 * <pre>{@code
 * public class Account extends Model {
 *   @Id public Integer id;
 *   public long balance;
 *   @Version public Integer version;
 * }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Version {}
