package dev.tether.session;

import dev.tether.EventException;
import dev.tether.Session;
import dev.tether.SessionStateException;
import dev.tether.attribute.InstanceState;
import dev.tether.mapping.LifecycleEvent;
import java.util.List;
import java.util.function.Supplier;

/**
 * One session's side of the lifecycle events: runs the row events (the hooks such as {@code
 * BeforeInsert} and the model listeners) for it, and knows where its flush is, so that what a
 * handler must not do fails loudly instead of being lost. While the flush writes rows (after {@code
 * beforeFlush}, before {@code afterFlush}) the set of objects to write is fixed: an object added,
 * deleted or merged then would be missed, and a relationship changed by a handler would not be
 * written, its foreign keys being copied already. The first is refused at once, the second fails
 * the flush when the handler returns. During the whole flush, commit, rollback and savepoints are
 * refused.
 */
final class RowEvents {
  private final Session session;
  private final Supplier<Events> events;
  private boolean flushing;
  private boolean writing;

  /** Whether a handler runs now (a relationship it changes is noted). */
  private boolean running;

  /** An object whose relationship a handler changed while the flush wrote rows, or null. */
  private InstanceState relinked;

  /**
   * @param session the session, as hooks and listeners receive it
   * @param events the database's events as they are now (a listener may come or go meanwhile)
   */
  RowEvents(Session session, Supplier<Events> events) {
    this.session = session;
    this.events = events;
  }

  /** The session, as hooks and listeners receive it. */
  Session session() {
    return session;
  }

  /** The database's hooks and listeners as they are now; a flush reads them once. */
  Events current() {
    return events.get();
  }

  /**
   * Runs the handlers of {@code e} for each row of a batch, in order (none when {@code ev} is
   * null).
   */
  void fire(ModelEvents ev, LifecycleEvent e, List<InstanceState> rows) {
    if (ev != null && ev.has(e)) {
      for (InstanceState s : rows) {
        fire(ev, e, s);
      }
    }
  }

  /** Runs the handlers of {@code e} for one row ({@code ev} known to handle it). */
  void fire(ModelEvents ev, LifecycleEvent e, InstanceState s) {
    boolean outer = running;
    running = true;
    try {
      ev.fire(e, session, s.owner());
    } finally {
      running = outer;
    }
    if (relinked != null && !outer) {
      InstanceState r = relinked;
      relinked = null;
      throw new EventException(
          "event-relationship",
          "A "
              + e.written()
              + " hook or listener for "
              + s.describe()
              + " changed a relationship of "
              + r.describe()
              + " while the flush was writing rows, after the foreign keys were copied: the"
              + " change would not be written. Change relationships before flushing, or in a"
              + " SessionListener's beforeFlush. "
              + ModelEvents.FLUSH_FAILED,
          null);
    }
  }

  /**
   * The after-load handlers of {@code s}'s model, if any, for {@code s}, whose column fields were
   * just set from a row; with none in the whole database, one boolean.
   */
  void afterLoad(InstanceState s) {
    Events now = events.get();
    if (now.afterLoad()) {
      ModelEvents ev = now.of(s.mapping());
      if (ev != null && ev.has(LifecycleEvent.AFTER_LOAD)) {
        fire(ev, LifecycleEvent.AFTER_LOAD, s);
      }
    }
  }

  /** The flush starts or ends (ending also ends the writing). */
  void flushing(boolean on) {
    flushing = on;
    writing &= on;
    relinked = null;
  }

  /** The flush starts or stops writing rows. */
  void writing(boolean on) {
    writing = on;
  }

  /** A relationship of {@code owner} changed (the session is told of every change). */
  void relationshipChanged(InstanceState owner) {
    if (running && writing && relinked == null) {
      relinked = owner;
    }
  }

  /** Refuses {@code action} (add, delete, merge) of {@code s} while the flush writes rows. */
  void refuseWhileWriting(String action, InstanceState s) {
    if (writing) {
      throw new SessionStateException(
          "Cannot "
              + action
              + " "
              + s.describe()
              + " while the session's flush is writing rows (from a lifecycle hook or listener):"
              + " the flush has already chosen what it writes, so the change would be missed. Do"
              + " it in a SessionListener's beforeFlush, or after the flush.");
    }
  }

  /** Refuses {@code action} (commit, rollback, a savepoint) during a flush. */
  void refuseDuringFlush(String action) {
    if (flushing) {
      throw new SessionStateException(
          "Cannot "
              + action
              + " while the session is flushing (from a lifecycle hook or listener): the flush"
              + " would be cut in two. Do it after the flush, for example in a SessionListener's"
              + " afterCommit.");
    }
  }
}
