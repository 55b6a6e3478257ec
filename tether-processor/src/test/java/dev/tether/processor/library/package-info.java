/**
 * A small library schema compiled with the processor on (by Maven's test compilation, as a user's
 * models would be): an inherited key, a backref each way, a one-to-one backref from a nested class,
 * a many-to-many with a model in another package, two embedded values of one record type with a
 * record nested in it, and a model left out with {@code @SuppressWarnings("tether")}. The tests use
 * its generated metamodel and model index.
 */
package dev.tether.processor.library;
