package dev.tether.attribute;

/** Where an object stands relative to a session (SQLAlchemy's five states). */
public enum InstanceStatus {
  /** New, in no session, no row. */
  TRANSIENT,
  /** Added to a session; its row is inserted at the next flush. */
  PENDING,
  /** In a session's identity map with a row in the database. */
  PERSISTENT,
  /** Deleted in a session; its row is deleted (or was deleted in the current transaction). */
  DELETED,
  /** Has (or had) a row but belongs to no open session. */
  DETACHED
}
