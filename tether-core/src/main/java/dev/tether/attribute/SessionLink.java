package dev.tether.attribute;

import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import java.util.List;

/**
 * What relationship attributes need from the session that owns their object: loading on first use,
 * identity-map look-ups without SQL, change notification and save-update cascade. Implemented by
 * the session package, so that this package never sees SQL or the session itself.
 */
public interface SessionLink {
  /** Loads the members of {@code rel} for {@code owner} (after an autoflush). */
  List<Object> loadCollection(InstanceState owner, RelationshipMapping rel);

  /** Loads the target of the unloaded reference {@code rel} of {@code owner}. */
  Object loadReference(InstanceState owner, RelationshipMapping rel);

  /** The object of {@code model} with primary key {@code key} if it is in memory; never SQL. */
  Object identity(ModelMapping model, Object key);

  /** A relationship of {@code owner} changed: it takes part in the next flush. */
  void relationshipChanged(InstanceState owner);

  /** Brings {@code other} into this session along a save-update cascade. */
  void cascadeAdd(Object other);

  /**
   * A pending object left its parent through a delete-orphan relationship: it is no longer inserted
   * (SQLAlchemy expunges it at once, S55).
   */
  void expungeOrphan(Object orphan);

  /** A name for messages, e.g. {@code "Session@1f2e"}. */
  String describe();
}
