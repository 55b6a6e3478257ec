package dev.tether.jackson;

import dev.tether.Registry;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.Deserializers;

/** Hands Jackson a {@link ModelDeserializer} for every class of the module's registry. */
final class ModelDeserializers extends Deserializers.Base {
  private final Registry registry;
  private final Options options;
  private final Plans plans;

  ModelDeserializers(Registry registry, Options options, Plans plans) {
    this.registry = registry;
    this.options = options;
    this.plans = plans;
  }

  @Override
  public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
    return registry.contains(valueType);
  }

  @Override
  public ValueDeserializer<?> findBeanDeserializer(
      JavaType type, DeserializationConfig config, BeanDescription.Supplier beanDescRef) {
    return registry.contains(type.getRawClass())
        ? new ModelDeserializer(
            type.getRawClass(), plans.of(type.getRawClass(), config), options, plans)
        : null;
  }
}
