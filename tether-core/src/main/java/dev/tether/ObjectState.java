package dev.tether;

/**
 * Where an object stands relative to sessions (SQLAlchemy's five states), as {@link
 * Session#stateOf} reports it.
 *
 * <pre>
 * TRANSIENT --add--> PENDING --flush--> PERSISTENT --delete+flush--> DELETED --commit--> DETACHED
 *                                       PERSISTENT --close/expunge--> DETACHED --add--> PERSISTENT
 * </pre>
 */
public enum ObjectState {
  /** New: in no session, no row. */
  TRANSIENT,
  /** Added to a session; its row is inserted at the next flush. */
  PENDING,
  /** In a session's identity map, with a row. */
  PERSISTENT,
  /** Its row was deleted by a flush of the current transaction. */
  DELETED,
  /** Has (or had) a row but belongs to no open session. */
  DETACHED
}
