package dev.tether;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs during a flush, before the DELETE of the object's row: for objects deleted with {@code
 * session.delete}, by a delete cascade or as orphans. Rows that the database deletes itself ({@code
 * passiveDeletes} over {@code ON DELETE CASCADE}) and rows removed by {@code bulkDelete} get no
 * event.
 *
 * <p>The method is an instance method of the model (or of an abstract superclass it inherits from),
 * returns {@code void} and takes no parameter or one {@link Session}; it may be private. {@code
 * Registry.of} (and the annotation processor, at compile time) reject any other signature. Hooks of
 * superclasses run before the subclass's, then {@link ModelListener}s registered with {@link
 * Database#addModelListener}. An exception thrown here reaches the caller as an {@link
 * EventException}, and the flush is rolled back (README "Lifecycle events").
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BeforeDelete {}
