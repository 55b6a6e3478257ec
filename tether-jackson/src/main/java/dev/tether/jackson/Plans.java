package dev.tether.jackson;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.cfg.MapperConfig;

/**
 * The {@link ModelPlan}s of one module, made once per model class and naming strategy (two mappers
 * sharing the module may name properties differently).
 */
final class Plans {
  private static final Object NO_STRATEGY = new Object();

  private final Map<Object, Map<Class<?>, ModelPlan>> byStrategy = new ConcurrentHashMap<>();

  ModelPlan of(Class<?> type, MapperConfig<?> config) {
    PropertyNamingStrategy strategy = config.getPropertyNamingStrategy();
    Map<Class<?>, ModelPlan> plans =
        byStrategy.computeIfAbsent(
            strategy == null ? NO_STRATEGY : strategy, s -> new ConcurrentHashMap<>());
    ModelPlan plan = plans.get(type);
    if (plan == null) {
      // built outside computeIfAbsent: a plan asks for no other plan, but stays cheap to redo
      plan = ModelPlan.of(type, config);
      ModelPlan raced = plans.putIfAbsent(type, plan);
      if (raced != null) {
        plan = raced;
      }
    }
    return plan;
  }
}
