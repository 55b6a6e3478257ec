package dev.tether.query;

import dev.tether.mapping.Loading;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one relationship loads for the objects of one query, overriding its {@code @Relationship(lazy
 * = ...)}; made by the factories of {@link Load}. Options for the related objects' own
 * relationships nest with {@link #then}, which the compiler checks: the nested relationship must
 * belong to this one's target.
 *
 * <pre>{@code
 * session.select(Parent.class)
 *     .options(Load.selectin(Parent_.children).then(Load.joined(Child_.toys)))
 *     .list();
 * }</pre>
 *
 * @param <M> the model the relationship belongs to
 * @param <T> the relationship's target model
 */
public final class LoadOption<M, T> {
  final RelationshipAttribute<M, T> attribute;
  final Loading strategy;
  final List<LoadOption<?, ?>> nested;

  LoadOption(
      RelationshipAttribute<M, T> attribute, Loading strategy, List<LoadOption<?, ?>> nested) {
    this.attribute = Objects.requireNonNull(attribute, "relationship");
    this.strategy = strategy;
    this.nested = List.copyOf(nested);
  }

  /** Also applies {@code options} to the objects this relationship loads. */
  @SafeVarargs
  public final LoadOption<M, T> then(LoadOption<T, ?>... options) {
    List<LoadOption<?, ?>> all = new ArrayList<>(nested);
    for (LoadOption<T, ?> o : options) {
      all.add(o);
    }
    return new LoadOption<>(attribute, strategy, all);
  }

  @Override
  public String toString() {
    return "Load."
        + Load.factoryName(strategy)
        + "("
        + attribute.model().getSimpleName()
        + "_."
        + attribute.name()
        + ")"
        + (nested.isEmpty() ? "" : ".then(" + nested + ")");
  }
}
