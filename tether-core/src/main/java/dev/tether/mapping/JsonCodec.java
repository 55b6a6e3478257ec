package dev.tether.mapping;

import java.lang.reflect.Type;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code @Json} field: its value as JSON text written by Jackson 3, map keys sorted so that equal
 * values always give equal text (dirty checking compares the text). The only class that touches
 * Jackson, loaded only for a model with a JSON field: Jackson is an optional dependency, and {@link
 * ModelReader} checks that it is on the class path before it creates one.
 */
final class JsonCodec extends ValueCodec {
  /** The Jackson class whose presence {@link ModelReader} checks. */
  static final String JACKSON_CLASS = "tools.jackson.databind.json.JsonMapper";

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private final JavaType type;

  JsonCodec(Type fieldType) {
    this.type = MAPPER.getTypeFactory().constructType(fieldType);
  }

  @Override
  Object toColumn(Object fieldValue) {
    return MAPPER.writeValueAsString(fieldValue);
  }

  @Override
  Object fromColumn(Object columnValue) {
    return MAPPER.readValue((String) columnValue, type);
  }

  /**
   * PostgreSQL's {@code jsonb} hands back its own spacing and key order; read and write once, so
   * the snapshot holds the text that an unchanged field gives.
   */
  @Override
  Object normalize(Object columnValue) {
    return toColumn(fromColumn(columnValue));
  }

  @Override
  String describe() {
    return "JSON (Jackson)";
  }
}
