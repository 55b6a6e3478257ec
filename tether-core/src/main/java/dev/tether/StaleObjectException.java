package dev.tether;

/**
 * A flush wrote an UPDATE or DELETE of one row and it did not match exactly that row (SQLAlchemy's
 * {@code StaleDataError}): the row no longer had the {@link Version version} this session loaded,
 * or — versioned or not — another transaction deleted it (or changed its key) in between, or the
 * key matched several rows because the table does not enforce it. Also raised when the DELETE of a
 * many-to-many link row matched none. The transaction is rolled back and the session's changes stay
 * pending; roll back, load the row again in a new session and reapply the change.
 *
 * <pre>{@code
 * try {
 *   session.commit();
 * } catch (StaleObjectException e) {
 *   session.rollback();
 *   // load e.entity() with key e.key() again, reapply, commit
 * }
 * }</pre>
 */
public class StaleObjectException extends TetherException {
  private static final long serialVersionUID = 1L;
  private final transient Class<?> entity;
  private final transient Object key;
  private final transient Object expectedVersion;

  /** Creates the exception for the row of {@code entity} with {@code key}. */
  public StaleObjectException(String message, Class<?> entity, Object key, Object expectedVersion) {
    super("stale-object", message);
    this.entity = entity;
    this.key = key;
    this.expectedVersion = expectedVersion;
  }

  /** The model class of the stale row; {@code null} for a many-to-many link row. */
  public Class<?> entity() {
    return entity;
  }

  /**
   * The primary key of the stale row (a list for a composite key); for a link row, its two key
   * values in the table's column order.
   */
  public Object key() {
    return key;
  }

  /**
   * The version this session loaded, which the row no longer has; {@code null} when the model is
   * not versioned.
   */
  public Object expectedVersion() {
    return expectedVersion;
  }
}
