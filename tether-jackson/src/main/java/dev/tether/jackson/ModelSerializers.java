package dev.tether.jackson;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.tether.Registry;
import dev.tether.attribute.CollectionAttribute;
import dev.tether.attribute.ScalarAttribute;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.ser.Serializers;
import tools.jackson.databind.type.CollectionType;

/**
 * Hands Jackson a {@link ModelSerializer} for every class of the module's registry, and one for
 * {@code One} and {@code Many} values met on their own.
 */
final class ModelSerializers extends Serializers.Base {
  private final Registry registry;
  private final ModelSerializer serializer;
  private final ValueSerializer<Object> containers;

  ModelSerializers(Registry registry, Options options, Plans plans) {
    this.registry = registry;
    this.serializer = new ModelSerializer(options, plans);
    this.containers =
        new ValueSerializer<>() {
          @Override
          public void serialize(Object value, JsonGenerator gen, SerializationContext ctxt) {
            serializer.writeContainer(value, gen, ctxt);
          }
        };
  }

  @Override
  public ValueSerializer<?> findSerializer(
      SerializationConfig config,
      JavaType type,
      BeanDescription.Supplier beanDescRef,
      JsonFormat.Value formatOverrides) {
    if (ScalarAttribute.class.isAssignableFrom(type.getRawClass())) {
      return containers;
    }
    return registry.contains(type.getRawClass()) ? serializer : null;
  }

  /**
   * A {@code Many} is a {@code List}: Jackson asks here, and would otherwise iterate (and load).
   */
  @Override
  public ValueSerializer<?> findCollectionSerializer(
      SerializationConfig config,
      CollectionType type,
      BeanDescription.Supplier beanDescRef,
      JsonFormat.Value formatOverrides,
      TypeSerializer elementTypeSerializer,
      ValueSerializer<Object> elementValueSerializer) {
    return CollectionAttribute.class.isAssignableFrom(type.getRawClass()) ? containers : null;
  }
}
