package dev.tether.session;

import dev.tether.EventException;
import dev.tether.Session;
import dev.tether.TetherException;
import dev.tether.attribute.InstanceState;
import dev.tether.mapping.LifecycleEvent;
import java.util.List;

/**
 * The handlers of one model's lifecycle events, resolved by {@link Events}: for each event the
 * model's hook methods (superclasses first), then the model listeners registered for it or a
 * superclass, in registration order. Immutable; a model with none has no {@code ModelEvents} at
 * all, so that its flushes and loads pay nothing.
 */
final class ModelEvents {
  /** One handler: calls a hook method or a listener method on an object. */
  interface Call {
    void call(Session session, Object model) throws Throwable;
  }

  /** A handler and its name for messages ({@code @BeforeInsert Stamped.created()}). */
  record Handler(String name, Call call) {}

  private final Handler[][] byEvent;

  /**
   * @param byEvent the handlers of each event, indexed by {@link LifecycleEvent#ordinal()}
   */
  ModelEvents(List<List<Handler>> byEvent) {
    this.byEvent = new Handler[byEvent.size()][];
    for (int i = 0; i < this.byEvent.length; i++) {
      this.byEvent[i] = byEvent.get(i).toArray(new Handler[0]);
    }
  }

  /** Whether anything handles {@code e}. */
  boolean has(LifecycleEvent e) {
    return byEvent[e.ordinal()].length > 0;
  }

  /** Runs the handlers of {@code e} on {@code model}; the first failure ends the run. */
  void fire(LifecycleEvent e, Session session, Object model) {
    for (Handler h : byEvent[e.ordinal()]) {
      try {
        h.call().call(session, model);
      } catch (Throwable t) {
        throw failed(
            t,
            h.name(),
            " for " + InstanceState.of(model).describe(),
            e.duringFlush() ? FLUSH_FAILED : "The load that read its row failed.");
      }
    }
  }

  static final String FLUSH_FAILED =
      "The flush was rolled back: nothing was written, and the changes are still pending (fix the"
          + " cause, then flush or commit again, or roll back).";

  /**
   * What the caller sees of a handler's failure: Tether's own exceptions as they are (a deadlock in
   * a query the handler ran stays retryable), errors as they are, anything else wrapped in an
   * {@link EventException} that names the handler and the object.
   */
  static RuntimeException failed(Throwable t, String handler, String subject, String outcome) {
    if (t instanceof Error error) {
      throw error;
    }
    if (t instanceof TetherException tether) {
      return tether;
    }
    return new EventException(
        "event-failed",
        handler
            + " threw "
            + t.getClass().getSimpleName()
            + (t.getMessage() != null ? " (" + t.getMessage() + ")" : "")
            + subject
            + ". "
            + outcome,
        t);
  }
}
