package dev.tether;

/**
 * The single-valued side of a relationship: many-to-one (the side holding the foreign key) or
 * one-to-one. Create it with {@link Model#one()} in a {@code final} field.
 *
 * <pre>{@code
 * child.parent.set(parent);       // parent.children now contains child (when back-populated)
 * Parent p = child.parent.get();  // loads from the foreign key on first use if persistent
 * }</pre>
 *
 * @param <T> the related model
 */
public interface One<T> {
  /** The related object, or {@code null}; a persistent object's reference loads on first use. */
  T get();

  /**
   * Points this side at {@code value} (or nothing for {@code null}); the reverse side of a
   * back-populated relationship follows at once, without SQL.
   */
  void set(T value);

  /** Whether {@link #get()} would return an object. */
  default boolean isPresent() {
    return get() != null;
  }
}
