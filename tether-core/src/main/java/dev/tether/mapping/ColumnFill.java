package dev.tether.mapping;

/**
 * Who writes a column's value, read from {@code @Column(serverDefault)}, {@code @Generated} and
 * {@code @Computed} by {@link DatabaseValues}; the flush asks it which columns an INSERT or UPDATE
 * leaves out and which values it reads back ({@link FilledColumns}).
 */
public enum ColumnFill {
  /** Tether writes the field on INSERT and UPDATE: a plain column. */
  TETHER,
  /**
   * A server default: a {@code null} field is left out of the INSERT (the default applies, and is
   * read back); any other value is written. UPDATEs write it like any column.
   */
  DEFAULT_WHEN_NULL,
  /** The database writes it on INSERT ({@code @Generated}); UPDATEs write it like any column. */
  DATABASE_ON_INSERT,
  /**
   * The database always writes it ({@code @Generated(ALWAYS)}, {@code @Computed}): never Tether.
   */
  DATABASE_ALWAYS;

  /** Whether the database writes the column on INSERT whatever the field holds. */
  public boolean insertedByDatabase() {
    return this == DATABASE_ON_INSERT || this == DATABASE_ALWAYS;
  }
}
