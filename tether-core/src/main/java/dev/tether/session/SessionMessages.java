package dev.tether.session;

import dev.tether.SessionStateException;
import dev.tether.attribute.InstanceState;
import dev.tether.mapping.RelationshipMapping;
import java.util.Locale;

/**
 * The texts of {@link SessionStateException}, one method per refusal (as {@link FlushMessages}
 * words the flush's): an object in the wrong state or session for what was asked, or a session
 * asked for something its flush cannot allow now. Each says what the state is and what to do.
 */
final class SessionMessages {
  private SessionMessages() {}

  static SessionStateException deleteTransient(InstanceState s) {
    return new SessionStateException(
        "Cannot delete "
            + s.describe()
            + ": it is transient (never added to a session, no row). Only persistent objects"
            + " can be deleted.");
  }

  static SessionStateException refreshNotPersistent(InstanceState s) {
    return new SessionStateException(
        "Cannot refresh "
            + s.describe()
            + ": it is "
            + status(s)
            + ", and only a persistent object has a row to read. Flush it first.");
  }

  static SessionStateException refreshRowGone(InstanceState s) {
    return new SessionStateException(
        "Cannot refresh "
            + s.describe()
            + ": its row no longer exists (deleted by another transaction). Expunge it.");
  }

  /** {@code action} needs an object of this session, and {@code s} is not one. */
  static SessionStateException notHere(InstanceState s, String action) {
    return new SessionStateException(
        "Cannot "
            + action
            + " "
            + s.describe()
            + ": it is "
            + status(s)
            + (s.session() != null ? " in another session" : "")
            + ", and "
            + action
            + " needs an object of this session (pending or persistent here).");
  }

  /** A detached object added to a session that holds another object for its row. */
  static SessionStateException rowHeldByAnother(InstanceState s, InstanceState clash) {
    return new SessionStateException(
        "Cannot add "
            + s.describe()
            + ": this session already holds another object for the same row ("
            + clash.describe()
            + "). Use the object the session has, or a new session.");
  }

  static SessionStateException addDeleted(InstanceState s) {
    return new SessionStateException(
        "Cannot add " + s.describe() + ": it was deleted and committed; it has no row any more.");
  }

  static SessionStateException closedFor(InstanceState owner, RelationshipMapping rel) {
    return new SessionStateException(
        "Cannot load "
            + rel.qualifiedName()
            + " of "
            + owner.describe()
            + ": the session is closed.");
  }

  /** {@code s} belongs to another session than {@code session}. */
  static SessionStateException otherSession(InstanceState s, String session) {
    return new SessionStateException(
        s.describe()
            + " belongs to "
            + s.session().describe()
            + ", not to "
            + session
            + ". An object belongs to one session at a time: close the other session first.");
  }

  /** Add, delete or merge while the flush writes rows ({@link RowEvents}). */
  static SessionStateException whileWriting(String action, InstanceState s) {
    return new SessionStateException(
        "Cannot "
            + action
            + " "
            + s.describe()
            + " while the session's flush is writing rows (from a lifecycle hook or listener):"
            + " the flush has already chosen what it writes, so the change would be missed. Do"
            + " it in a SessionListener's beforeFlush, or after the flush.");
  }

  /** Commit, rollback or a savepoint asked for during a flush ({@link RowEvents}). */
  static SessionStateException duringFlush(String action) {
    return new SessionStateException(
        "Cannot "
            + action
            + " while the session is flushing (from a lifecycle hook or listener): the flush"
            + " would be cut in two. Do it after the flush, for example in a SessionListener's"
            + " afterCommit.");
  }

  private static String status(InstanceState s) {
    return s.status().name().toLowerCase(Locale.ROOT);
  }
}
