package dev.tether.jackson;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.tether.Registry;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ser.Serializers;

/** Hands Jackson a {@link ModelSerializer} for every class of the module's registry. */
final class ModelSerializers extends Serializers.Base {
  private final Registry registry;
  private final ModelSerializer serializer;

  ModelSerializers(Registry registry, Options options, Plans plans) {
    this.registry = registry;
    this.serializer = new ModelSerializer(options, plans);
  }

  @Override
  public ValueSerializer<?> findSerializer(
      SerializationConfig config,
      JavaType type,
      BeanDescription.Supplier beanDescRef,
      JsonFormat.Value formatOverrides) {
    return registry.contains(type.getRawClass()) ? serializer : null;
  }
}
