package dev.tether.attribute;

import dev.tether.mapping.RelationshipMapping;

/**
 * The operations sync applies to a container on the reverse side of a change, without firing
 * further events (the caller does the whole symmetric change) and without SQL.
 */
interface RelationshipContainer {
  /** Binds the container to its relationship; done once, on first use. */
  void bind(InstanceState owner, RelationshipMapping relationship);

  /** Whether the container is bound to this state (a container of another object is not). */
  boolean belongsTo(InstanceState state);

  /**
   * Makes {@code other} a member (collection) or the value (scalar). Returns the object this side
   * pointed to before, when that is a different, known object (scalar sides only), else null.
   */
  Object linkRaw(Object other);

  /** Removes {@code other} (collection), or clears the value if it is {@code other} (scalar). */
  void unlinkRaw(Object other);

  /** Forgets loaded contents and history; the next use loads again. */
  void expire();

  /** Whether the contents are in memory. */
  boolean isLoaded();

  /** Clears change history after a flush. */
  void flushed();
}
