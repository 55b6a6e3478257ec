package dev.tether.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An embedded value of model {@code M}, of {@code @Embeddable} type {@code E}, as used in queries.
 * The annotation processor generates a subclass per embeddable ({@code Address_} for {@code
 * Address}) whose fields are the components' attributes, and declares one per embedded field in the
 * model's metamodel, so a component is an ordinary column of the owner's table:
 *
 * <pre>{@code
 * session.select(Customer.class)
 *     .where(Customer_.home.city.eq("Oslo"))                  // home_city = ?
 *     .orderBy(Customer_.home.zip.asc())
 *     .list();
 * session.select(Customer.class)
 *     .where(Customer_.home.eq(new Address("Main St 1", "0150", "Oslo")))
 *     .list();                    // home_street = ? AND home_zip = ? AND home_city = ?
 * }</pre>
 *
 * Without the processor, {@link #of} and {@link #column} name the same things by hand: {@code
 * EmbeddedAttribute.of(Customer.class, "home", Address.class).column("city", String.class)}.
 *
 * @param <M> the model class that declares the field
 * @param <E> the embeddable type
 */
public class EmbeddedAttribute<M, E> {
  private final Class<M> model;
  private final String path;
  private final Class<E> type;

  /**
   * The embedded value at {@code path} of {@code model}: the field's name, or for a value nested in
   * another the dotted path ({@code "home.geo"}). For generated subclasses.
   */
  protected EmbeddedAttribute(Class<M> model, String path, Class<E> type) {
    this.model = Objects.requireNonNull(model, "model");
    this.path = Objects.requireNonNull(path, "path");
    this.type = Objects.requireNonNull(type, "type");
  }

  /** The embedded value at {@code path} of {@code model}, of type {@code type}. */
  public static <M, E> EmbeddedAttribute<M, E> of(Class<M> model, String path, Class<E> type) {
    return new EmbeddedAttribute<>(model, path, type);
  }

  /** The model class that declares the field. */
  public final Class<M> model() {
    return model;
  }

  /** The field's name, or the dotted path of a nested value. */
  public final String path() {
    return path;
  }

  /** The embeddable type. */
  public final Class<E> type() {
    return type;
  }

  /** The column of component {@code name} (its Java name), of Java type {@code type}. */
  public final <V> ColumnAttribute<M, V> column(String name, Class<V> type) {
    return ColumnAttribute.of(model, path + "." + name, type);
  }

  /**
   * Every column equal to {@code value}'s component: {@code a = ? AND b = ?}, where a null
   * component is {@code b IS NULL}; {@code eq(null)} is {@link #isNull()}.
   */
  public final Condition eq(E value) {
    return value == null ? isNull() : new Compare(this, value);
  }

  /** Every column NULL: the value is null. */
  public final Condition isNull() {
    return new Compare(this, null);
  }

  /** Some column not NULL: the value is not null. */
  public final Condition isNotNull() {
    return Condition.not(isNull());
  }

  @Override
  public String toString() {
    return model.getSimpleName() + "." + path;
  }

  /** The columns compared with a value's components, or all IS NULL; resolved when rendered. */
  private static final class Compare extends Condition {
    private final EmbeddedAttribute<?, ?> attribute;
    private final Object value;

    Compare(EmbeddedAttribute<?, ?> attribute, Object value) {
      this.attribute = attribute;
      this.value = value;
    }

    @Override
    void render(SqlWriter w) {
      dev.tether.mapping.EmbeddedMapping e = w.embedded(attribute.model, attribute.path);
      if (value != null && !e.type().isInstance(value)) {
        throw new dev.tether.QueryException(
            "value-type",
            attribute
                + " holds "
                + e.type().getSimpleName()
                + " values, and cannot be compared with a "
                + value.getClass().getSimpleName()
                + ".");
      }
      Object[] values = e.fieldValues(value);
      List<Condition> parts = new ArrayList<>(values.length);
      for (int i = 0; i < values.length; i++) {
        dev.tether.mapping.ColumnMapping c = e.columns().get(i);
        ColumnAttribute<?, ?> column =
            ColumnAttribute.of(attribute.model, c.fieldName(), c.boxedType());
        parts.add(
            values[i] == null ? column.isNull() : new Condition.Compare(column, "=", values[i]));
      }
      Condition.and(parts.toArray(Condition[]::new)).render(w);
    }
  }
}
