package dev.tether.mapping;

import dev.tether.Model;
import dev.tether.Session;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A model's lifecycle hook methods ({@code @BeforeInsert} and its siblings), found on the class and
 * its superclasses when {@link ModelReader} reads it, checked ({@link HookMessages}) and resolved
 * to method handles once, so that the session calls them without reflection. Immutable.
 *
 * <p>Order for one event: the topmost superclass's hooks first; within one class, by method name. A
 * method annotated in a superclass and overridden in a subclass is one hook, called virtually (the
 * override runs, once).
 */
public final class ModelHooks {
  /** A model without hooks. */
  public static final ModelHooks NONE = new ModelHooks(new EnumMap<>(LifecycleEvent.class));

  /** One hook method: its name for messages, and a handle of type {@code (Object, Session)void}. */
  public record Hook(String name, MethodHandle handle) {
    /** Calls the hook on {@code model}. */
    public void call(Object model, Session session) throws Throwable {
      handle.invokeExact(model, session);
    }
  }

  private static final MethodType CALL =
      MethodType.methodType(void.class, Object.class, Session.class);

  private final Map<LifecycleEvent, List<Hook>> byEvent;

  private ModelHooks(Map<LifecycleEvent, List<Hook>> byEvent) {
    this.byEvent = byEvent;
  }

  /** The hooks of {@code event}, in calling order (empty when none). */
  public List<Hook> of(LifecycleEvent event) {
    return byEvent.getOrDefault(event, List.of());
  }

  /** Whether the model has no hook at all. */
  public boolean isEmpty() {
    return byEvent.isEmpty();
  }

  /** Finds, checks and resolves the hooks of {@code type} and its superclasses. */
  static ModelHooks read(Class<?> type) {
    Deque<Class<?>> chain = new ArrayDeque<>();
    for (Class<?> c = type; c != null && c != Model.class && c != Object.class; ) {
      chain.push(c);
      c = c.getSuperclass();
    }
    Map<LifecycleEvent, List<Hook>> byEvent = new EnumMap<>(LifecycleEvent.class);
    Set<String> seen = new HashSet<>();
    for (Class<?> c : chain) {
      Method[] methods = c.getDeclaredMethods();
      Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(ModelHooks::name));
      for (Method m : methods) {
        if (m.isSynthetic() || m.isBridge()) {
          continue;
        }
        MethodHandle handle = null;
        for (LifecycleEvent e : LifecycleEvent.values()) {
          if (!m.isAnnotationPresent(e.annotation())) {
            continue;
          }
          check(m, e);
          // an override of a hook is the same hook (called virtually); a private method is its own
          String signature =
              e
                  + " "
                  + (Modifier.isPrivate(m.getModifiers()) ? c.getName() + "#" : "")
                  + m.getName()
                  + Arrays.toString(m.getParameterTypes());
          if (seen.add(signature)) {
            handle = handle != null ? handle : handle(m, e);
            byEvent.computeIfAbsent(e, k -> new ArrayList<>()).add(new Hook(name(m), handle));
          }
        }
      }
    }
    if (byEvent.isEmpty()) {
      return NONE;
    }
    byEvent.replaceAll((e, hooks) -> List.copyOf(hooks));
    return new ModelHooks(byEvent);
  }

  private static void check(Method m, LifecycleEvent e) {
    if (Modifier.isStatic(m.getModifiers())) {
      throw HookMessages.hookStatic(name(m), e.written(), m.getDeclaringClass().getSimpleName())
          .exception();
    }
    Class<?>[] params = m.getParameterTypes();
    if (params.length > 1 || (params.length == 1 && params[0] != Session.class)) {
      throw HookMessages.hookParameters(name(m), e.written(), m.getName()).exception();
    }
    if (m.getReturnType() != void.class) {
      throw HookMessages.hookReturns(
              name(m), e.written(), m.getReturnType().getSimpleName(), m.getName())
          .exception();
    }
  }

  /** A handle of type {@code (Object, Session)void}, virtual unless the method is private. */
  private static MethodHandle handle(Method m, LifecycleEvent e) {
    MethodHandle h;
    try {
      // as ModelReader's field handles: read the model's module, which decides by opening it
      ModelHooks.class.getModule().addReads(m.getDeclaringClass().getModule());
      h = MethodHandles.privateLookupIn(m.getDeclaringClass(), MethodHandles.lookup()).unreflect(m);
    } catch (IllegalAccessException x) {
      throw HookMessages.hookAccess(name(m), e.written(), m.getDeclaringClass().getPackageName())
          .exception();
    }
    if (m.getParameterCount() == 0) {
      h = MethodHandles.dropArguments(h, 1, Session.class);
    }
    return h.asType(CALL);
  }

  /** {@code Owner.name(Param, ...)}, with simple names. */
  static String name(Method m) {
    return m.getDeclaringClass().getSimpleName()
        + "."
        + m.getName()
        + Arrays.stream(m.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", ", "(", ")"));
  }
}
