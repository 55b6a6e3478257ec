package dev.tether;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Chooses how an enum field is stored; without it, by name.
 *
 * <pre>{@code
 * @Enumerated(EnumStorage.ORDINAL) public Priority priority;
 * @Enumerated(EnumStorage.NATIVE) public Status status;    // PostgreSQL: CREATE TYPE status ...
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Enumerated {
  /** The storage. */
  EnumStorage value();
}
