package dev.tether;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs during a flush, before the UPDATE of an object whose column fields changed (foreign keys
 * copied from relationships included): a field set here is written by that same UPDATE. An object
 * whose row does not change (a change to a collection that leaves its own columns as they were)
 * gets no UPDATE and no {@code @BeforeUpdate}. Changing relationships or adding and deleting
 * objects here is refused (use {@link SessionListener#beforeFlush}).
 *
 * <pre>{@code
 * @BeforeUpdate
 * void touched() {
 *   updatedAt = Instant.now();
 * }
 * }</pre>
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
public @interface BeforeUpdate {}
