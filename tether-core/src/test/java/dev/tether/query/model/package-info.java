/**
 * The shared fixture of the query tests: {@code Parent → Child → Toy} (one-to-many at each step)
 * and {@code Parent ↔ Tag} (many-to-many), with their metamodel classes ({@code Parent_}, ...)
 * written by hand exactly as the annotation processor will generate them.
 */
package dev.tether.query.model;
