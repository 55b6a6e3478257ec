package dev.tether.mapping;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Which mapping applies to a model class at run time. {@code Registry.of} publishes here, so that
 * an object created with {@code new} finds its relationships without being handed a registry. The
 * most recent registry that mapped a class wins.
 */
public final class Mappings {
  private static final ConcurrentHashMap<Class<?>, ModelMapping> CURRENT =
      new ConcurrentHashMap<>();

  private Mappings() {}

  /** The published mapping of {@code type}, or {@code null}. */
  public static ModelMapping of(Class<?> type) {
    return CURRENT.get(type);
  }

  static void publish(Metadata metadata) {
    for (ModelMapping m : metadata.models()) {
      CURRENT.put(m.type(), m);
    }
  }
}
