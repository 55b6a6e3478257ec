package dev.tether;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs each time Tether sets the object's column fields from a database row: when a query, a {@code
 * get} or a lazy load creates the object, when {@code session.refresh} reads its row again, and
 * when an expired object is read again. A row whose object the session already holds (an
 * identity-map hit) does not run it. Relationships may not be loaded yet when it runs; it is meant
 * for fields derived from the columns.
 *
 * <pre>{@code
 * transient String initial;   // transient: not a column
 *
 * @AfterLoad
 * void derive() {
 *   initial = name.substring(0, 1);
 * }
 * }</pre>
 *
 * <p>The method is an instance method of the model (or of an abstract superclass it inherits from),
 * returns {@code void} and takes no parameter or one {@link Session}; it may be private. {@code
 * Registry.of} (and the annotation processor, at compile time) reject any other signature. Hooks of
 * superclasses run before the subclass's, then {@link ModelListener}s registered with {@link
 * Database#addModelListener}. An exception thrown here reaches the caller as an {@link
 * EventException}, and the query or load fails (README "Lifecycle events").
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AfterLoad {}
