package dev.tether.session;

import dev.tether.DatabaseException;
import dev.tether.ModelListener;
import dev.tether.Session;
import dev.tether.SessionListener;
import dev.tether.engine.Engine;
import java.util.function.Function;

/**
 * Opens the sessions of one {@code Database} on its {@link Engine}, and runs work in a transaction
 * with retries. What the sessions of one database share besides the engine (the reach of deletes,
 * computed once per model) lives here.
 */
public final class Sessions {
  /** Attempts {@link #callInTransaction} makes when the database reports a conflict. */
  public static final int TRANSACTION_ATTEMPTS = 3;

  /** The {@link DatabaseException#code()}s that say nothing took effect and a new try may pass. */
  private static final java.util.Set<String> RETRYABLE = java.util.Set.of("serialization", "busy");

  private final Engine engine;
  private final DeleteReach deleteReach;

  /** The hooks and listeners, resolved; replaced (never changed) when a listener comes or goes. */
  private volatile Events events;

  public Sessions(Engine engine) {
    this.engine = engine;
    this.deleteReach = new DeleteReach(engine.metadata());
    this.events = Events.of(engine.metadata());
  }

  public Session open() {
    return new SessionImpl(engine, deleteReach, this::events);
  }

  private Events events() {
    return events;
  }

  public synchronized void addModelListener(Class<?> type, ModelListener<?> listener) {
    events = events.withModelListener(type, listener);
  }

  public synchronized void removeModelListener(ModelListener<?> listener) {
    events = events.withoutModelListener(listener);
  }

  public synchronized void addSessionListener(SessionListener listener) {
    events = events.withSessionListener(listener);
  }

  public synchronized void removeSessionListener(SessionListener listener) {
    events = events.withoutSessionListener(listener);
  }

  /**
   * One session per attempt; retried on serialization failures, deadlocks and lock timeouts (codes
   * {@code serialization} and {@code busy}) only.
   */
  public <T> T callInTransaction(Function<Session, T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Session s = open()) {
        T result = work.apply(s);
        s.commit();
        return result;
      } catch (DatabaseException e) {
        if (!RETRYABLE.contains(e.code()) || attempt >= TRANSACTION_ATTEMPTS) {
          throw e;
        }
        org.slf4j.LoggerFactory.getLogger("dev.tether.session")
            .debug(
                "transaction attempt {} failed with SQLSTATE {}; retrying", attempt, e.sqlState());
        try {
          Thread.sleep(10L * attempt * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
