package dev.tether.query;

import java.util.Objects;

/**
 * A relationship of model {@code M} leading to model {@code T}, declared as a field or created by a
 * {@code backref}, as used in queries and loading options. The generated metamodel declares a
 * {@link OneAttribute} or {@link ManyAttribute} per relationship.
 *
 * @param <M> the model class the relationship belongs to
 * @param <T> the target model class
 */
public abstract sealed class RelationshipAttribute<M, T> permits OneAttribute, ManyAttribute {
  private final Class<M> model;
  private final String name;
  private final Class<T> target;

  RelationshipAttribute(Class<M> model, String name, Class<T> target) {
    this.model = Objects.requireNonNull(model, "model");
    this.name = Objects.requireNonNull(name, "name");
    this.target = Objects.requireNonNull(target, "target");
  }

  /** The model class the relationship belongs to. */
  public Class<M> model() {
    return model;
  }

  /** The relationship's name: its field name, or the backref name. */
  public String name() {
    return name;
  }

  /** The target model class. */
  public Class<T> target() {
    return target;
  }

  @Override
  public String toString() {
    return model.getSimpleName() + "." + name;
  }
}
