package dev.tether.session;

import dev.tether.ModelListener;
import dev.tether.RetryPolicy;
import dev.tether.Session;
import dev.tether.SessionListener;
import dev.tether.TransactionOptions;
import dev.tether.engine.Engine;
import java.util.function.Function;

/**
 * Opens the sessions of one {@code Database} on its {@link Engine}, and runs work in a transaction
 * with retries. What the sessions of one database share besides the engine (the reach of deletes,
 * computed once per model) lives here.
 */
public final class Sessions {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger("dev.tether.session");

  private final Engine engine;
  private final DeleteReach deleteReach;

  /** The hooks and listeners, resolved; replaced (never changed) when a listener comes or goes. */
  private volatile Events events;

  public Sessions(Engine engine) {
    this.engine = engine;
    this.deleteReach = new DeleteReach(engine.metadata());
    this.events = Events.of(engine.metadata());
  }

  /** A session whose transactions run as {@code options} say. */
  public Session open(TransactionOptions options) {
    return new SessionImpl(engine, deleteReach, this::events, options);
  }

  /**
   * A session in {@code transaction}, which someone else owns; enlisted with it before it is
   * returned.
   */
  public Session join(dev.tether.ExternalTransaction transaction, TransactionOptions options) {
    JoinedTransaction joined =
        new JoinedTransaction(transaction, engine.executor(), options.isReadOnly());
    SessionImpl session = new SessionImpl(engine, deleteReach, this::events, joined);
    transaction.enlist(new JoinedSession(session, joined));
    return session;
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

  /** One session per attempt, retried as {@code options.retry()} says ({@link RetryPolicy}). */
  public <T> T callInTransaction(TransactionOptions options, Function<Session, T> work) {
    RetryPolicy policy = options.retry();
    for (int attempt = 1; ; attempt++) {
      try (Session s = open(options)) {
        T result = work.apply(s);
        s.commit();
        return result;
      } catch (RuntimeException e) {
        if (!policy.retries(e, attempt)) {
          throw e;
        }
        java.time.Duration pause = policy.pauseAfter(attempt);
        LOG.debug(
            "transaction attempt {} failed ({}); retrying in {}", attempt, e.toString(), pause);
        try {
          Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
