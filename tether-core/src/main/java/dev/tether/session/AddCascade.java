package dev.tether.session;

import dev.tether.ObjectState;
import dev.tether.SessionStateException;
import dev.tether.attribute.InstanceState;
import dev.tether.mapping.ModelMapping;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The save-update cascade: {@code session.add} of an object adds everything it reaches through
 * save-update relationships, and the flush adds what pending objects reached since (SQLAlchemy's
 * {@code save-update} cascade, on add and at flush).
 */
final class AddCascade {
  private final SessionState session;

  AddCascade(SessionState session) {
    this.session = session;
  }

  /**
   * Adds what {@code s}, an object of this session, reaches through save-update relationships and
   * is not in this session yet, as {@link #addGraph} of {@code s} would, without walking what is
   * here already (the flush asks this of every pending object).
   */
  void addReached(InstanceState s) {
    CascadeWalk.forEachSavedWith(
        s,
        v -> {
          if (!session.holds(InstanceState.of(v))) {
            addGraph(v);
          }
        });
  }

  /** Adds {@code root} and everything reachable from it through save-update relationships. */
  void addGraph(Object root) {
    Deque<Object> work = new ArrayDeque<>(); // FIFO: rows insert in the order they were linked
    work.addLast(root);
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    while (!work.isEmpty()) {
      Object o = work.pollFirst();
      if (seen.put(o, Boolean.TRUE) != null) {
        continue;
      }
      InstanceState s = InstanceState.of(o);
      if (session.holds(s)) {
        if (o != root) {
          continue;
        }
      } else if (s.session() != null) {
        throw otherSession(s);
      } else {
        attach(s);
      }
      CascadeWalk.forEachSavedWith(s, work::addLast);
    }
  }

  /** Makes a transient object pending, or a detached one persistent, in this session. */
  void attach(InstanceState s) {
    ModelMapping here = session.engine().metadata().model(s.owner().getClass());
    if (here != null && !s.bindMapping(here)) {
      throw FlushMessages.otherRegistry(s);
    }
    switch (s.status()) {
      case TRANSIENT -> {
        s.session(session.link());
        s.status(ObjectState.PENDING);
        session.pending().add(s);
      }
      case DETACHED -> {
        InstanceState clash = session.identity().putIfAbsent(s.mapping(), s.key(), s);
        if (clash != null && clash != s) {
          throw new SessionStateException(
              "Cannot add "
                  + s.describe()
                  + ": this session already holds another object for the same row ("
                  + clash.describe()
                  + "). Use the object the session has, or a new session.");
        }
        s.session(session.link());
        s.status(ObjectState.PERSISTENT);
        if (s.snapshot() == null) {
          s.takeSnapshot();
        }
        session.changed().add(s); // relationships changed while detached are flushed like others
      }
      case DELETED ->
          throw new SessionStateException(
              "Cannot add "
                  + s.describe()
                  + ": it was deleted and committed; it has no row any more.");
      default -> s.session(session.link());
    }
  }

  /** The error for an object of another session. */
  SessionStateException otherSession(InstanceState s) {
    return new SessionStateException(
        s.describe()
            + " belongs to "
            + s.session().describe()
            + ", not to "
            + session.link().describe()
            + ". An object belongs to one session at a time: close the other session first.");
  }
}
