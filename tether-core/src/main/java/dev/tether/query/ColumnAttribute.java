package dev.tether.query;

import java.util.Objects;

/**
 * A mapped column field of model {@code M} whose Java type is {@code V}, as used in queries. The
 * generated metamodel ({@code Parent_}) declares one per column field:
 *
 * <pre>{@code
 * public static final ColumnAttribute<Parent, String> name =
 *     ColumnAttribute.of(Parent.class, "name", String.class);
 * }</pre>
 *
 * It names the field, not the column: the column comes from the mapping when a query is built, so
 * an attribute never goes out of step with {@code @Column}. As an {@link Expression} it makes the
 * conditions, orderings and aggregates of queries:
 *
 * <pre>{@code
 * session.select(Parent.class).where(Parent_.name.eq("p")).orderBy(Parent_.id.desc()).list();
 * }</pre>
 *
 * @param <M> the model class that declares the field
 * @param <V> the field's type (boxed for primitives)
 */
public final class ColumnAttribute<M, V> extends Expression<V> {
  private final Class<M> model;
  private final String name;
  private final Class<V> type;

  private ColumnAttribute(Class<M> model, String name, Class<V> type) {
    this.model = Objects.requireNonNull(model, "model");
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
  }

  /** The column field {@code name} (its Java name) of {@code model}, of Java type {@code type}. */
  public static <M, V> ColumnAttribute<M, V> of(Class<M> model, String name, Class<V> type) {
    return new ColumnAttribute<>(model, name, type);
  }

  /** The model class that declares the field. */
  public Class<M> model() {
    return model;
  }

  /** The field's Java name. */
  public String name() {
    return name;
  }

  /** The field's Java type (boxed for primitives). */
  public Class<V> type() {
    return type;
  }

  @Override
  Class<?> modelType() {
    return model;
  }

  @Override
  void render(SqlWriter w) {
    w.column(w.source(model, null), w.column(this));
  }

  @Override
  dev.tether.mapping.ColumnType valueType(SqlWriter w) {
    return w.column(this).type();
  }

  @Override
  Class<?> javaType(SqlWriter w) {
    return w.column(this).valueClass();
  }

  @Override
  dev.tether.mapping.ColumnMapping mapping(SqlWriter w) {
    return w.column(this);
  }

  @Override
  public String toString() {
    return model.getSimpleName() + "." + name;
  }
}
