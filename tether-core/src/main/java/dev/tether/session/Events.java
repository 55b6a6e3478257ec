package dev.tether.session;

import dev.tether.ModelListener;
import dev.tether.Session;
import dev.tether.SessionListener;
import dev.tether.TetherException;
import dev.tether.mapping.LifecycleEvent;
import dev.tether.mapping.Metadata;
import dev.tether.mapping.ModelHooks;
import dev.tether.mapping.ModelMapping;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The lifecycle events of one database, resolved: for each model the {@link ModelEvents} that its
 * hook methods and the model listeners registered for it (or a superclass) make, and the session
 * listeners of each session event. Immutable: adding or removing a listener makes a new {@code
 * Events}, which {@link Sessions} publishes, so a flush works with one consistent set. A model with
 * neither hooks nor listeners has no entry, and the flush and load paths skip it after one look-up
 * per batch (one boolean per row for loads).
 */
final class Events {
  /** A model listener and the class it was registered for. */
  private record Registered(Class<?> type, ModelListener<?> listener) {}

  private final Metadata metadata;
  private final List<Registered> modelListeners;
  private final List<SessionListener> sessionListeners;
  private final Map<ModelMapping, ModelEvents> byModel = new IdentityHashMap<>();
  private final boolean afterLoad;
  private final boolean flush;

  private Events(
      Metadata metadata, List<Registered> modelListeners, List<SessionListener> sessionListeners) {
    this.metadata = metadata;
    this.modelListeners = List.copyOf(modelListeners);
    this.sessionListeners = List.copyOf(sessionListeners);
    boolean loads = false;
    for (ModelMapping m : metadata.models()) {
      ModelEvents e = resolve(m);
      if (e != null) {
        byModel.put(m, e);
        loads |= e.has(LifecycleEvent.AFTER_LOAD);
      }
    }
    this.afterLoad = loads;
    boolean f = false;
    for (SessionListener l : sessionListeners) {
      f |= overrides(l, SessionListener.class, "beforeFlush", Session.class);
      f |= overrides(l, SessionListener.class, "afterFlush", Session.class);
    }
    this.flush = f;
  }

  /** The models' hook methods, no listener yet. */
  static Events of(Metadata metadata) {
    return new Events(metadata, List.of(), List.of());
  }

  /** The events of {@code m}, or {@code null} when nothing observes its objects. */
  ModelEvents of(ModelMapping m) {
    return byModel.isEmpty() ? null : byModel.get(m);
  }

  /** Whether some model has an after-load hook or listener (checked once per loaded row). */
  boolean afterLoad() {
    return afterLoad;
  }

  /** Whether a session listener observes flushes (else no flush asks whether it has changes). */
  boolean flushListeners() {
    return flush;
  }

  // ---- registration: each makes a new Events --------------------------------------------------

  Events withModelListener(Class<?> type, ModelListener<?> listener) {
    java.util.Objects.requireNonNull(listener, "listener");
    boolean observes = false;
    for (ModelMapping m : metadata.models()) {
      observes |= type.isAssignableFrom(m.type());
    }
    if (!observes) {
      throw new TetherException(
          "not-mapped",
          type.getSimpleName()
              + " is neither mapped by this database's registry nor a superclass of a mapped model,"
              + " so a listener for it would never run. Register it for a model of Registry.of(...)"
              + " or one of their superclasses.");
    }
    List<Registered> more = new ArrayList<>(modelListeners);
    more.add(new Registered(type, listener));
    return new Events(metadata, more, sessionListeners);
  }

  Events withoutModelListener(ModelListener<?> listener) {
    List<Registered> fewer = new ArrayList<>(modelListeners);
    fewer.removeIf(r -> r.listener() == listener);
    return new Events(metadata, fewer, sessionListeners);
  }

  Events withSessionListener(SessionListener listener) {
    List<SessionListener> more = new ArrayList<>(sessionListeners);
    more.add(java.util.Objects.requireNonNull(listener, "listener"));
    return new Events(metadata, modelListeners, more);
  }

  Events withoutSessionListener(SessionListener listener) {
    List<SessionListener> fewer = new ArrayList<>(sessionListeners);
    fewer.removeIf(l -> l == listener);
    return new Events(metadata, modelListeners, fewer);
  }

  // ---- session events -------------------------------------------------------------------------

  void beforeFlush(Session s) {
    fire(s, "beforeFlush", SessionListener::beforeFlush, ModelEvents.FLUSH_FAILED);
  }

  void afterFlush(Session s) {
    fire(s, "afterFlush", SessionListener::afterFlush, ModelEvents.FLUSH_FAILED);
  }

  void afterCommit(Session s) {
    fire(s, "afterCommit", SessionListener::afterCommit, "The transaction had committed.");
  }

  void afterRollback(Session s) {
    fire(s, "afterRollback", SessionListener::afterRollback, "The transaction was rolled back.");
  }

  private void fire(
      Session s, String event, BiConsumer<SessionListener, Session> call, String outcome) {
    for (SessionListener l : sessionListeners) {
      try {
        call.accept(l, s);
      } catch (RuntimeException | Error e) {
        throw ModelEvents.failed(e, listenerName(l) + "." + event, "", outcome);
      }
    }
  }

  // ---- resolution -----------------------------------------------------------------------------

  /** {@code m}'s hooks, then the listeners of its class or a superclass; null when none. */
  private ModelEvents resolve(ModelMapping m) {
    ModelHooks hooks = m.hooks();
    List<List<ModelEvents.Handler>> byEvent = new ArrayList<>();
    boolean any = false;
    for (LifecycleEvent e : LifecycleEvent.values()) {
      List<ModelEvents.Handler> handlers = new ArrayList<>();
      for (ModelHooks.Hook h : hooks.of(e)) {
        handlers.add(new ModelEvents.Handler(e.written() + " " + h.name(), (s, o) -> h.call(o, s)));
      }
      for (Registered r : modelListeners) {
        if (r.type().isAssignableFrom(m.type())
            && overrides(
                r.listener(),
                ModelListener.class,
                e.listenerMethod(),
                Session.class,
                Object.class)) {
          handlers.add(
              new ModelEvents.Handler(
                  listenerName(r.listener()) + "." + e.listenerMethod(), call(e, r.listener())));
        }
      }
      any |= !handlers.isEmpty();
      byEvent.add(handlers);
    }
    return any ? new ModelEvents(byEvent) : null;
  }

  @SuppressWarnings("unchecked")
  private static ModelEvents.Call call(LifecycleEvent e, ModelListener<?> listener) {
    ModelListener<Object> l = (ModelListener<Object>) listener;
    return switch (e) {
      case BEFORE_INSERT -> l::beforeInsert;
      case AFTER_INSERT -> l::afterInsert;
      case BEFORE_UPDATE -> l::beforeUpdate;
      case AFTER_UPDATE -> l::afterUpdate;
      case BEFORE_DELETE -> l::beforeDelete;
      case AFTER_DELETE -> l::afterDelete;
      case AFTER_LOAD -> l::afterLoad;
    };
  }

  /**
   * Whether {@code listener}'s class implements {@code method} itself (else the interface's empty
   * default would run for nothing: an unobserved event must cost nothing).
   */
  private static boolean overrides(
      Object listener, Class<?> type, String method, Class<?>... parameters) {
    try {
      return listener.getClass().getMethod(method, parameters).getDeclaringClass() != type;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type.getSimpleName() + " lost its method " + method, e);
    }
  }

  private static String listenerName(Object listener) {
    Class<?> c = listener.getClass();
    return c.getSimpleName().isEmpty() ? c.getName() : c.getSimpleName();
  }
}
