package dev.tether;

/**
 * How an enum field is stored, chosen with {@link Enumerated @Enumerated}.
 *
 * <pre>{@code
 * @Enumerated(EnumStorage.NATIVE) public Status status;
 * }</pre>
 */
public enum EnumStorage {
  /** The constant's name as text (the default): readable, and safe when constants are reordered. */
  NAME,
  /**
   * The constant's position ({@code ordinal()}) as an integer: compact, but adding a constant
   * anywhere but at the end, or reordering them, changes the meaning of stored rows.
   */
  ORDINAL,
  /**
   * The database's own enum type: on PostgreSQL a type {@code CREATE TYPE status AS ENUM (...)}
   * that {@code createAll} creates (named in snake_case after the enum class), on MariaDB a column
   * of type {@code ENUM('A', 'B')}; SQLite, which has none, stores the name. Both databases sort
   * such a column in declaration order, and refuse a name that is not a constant.
   */
  NATIVE
}
