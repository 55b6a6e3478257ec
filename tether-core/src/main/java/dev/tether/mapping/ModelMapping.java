package dev.tether.mapping;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything Tether knows about one model class once {@code Registry.of} has configured it: its
 * table and columns, its relationships (declared fields and generated backrefs), and a constructor
 * handle. Immutable after configuration.
 */
public final class ModelMapping {
  private final Class<?> type;
  private final TableMapping table;
  private final MethodHandle constructor;
  private final List<RelationshipMapping> relationships = new ArrayList<>();
  private final Map<String, RelationshipMapping> relationshipsByName = new LinkedHashMap<>();
  private final Map<String, ColumnMapping> columnsByField = new LinkedHashMap<>();
  private final List<ColumnMapping> fieldColumns = new ArrayList<>();
  private final List<EmbeddedMapping> embedded = new ArrayList<>();
  private final Map<String, EmbeddedMapping> embeddedByPath = new LinkedHashMap<>();
  private String keySequence;
  private boolean implicitReturning = true;
  private FilledColumns filled;
  private ModelHooks hooks = ModelHooks.NONE;

  ModelMapping(Class<?> type, TableMapping table, MethodHandle constructor) {
    this.type = type;
    this.table = table;
    this.constructor = constructor;
  }

  /** The model class. */
  public Class<?> type() {
    return type;
  }

  /** The class's simple name, as used in messages. */
  public String name() {
    return type.getSimpleName();
  }

  /** The mapped table. */
  public TableMapping table() {
    return table;
  }

  /** The column fields in table order. */
  public List<ColumnMapping> columns() {
    return table.columns();
  }

  /** The primary-key column, or {@code null} when the key has several columns. */
  public ColumnMapping id() {
    return table.primaryKey();
  }

  /** The primary key's columns (one, or several for a composite key). */
  public java.util.List<ColumnMapping> keyColumns() {
    return table.keyColumns();
  }

  /** The {@code @Version} column, or {@code null} when the model is not versioned. */
  public ColumnMapping version() {
    return table.versionColumn();
  }

  /** The {@code @Sequence} the generated key is drawn from, or {@code null}. */
  public String keySequence() {
    return keySequence;
  }

  /** Whether generated keys may come back through {@code INSERT ... RETURNING}. */
  public boolean implicitReturning() {
    return implicitReturning;
  }

  void keyGeneration(String sequence, boolean returning) {
    this.keySequence = sequence;
    this.implicitReturning = returning;
  }

  /**
   * The columns the database fills (server defaults, {@code @Generated}, {@code @Computed}), or
   * {@code null} when Tether writes them all: the common case, which the flush decides by this test
   * alone.
   */
  public FilledColumns filled() {
    return filled;
  }

  void filled(FilledColumns filled) {
    this.filled = filled;
  }

  /** The lifecycle hook methods ({@code @BeforeInsert} and its siblings), resolved. */
  public ModelHooks hooks() {
    return hooks;
  }

  void hooks(ModelHooks hooks) {
    this.hooks = hooks;
  }

  /**
   * The column mapped from the Java field {@code fieldName}, or {@code null}; an embedded value's
   * column by its path ({@code home.city}).
   */
  public ColumnMapping columnByField(String fieldName) {
    return columnsByField.get(fieldName);
  }

  /** The embedded values of the model's fields, in declaration order (nested ones not listed). */
  public List<EmbeddedMapping> embedded() {
    return Collections.unmodifiableList(embedded);
  }

  /** The embedded value at {@code path} ({@code home}, or nested {@code home.geo}), or null. */
  public EmbeddedMapping embedded(String path) {
    return embeddedByPath.get(path);
  }

  /**
   * Whether {@code name} is a field of the model: a column, an embedded value or a relationship.
   */
  public boolean hasField(String name) {
    return columnsByField.containsKey(name)
        || embeddedByPath.containsKey(name)
        || relationshipsByName.containsKey(name);
  }

  /**
   * Writes {@code values} (column values, indexed like the table's columns) into {@code instance}'s
   * column fields: each column of a field on its own, each embedded value made once from its
   * columns (null when they are all NULL). A model without embedded values just sets its fields. A
   * NULL column of a primitive component of a value that exists becomes zero in {@code values} too,
   * as in the value.
   */
  public void writeColumns(Object instance, Object[] values) {
    for (ColumnMapping c : fieldColumns) {
      c.set(instance, values[c.index()]);
    }
    for (EmbeddedMapping e : embedded) {
      e.store(instance, e.assemble(values));
    }
  }

  /** The column values of {@code instance}, indexed like the table's columns. */
  public Object[] readColumns(Object instance) {
    List<ColumnMapping> columns = table.columns();
    Object[] values = new Object[columns.size()];
    for (ColumnMapping c : columns) {
      values[c.index()] = c.get(instance);
    }
    return values;
  }

  /** Every relationship, declared ones first, then generated backrefs. */
  public List<RelationshipMapping> relationships() {
    return Collections.unmodifiableList(relationships);
  }

  /** The relationship (declared or backref) named {@code name}, or {@code null}. */
  public RelationshipMapping relationship(String name) {
    return relationshipsByName.get(name);
  }

  /** Names of every column field, embedded value and relationship, for suggestions. */
  public List<String> attributeNames() {
    List<String> names = new ArrayList<>(columnsByField.keySet());
    names.addAll(embeddedByPath.keySet());
    names.addAll(relationshipsByName.keySet());
    return names;
  }

  /** Names of the relationships only. */
  public List<String> relationshipNames() {
    return new ArrayList<>(relationshipsByName.keySet());
  }

  /** A new, empty instance through the no-argument constructor. */
  public Object newInstance() {
    try {
      return constructor.invoke();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("constructor of " + name() + " failed", t);
    }
  }

  void addColumn(ColumnMapping column) {
    table.add(column);
    columnsByField.put(column.fieldName(), column);
    fieldColumns.add(column);
  }

  /** Adds a column of an embedded value, which {@link #writeColumns} sets through the value. */
  void addEmbeddedColumn(ColumnMapping column) {
    table.add(column);
    columnsByField.put(column.fieldName(), column);
  }

  /** Adds an embedded value; a nested one ({@code top} false) is found by path only. */
  void addEmbedded(EmbeddedMapping value, boolean top) {
    embeddedByPath.put(value.path(), value);
    if (top) {
      embedded.add(value);
    }
  }

  void addRelationship(RelationshipMapping relationship) {
    relationships.add(relationship);
    relationshipsByName.put(relationship.name(), relationship);
  }

  @Override
  public String toString() {
    return name();
  }
}
