package dev.tether.jackson;

import dev.tether.Many;
import dev.tether.One;
import dev.tether.Session;
import dev.tether.attribute.InstanceState;
import dev.tether.jackson.ModelPlan.ColumnProperty;
import dev.tether.jackson.ModelPlan.EmbeddedProperty;
import dev.tether.jackson.ModelPlan.LinkProperty;
import dev.tether.jackson.ModelPlan.Property;
import dev.tether.mapping.Direction;
import dev.tether.mapping.RelationshipMapping;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads a JSON object into a new, transient model of one class, by the rules of {@link
 * TetherModule}: columns (embedded values from nested objects) gathered as column values and set at
 * once through the mapping, then relationships from references.
 */
final class ModelDeserializer extends ValueDeserializer<Object> {
  private final Class<?> type;
  private final ModelPlan plan;
  private final boolean failOnUnknown;
  private final Plans plans;

  ModelDeserializer(Class<?> type, ModelPlan plan, Options options, Plans plans) {
    this.type = type;
    this.plan = plan;
    this.failOnUnknown = options.failOnUnknown();
    this.plans = plans;
  }

  @Override
  public Class<?> handledType() {
    return type;
  }

  @Override
  public Collection<Object> getKnownPropertyNames() {
    return plan.names();
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      t = p.nextToken();
    } else if (t != JsonToken.PROPERTY_NAME && t != JsonToken.END_OBJECT) {
      return ctxt.handleUnexpectedToken(ctxt.constructType(type), p);
    }
    Object model = plan.mapping().newInstance();
    Object[] values = plan.mapping().readColumns(model);
    List<Runnable> links = new ArrayList<>();
    for (; t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
      String name = p.currentName();
      p.nextToken();
      Property property = plan.property(name);
      if (property == null) {
        unknown(p, model, name, plan.names());
        continue;
      }
      try {
        if (property instanceof ColumnProperty c) {
          readColumn(p, ctxt, c, values);
        } else if (property instanceof EmbeddedProperty e) {
          readEmbedded(p, ctxt, e, values);
        } else {
          links.add(readLink(p, ctxt, model, (LinkProperty) property, values));
        }
      } catch (JacksonException e) {
        throw JacksonException.wrapWithPath(e, model, name);
      }
    }
    plan.mapping().writeColumns(model, values);
    links.forEach(Runnable::run);
    return model;
  }

  private void unknown(JsonParser p, Object where, String name, Collection<Object> known) {
    if (failOnUnknown) {
      throw UnrecognizedPropertyException.from(p, where, name, known);
    }
    p.skipChildren();
  }

  private static void readColumn(
      JsonParser p, DeserializationContext ctxt, ColumnProperty c, Object[] values) {
    Object v = p.currentToken() == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, c.type());
    values[c.column().index()] = c.column().toColumnValue(v);
  }

  private void readEmbedded(
      JsonParser p, DeserializationContext ctxt, EmbeddedProperty e, Object[] values) {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      for (var c : e.value().columns()) {
        values[c.index()] = null;
      }
      return;
    }
    if (p.currentToken() != JsonToken.START_OBJECT) {
      ctxt.reportInputMismatch(
          e.value().type(), "%s is an embedded value: expected an object", e.name());
    }
    for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
      String name = p.currentName();
      p.nextToken();
      Property part =
          e.parts().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
      if (part == null) {
        unknown(p, e.value().type(), name, e.parts().stream().map(x -> (Object) x.name()).toList());
        continue;
      }
      try {
        if (part instanceof ColumnProperty c) {
          readColumn(p, ctxt, c, values);
        } else {
          readEmbedded(p, ctxt, (EmbeddedProperty) part, values);
        }
      } catch (JacksonException x) {
        throw JacksonException.wrapWithPath(x, e.value().type(), name);
      }
    }
  }

  /**
   * Reads the references of a relationship; returns what puts them in place once the columns are
   * set (a many-to-one without a session sets its foreign-key value at once instead).
   */
  private Runnable readLink(
      JsonParser p, DeserializationContext ctxt, Object model, LinkProperty link, Object[] values) {
    RelationshipMapping r = link.relationship();
    ModelPlan target = plans.of(r.target().type(), ctxt.getConfig());
    Session session = (Session) ctxt.getAttribute(Options.SESSION);
    List<Object> keys = new ArrayList<>();
    // without a session a many-to-one's key goes to its foreign-key field: read it as that type
    JavaType keyType =
        session == null && r.direction() == Direction.MANY_TO_ONE
            ? ctxt.constructType(r.foreignKey().boxedType())
            : null;
    if (r.isCollection()) {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        ctxt.reportInputMismatch(
            type, "%s: expected an array of %s keys", link.name(), r.target().name());
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        keys.add(readKey(p, ctxt, link, target, keyType));
      }
    } else {
      keys.add(
          p.currentToken() == JsonToken.VALUE_NULL
              ? null
              : readKey(p, ctxt, link, target, keyType));
    }
    if (r.isCollection() && keys.isEmpty()) {
      return () -> {};
    }
    if (session == null) {
      if (r.direction() != Direction.MANY_TO_ONE
          || r.referencedColumn() != target.key().get(0).column()) {
        ctxt.reportInputMismatch(
            type,
            "%s: the keys of %s are looked up in a session: read with"
                + " TetherModule.readingWith(reader, session)",
            link.name(),
            r.qualifiedName());
      }
      values[r.foreignKey().index()] = r.foreignKey().toColumnValue(keys.get(0));
      return () -> {};
    }
    List<Object> objects = new ArrayList<>(keys.size());
    for (Object key : keys) {
      Object o = key == null ? null : session.get(r.target().type(), key);
      if (o == null && key != null) {
        ctxt.reportInputMismatch(
            type, "%s: no %s with key %s", link.name(), r.target().name(), String.valueOf(key));
      }
      objects.add(o);
    }
    Object container = InstanceState.of(model).container(r);
    if (r.isCollection()) {
      @SuppressWarnings("unchecked")
      Many<Object> many = (Many<Object>) container;
      return () -> many.addAll(objects);
    }
    @SuppressWarnings("unchecked")
    One<Object> one = (One<Object>) container;
    return () -> one.set(objects.get(0));
  }

  /** One reference: the key value, or an object holding only the key property ({"id": 3}). */
  private Object readKey(
      JsonParser p,
      DeserializationContext ctxt,
      LinkProperty link,
      ModelPlan target,
      JavaType keyType) {
    if (target.key().size() != 1) {
      ctxt.reportInputMismatch(
          type,
          "%s: references to %s, whose key has several columns, are not read",
          link.name(),
          link.relationship().target().name());
    }
    ColumnProperty key = target.key().get(0);
    JavaType valueType = keyType != null ? keyType : key.type();
    if (p.currentToken() != JsonToken.START_OBJECT) {
      if (!p.currentToken().isScalarValue() || p.currentToken() == JsonToken.VALUE_NULL) {
        ctxt.reportInputMismatch(
            type,
            "%s: expected a %s key (like 3 or {\"%s\": 3}); nested objects are not created from"
                + " JSON",
            link.name(),
            link.relationship().target().name(),
            key.name());
      }
      return ctxt.readValue(p, valueType);
    }
    Object value = null;
    for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
      String name = p.currentName();
      p.nextToken();
      if (!name.equals(key.name()) || p.currentToken() == JsonToken.VALUE_NULL) {
        ctxt.reportInputMismatch(
            type,
            "%s: a reference holds only the key \"%s\" of %s, not \"%s\"; nested objects are not"
                + " created from JSON",
            link.name(),
            key.name(),
            link.relationship().target().name(),
            name);
      }
      value = ctxt.readValue(p, valueType);
    }
    if (value == null) {
      ctxt.reportInputMismatch(
          type, "%s: the reference has no key \"%s\"", link.name(), key.name());
    }
    return value;
  }
}
