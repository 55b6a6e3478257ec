/**
 * Runnable examples. {@link dev.tether.examples.SeedsDemo} walks through the three wirings of a
 * relationship — neither, {@code backPopulates}, {@code backref} — using the models in this
 * package: one small file per wiring, each holding a {@code Parent} and a {@code Child} mapped to
 * the same two tables, {@code parent(id)} and {@code child(id, parent_id)}. It ends with a
 * many-to-many ({@link dev.tether.examples.ArticlesAndTags}) and a self-referential tree ({@link
 * dev.tether.examples.Tree}). Only the public API ({@code dev.tether}) is used here.
 */
package dev.tether.examples;
