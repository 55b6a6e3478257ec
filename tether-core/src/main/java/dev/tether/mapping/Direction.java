package dev.tether.mapping;

/**
 * Which side of a foreign key a relationship stands on, derived from where the key is (the field
 * type decides only for a table that references itself).
 */
public enum Direction {
  /** The foreign key is on this side's table: {@code Child.parent}. */
  MANY_TO_ONE,
  /** The foreign key is on the target's table: {@code Parent.children} (or a one-to-one parent). */
  ONE_TO_MANY,
  /** Through an association table. */
  MANY_TO_MANY
}
