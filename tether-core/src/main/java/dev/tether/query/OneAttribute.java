package dev.tether.query;

/**
 * A many-to-one or one-to-one relationship ({@code One<T>}) of model {@code M}.
 *
 * <pre>{@code
 * public static final OneAttribute<Child, Parent> parent =
 *     OneAttribute.of(Child.class, "parent", Parent.class);
 * }</pre>
 *
 * @param <M> the model class the relationship belongs to
 * @param <T> the target model class
 */
public final class OneAttribute<M, T> extends RelationshipAttribute<M, T> {
  private OneAttribute(Class<M> model, String name, Class<T> target) {
    super(model, name, target);
  }

  /** The {@code One} relationship {@code name} of {@code model}, leading to {@code target}. */
  public static <M, T> OneAttribute<M, T> of(Class<M> model, String name, Class<T> target) {
    return new OneAttribute<>(model, name, target);
  }

  /**
   * {@code EXISTS} a related object matching {@code criteria}.
   *
   * <pre>{@code
   * session.select(Child.class).where(Child_.parent.has(Parent_.name.eq("p"))).list();
   * }</pre>
   */
  public Condition has(Condition criteria) {
    return new Condition.Exists(this, java.util.Objects.requireNonNull(criteria, "criteria"));
  }

  /** {@code EXISTS} a related object: the reference is set and its row exists. */
  public Condition has() {
    return new Condition.Exists(this, null);
  }
}
