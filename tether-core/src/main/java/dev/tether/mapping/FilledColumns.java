package dev.tether.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of one model that the database fills ({@link ColumnFill}), sorted once at
 * configuration into the lists the flush needs: which columns an INSERT may carry, which it leaves
 * out when they are {@code null}, and which values come back after an INSERT or an UPDATE. A model
 * without such columns has none ({@link ModelMapping#filled()} is {@code null}), so its flush does
 * no work for them.
 */
public final class FilledColumns {
  private final List<ColumnMapping> insertable;
  private final List<ColumnMapping> defaulted;
  private final List<ColumnMapping> insertedByDatabase;
  private final List<ColumnMapping> updatedByDatabase;

  private FilledColumns(List<ColumnMapping> columns) {
    List<ColumnMapping> insertable = new ArrayList<>();
    List<ColumnMapping> defaulted = new ArrayList<>();
    List<ColumnMapping> inserted = new ArrayList<>();
    List<ColumnMapping> updated = new ArrayList<>();
    for (ColumnMapping c : columns) {
      switch (c.fill()) {
        case TETHER -> insertable.add(c);
        case DEFAULT_WHEN_NULL -> {
          insertable.add(c);
          defaulted.add(c);
        }
        case DATABASE_ON_INSERT -> inserted.add(c);
        case DATABASE_ALWAYS -> {
          inserted.add(c);
          updated.add(c);
        }
      }
    }
    this.insertable = List.copyOf(insertable);
    this.defaulted = List.copyOf(defaulted);
    this.insertedByDatabase = List.copyOf(inserted);
    this.updatedByDatabase = List.copyOf(updated);
  }

  /** The lists for {@code columns}, or {@code null} when Tether writes every one of them. */
  static FilledColumns of(List<ColumnMapping> columns) {
    for (ColumnMapping c : columns) {
      if (c.fill() != ColumnFill.TETHER) {
        return new FilledColumns(columns);
      }
    }
    return null;
  }

  /** The columns an INSERT may write, in table order: all but those the database fills. */
  public List<ColumnMapping> insertable() {
    return insertable;
  }

  /** The columns with a server default: left out of an INSERT when null, then read back. */
  public List<ColumnMapping> defaulted() {
    return defaulted;
  }

  /** The columns the database writes on every INSERT, read back after it. */
  public List<ColumnMapping> insertedByDatabase() {
    return insertedByDatabase;
  }

  /** The columns the database writes on every UPDATE (and INSERT), read back after each. */
  public List<ColumnMapping> updatedByDatabase() {
    return updatedByDatabase;
  }
}
