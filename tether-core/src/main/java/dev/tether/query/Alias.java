package dev.tether.query;

import java.util.Objects;

/**
 * A second appearance of a model's table in one query, for self-joins and for joining the same
 * table twice. Join it with {@link Select#join(RelationshipAttribute, Alias)} and read its columns
 * with {@link #get}:
 *
 * <pre>{@code
 * Alias<Node> child = Alias.of(Node.class);
 * session.select(Node.class)
 *     .join(Node_.children, child)
 *     .where(child.get(Node_.name).eq("leaf"))
 *     .list();                                  // the nodes that have a child named "leaf"
 * }</pre>
 *
 * @param <M> the model class
 */
public final class Alias<M> {
  private final Class<M> model;
  private final String name;

  private Alias(Class<M> model, String name) {
    this.model = Objects.requireNonNull(model, "model");
    this.name = name;
  }

  /** A new alias of {@code model}. */
  public static <M> Alias<M> of(Class<M> model) {
    return new Alias<>(model, model.getSimpleName());
  }

  /** A new alias of {@code model}, called {@code name} in messages. */
  public static <M> Alias<M> of(Class<M> model, String name) {
    return new Alias<>(model, name);
  }

  /** The model class. */
  public Class<M> model() {
    return model;
  }

  /** {@code column} of this alias's row. */
  public <V> Expression<V> get(ColumnAttribute<M, V> column) {
    return new AliasedColumn<>(this, column);
  }

  @Override
  public String toString() {
    return "alias " + name;
  }

  /** A column read through an alias. */
  private static final class AliasedColumn<V> extends Expression<V> {
    private final Alias<?> alias;
    private final ColumnAttribute<?, V> column;

    AliasedColumn(Alias<?> alias, ColumnAttribute<?, V> column) {
      this.alias = alias;
      this.column = column;
    }

    @Override
    void render(SqlWriter w) {
      w.column(w.source(alias.model, alias), w.column(column));
    }

    @Override
    dev.tether.mapping.ColumnType valueType(SqlWriter w) {
      return column.valueType(w);
    }

    @Override
    Class<?> javaType(SqlWriter w) {
      return column.javaType(w);
    }

    @Override
    dev.tether.mapping.ColumnMapping mapping(SqlWriter w) {
      return column.mapping(w);
    }

    @Override
    public String toString() {
      return alias.name + "." + column.name();
    }
  }
}
