package dev.tether;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs during a flush, after the DELETE of the object's row (after the whole batch when rows are
 * batched); the object's state is then {@code DELETED}.
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
public @interface AfterDelete {}
