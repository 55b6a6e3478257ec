package dev.tether;

import dev.tether.attribute.CollectionAttribute;
import dev.tether.attribute.InstanceState;
import dev.tether.attribute.ScalarAttribute;

/**
 * The declarative base of every mapped class (SQLAlchemy's {@code Base}). Column fields are plain
 * fields; relationships are {@code final} {@link One}/{@link Many} fields created with {@link
 * #one()} and {@link #many()}.
 *
 * <pre>{@code
 * @Table("child")
 * public class Child extends Model {
 *   @Id public Integer id;
 *   @ForeignKey("parent.id") public Integer parentId;
 *
 *   @Relationship(backPopulates = "children")
 *   public final One<Parent> parent = one();
 * }
 * }</pre>
 *
 * <p>Models need no {@code equals}/{@code hashCode}: a session keeps one object per row, and
 * collections compare by identity. {@link #toString()} prints the class and its column fields.
 */
public abstract class Model {
  static {
    InstanceState.installAccess(m -> ((Model) m).state);
  }

  private final InstanceState state = new InstanceState(this);

  /** For subclasses. */
  protected Model() {}

  /** A new many-to-one / one-to-one container; assign it to a {@code final One<T>} field. */
  protected final <T extends Model> One<T> one() {
    return new ScalarAttribute<>(state);
  }

  /** A new one-to-many / many-to-many container; assign it to a {@code final Many<T>} field. */
  protected final <T extends Model> Many<T> many() {
    return new CollectionAttribute<>(state);
  }

  /**
   * The relationship named {@code name}: a declared field or a reverse created by a {@code
   * backref}. The result is a {@link One} or a {@link Many}:
   *
   * <pre>{@code
   * Many<Child> kids = parent.related("children");
   * One<Parent> p = child.related("parent");
   * }</pre>
   *
   * @throws IllegalArgumentException when the class has no relationship of that name
   */
  @SuppressWarnings("unchecked")
  public final <R> R related(String name) {
    return (R) state.container(name);
  }

  /** {@code Child(id=1, parentId=2)}: the class and its column fields, never relationships. */
  @Override
  public String toString() {
    return state.describe();
  }
}
