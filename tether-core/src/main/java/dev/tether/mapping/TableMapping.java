package dev.tether.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A table of the schema: its name, its columns in order, its primary key columns, and its declared
 * indexes and constraints.
 */
public final class TableMapping {
  private final String name;
  private final String modelName;
  private final List<ColumnMapping> columns = new ArrayList<>();
  private final List<ColumnMapping> keyColumns = new ArrayList<>();
  private List<TableConstraints.Resolved> constraints = List.of();

  TableMapping(String name, String modelName) {
    this.name = name;
    this.modelName = modelName;
  }

  /** The table name as declared. */
  public String name() {
    return name;
  }

  /** The simple name of the model class that maps this table (for messages), or {@code null}. */
  public String modelName() {
    return modelName;
  }

  /** The columns in declaration order (superclass fields first). */
  public List<ColumnMapping> columns() {
    return Collections.unmodifiableList(columns);
  }

  /** The primary key column when the key is a single column, else {@code null}. */
  ColumnMapping primaryKey() {
    return keyColumns.size() == 1 ? keyColumns.get(0) : null;
  }

  /** The primary key's columns, in declaration order (one, or several for a composite key). */
  public List<ColumnMapping> keyColumns() {
    return Collections.unmodifiableList(keyColumns);
  }

  /** The {@code @Version} column, or {@code null} when rows are not versioned. */
  ColumnMapping versionColumn() {
    for (ColumnMapping c : columns) {
      if (c.version()) {
        return c;
      }
    }
    return null;
  }

  /** The column with that SQL name, or {@code null}. */
  public ColumnMapping column(String columnName) {
    for (ColumnMapping c : columns) {
      if (c.name().equals(columnName)) {
        return c;
      }
    }
    return null;
  }

  /**
   * The declared indexes, composite UNIQUE and CHECK constraints, in declaration order (class
   * annotations, then {@code @Column(index = true)} fields); names not yet shortened for a dialect.
   */
  public List<TableConstraints.Resolved> constraints() {
    return constraints;
  }

  void constraints(List<TableConstraints.Resolved> resolved) {
    this.constraints = List.copyOf(resolved);
  }

  void add(ColumnMapping column) {
    columns.add(column);
    if (column.primaryKey()) {
      keyColumns.add(column);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
