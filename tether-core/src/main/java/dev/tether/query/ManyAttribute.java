package dev.tether.query;

/**
 * A one-to-many or many-to-many relationship ({@code Many<T>}) of model {@code M}.
 *
 * <pre>{@code
 * public static final ManyAttribute<Parent, Child> children =
 *     ManyAttribute.of(Parent.class, "children", Child.class);
 * }</pre>
 *
 * @param <M> the model class the relationship belongs to
 * @param <T> the element model class
 */
public final class ManyAttribute<M, T> extends RelationshipAttribute<M, T> {
  private ManyAttribute(Class<M> model, String name, Class<T> target) {
    super(model, name, target);
  }

  /** The {@code Many} relationship {@code name} of {@code model}, holding {@code target}s. */
  public static <M, T> ManyAttribute<M, T> of(Class<M> model, String name, Class<T> target) {
    return new ManyAttribute<>(model, name, target);
  }

  /**
   * {@code EXISTS} a member matching {@code criteria}: the owners with at least one such member.
   *
   * <pre>{@code
   * session.select(Parent.class).where(Parent_.children.any(Child_.name.eq("c1"))).list();
   * }</pre>
   */
  public Condition any(Condition criteria) {
    return new Condition.Exists(this, java.util.Objects.requireNonNull(criteria, "criteria"));
  }

  /** {@code EXISTS} a member: the owners whose collection is not empty. */
  public Condition any() {
    return new Condition.Exists(this, null);
  }
}
