package dev.tether.course;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A request's JSON object, read before any SQL runs: each accessor returns a field of the type the
 * endpoint needs or throws a 400 {@link ApiError} that names the field and the type it must have.
 */
public final class Body {
  private final JsonNode node;

  private Body(JsonNode node) {
    this.node = node;
  }

  /** The body as a JSON object; malformed JSON, or anything but an object, is a 400. */
  public static Body parse(ObjectMapper json, String text) {
    JsonNode node;
    try {
      node = json.readTree(text == null ? "" : text);
    } catch (JacksonException e) {
      throw ApiError.badRequest("malformed JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw ApiError.badRequest("the body must be a JSON object");
    }
    return new Body(node);
  }

  /** A non-empty string field. */
  public String string(String field) {
    JsonNode value = present(field);
    if (!value.isString() || value.asString().isBlank()) {
      throw ApiError.badRequest("field '" + field + "' must be a non-empty string");
    }
    return value.asString();
  }

  /** A whole-number field that fits a {@code long}. */
  public long integer(String field) {
    JsonNode value = present(field);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw ApiError.badRequest("field '" + field + "' must be an integer");
    }
    return value.longValue();
  }

  private JsonNode present(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw ApiError.badRequest("missing field '" + field + "'");
    }
    return value;
  }
}
