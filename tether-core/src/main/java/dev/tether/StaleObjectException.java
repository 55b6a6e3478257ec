package dev.tether;

/**
 * A flush wrote an UPDATE or DELETE of a {@link Version versioned} row, and the row no longer had
 * the version this session loaded: another transaction changed or deleted it in between. The
 * transaction is rolled back and the session's changes stay pending; roll back, load the row again
 * in a new session and reapply the change.
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

  /** The model class of the stale row. */
  public Class<?> entity() {
    return entity;
  }

  /** The primary key of the stale row (a list for a composite key). */
  public Object key() {
    return key;
  }

  /** The version this session loaded, which the row no longer has. */
  public Object expectedVersion() {
    return expectedVersion;
  }
}
