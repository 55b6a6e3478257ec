package dev.tether.jackson;

import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.Direction;
import dev.tether.mapping.EmbeddedMapping;
import dev.tether.mapping.Mappings;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import java.lang.reflect.Field;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.cfg.MapperConfig;

/**
 * One model class as JSON: its properties in the order they are written (columns in table order
 * with embedded values where their first column stands, then relationships), each under its JSON
 * name, and its key. Made once per class and naming strategy by {@link Plans}.
 */
final class ModelPlan {
  /** A JSON property of a model or of an embedded value. */
  sealed interface Property permits ColumnProperty, EmbeddedProperty, LinkProperty {
    String name();
  }

  /** A column field; {@code type} is the field's full (generic) type, to read it back. */
  record ColumnProperty(String name, ColumnMapping column, JavaType type) implements Property {
    /** The field's value (a converted field's column value turned back into the field's). */
    Object read(Object model) {
      Object v = column.get(model);
      return column.converted() ? column.fromColumnValue(v) : v;
    }
  }

  /** An embedded value: a nested object of its parts. */
  record EmbeddedProperty(String name, EmbeddedMapping value, List<Property> parts)
      implements Property {}

  /** A relationship, declared or created by a backref. */
  record LinkProperty(String name, RelationshipMapping relationship) implements Property {}

  private final ModelMapping mapping;
  private final List<Property> properties;
  private final Map<String, Property> byName = new LinkedHashMap<>();
  private final Map<ColumnMapping, String> columnNames = new LinkedHashMap<>();
  private final List<ColumnProperty> key = new ArrayList<>();
  private final Set<ColumnMapping> foreignKeys = new HashSet<>();

  private ModelPlan(ModelMapping mapping, List<Property> properties) {
    this.mapping = mapping;
    this.properties = properties;
    for (Property p : properties) {
      byName.put(p.name(), p);
      if (p instanceof ColumnProperty c) {
        columnNames.put(c.column(), c.name());
      }
    }
    for (RelationshipMapping r : mapping.relationships()) {
      if (r.direction() == Direction.MANY_TO_ONE && !r.foreignKey().primaryKey()) {
        foreignKeys.add(r.foreignKey());
      }
    }
    for (ColumnMapping k : mapping.keyColumns()) {
      if (byName.get(columnNames.get(k)) instanceof ColumnProperty c) {
        key.add(c);
      }
    }
  }

  static ModelPlan of(Class<?> type, MapperConfig<?> config) {
    ModelMapping mapping = Mappings.of(type);
    if (mapping == null) {
      throw new IllegalStateException(
          type.getSimpleName() + " is not mapped: pass it to Registry.of(...) first.");
    }
    UnaryOperator<String> naming = naming(config);
    List<Property> properties = new ArrayList<>();
    Set<String> embeddedDone = new HashSet<>();
    for (ColumnMapping c : mapping.columns()) {
      String field = c.fieldName();
      int dot = field.indexOf('.');
      if (dot > 0) {
        String top = field.substring(0, dot);
        if (embeddedDone.add(top)) {
          properties.add(embedded(mapping, top, naming.apply(top), naming, config));
        }
      } else if (mapping.columnByField(field) == c) {
        properties.add(
            new ColumnProperty(naming.apply(field), c, fieldType(type, field, c, config)));
      }
    }
    for (RelationshipMapping r : mapping.relationships()) {
      properties.add(new LinkProperty(naming.apply(r.name()), r));
    }
    return new ModelPlan(mapping, Collections.unmodifiableList(properties));
  }

  /** The embedded value at {@code path} and its parts, nested values as nested objects. */
  private static EmbeddedProperty embedded(
      ModelMapping mapping,
      String path,
      String name,
      UnaryOperator<String> naming,
      MapperConfig<?> config) {
    EmbeddedMapping value = mapping.embedded(path);
    List<Property> parts = new ArrayList<>();
    Set<String> nestedDone = new HashSet<>();
    for (ColumnMapping c : value.columns()) {
      String rest = c.fieldName().substring(path.length() + 1);
      int dot = rest.indexOf('.');
      if (dot < 0) {
        parts.add(
            new ColumnProperty(
                naming.apply(rest), c, config.getTypeFactory().constructType(c.javaType())));
      } else if (nestedDone.add(rest.substring(0, dot))) {
        String part = rest.substring(0, dot);
        parts.add(embedded(mapping, path + "." + part, naming.apply(part), naming, config));
      }
    }
    return new EmbeddedProperty(name, value, Collections.unmodifiableList(parts));
  }

  /** The mapper's naming strategy applied to Java names; unchanged without one. */
  private static UnaryOperator<String> naming(MapperConfig<?> config) {
    PropertyNamingStrategy strategy = config.getPropertyNamingStrategy();
    if (strategy == null) {
      return UnaryOperator.identity();
    }
    return n -> strategy.nameForField(config, null, n);
  }

  /** The declared generic type of the field (a JSON column's {@code List<Tag>}), found once. */
  private static JavaType fieldType(
      Class<?> type, String field, ColumnMapping column, MapperConfig<?> config) {
    Type generic = column.javaType();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(field);
        generic = f.getGenericType();
        break;
      } catch (NoSuchFieldException e) {
        // declared further up
      }
    }
    return config.getTypeFactory().constructType(generic);
  }

  ModelMapping mapping() {
    return mapping;
  }

  List<Property> properties() {
    return properties;
  }

  /** The property named {@code name} in JSON, or null. */
  Property property(String name) {
    return byName.get(name);
  }

  /** Every JSON property name, for Jackson's "known properties" in an unknown-property error. */
  List<Object> names() {
    return new ArrayList<>(byName.keySet());
  }

  /** The JSON name of one of this model's column fields. */
  String nameOf(ColumnMapping column) {
    String n = columnNames.get(column);
    return n != null ? n : column.fieldName();
  }

  /** Whether {@code column} is a foreign key a many-to-one follows (and not part of the key). */
  boolean isForeignKey(ColumnMapping column) {
    return foreignKeys.contains(column);
  }

  /** The key's column properties: one, or several for a composite key. */
  List<ColumnProperty> key() {
    return key;
  }
}
