package dev.tether;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a column whose value the database writes — a trigger, or a default the model does not
 * declare (an existing schema's) — so that Tether never writes it and reads it back after the
 * statement that made the database write it (SQLAlchemy's {@code FetchedValue}, Hibernate's
 * {@code @Generated}).
 *
 * <pre>{@code
 * @Generated public LocalDateTime createdAt;                   // filled on INSERT by a trigger
 * @Generated(Generated.When.ALWAYS) public LocalDateTime updatedAt; // on INSERT and every UPDATE
 * }</pre>
 *
 * <p>{@link When#INSERT} (the default): the column is left out of every INSERT and read back after
 * it; an UPDATE writes the field when the application changed it, like any column. {@link
 * When#ALWAYS}: the column is never written, and read back after the INSERT and after every UPDATE
 * of the row. A new object must leave the field {@code null}, and an {@code ALWAYS} field must not
 * be changed: the flush refuses either with a {@link FlushException} instead of losing the value.
 * The field's type must be able to hold {@code null} ({@code Integer}, not {@code int}). Combine
 * with {@code @Column(serverDefault = ...)} to have {@code createAll} declare the default too.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Generated {
  /** When the database writes the column. */
  When value() default When.INSERT;

  /** The statements after which the database has written the column. */
  enum When {
    /** On INSERT only (a default, a {@code BEFORE INSERT} trigger). */
    INSERT,
    /** On INSERT and on every UPDATE (a trigger that stamps {@code updated_at}). */
    ALWAYS
  }
}
