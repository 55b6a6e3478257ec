/** Fixtures for {@code CodeShapeTest}: three small classes with one cycle and one field access. */
package dev.tether.shape;
