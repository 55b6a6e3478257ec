package dev.tether.mapping;

import dev.tether.Column;
import dev.tether.ColumnConverter;
import dev.tether.Convert;
import dev.tether.Converters;
import dev.tether.EnumStorage;
import dev.tether.Enumerated;
import dev.tether.Json;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Decides how a column field is stored when its Java type alone does not say: {@code @Json}, a
 * {@link ColumnConverter} (declared on the field, registered with {@code @Converters} on the model
 * class, a superclass or the package, or declared with {@code @Convert} on the field's type),
 * {@code @Enumerated}, and {@code @Column(precision, scale)}. Part of {@link ModelReader}'s reading
 * of one column; the annotation processor applies the same rules to the sources.
 */
final class FieldStorage {
  private FieldStorage() {}

  /** Whether {@code f} is stored otherwise than by its own type (JSON or a converter). */
  static boolean converted(Field f) {
    return f.isAnnotationPresent(Json.class) || converterClass(f) != null;
  }

  /** Sets how {@code c}, read from {@code f}, is stored. */
  static void apply(ColumnMapping c, Field f, String where) {
    if (f.isAnnotationPresent(Json.class)) {
      Convert convert = f.getAnnotation(Convert.class);
      if (convert != null) {
        throw FieldMessages.jsonAndConvert(where, convert.value().getSimpleName()).exception();
      }
      if (!jacksonPresent()) {
        throw MappingMessages.jsonWithoutJackson(where).exception();
      }
      c.storeThrough(new JsonCodec(f.getGenericType()), ColumnType.JSON, String.class);
    } else {
      Class<?> converter = converterClass(f);
      if (converter != null) {
        useConverter(c, f, converter, where);
      }
    }
    Enumerated enumerated = f.getAnnotation(Enumerated.class);
    if (enumerated != null) {
      if (!f.getType().isEnum() || c.converted()) {
        throw MappingMessages.enumeratedNotEnum(where, f.getType().getSimpleName()).exception();
      }
      c.enumStorage(enumerated.value());
      if (enumerated.value() == EnumStorage.ORDINAL) {
        c.storeThrough(new ValueCodec.Ordinal(f.getType()), ColumnType.INTEGER, Integer.class);
      }
    }
    Column column = f.getAnnotation(Column.class);
    if (column != null && (column.precision() != 0 || column.scale() != 0)) {
      decimalSize(c, column.precision(), column.scale(), where);
    }
  }

  private static void decimalSize(ColumnMapping c, int precision, int scale, String where) {
    String problem = null;
    if (c.type() != ColumnType.DECIMAL) {
      problem =
          "applies to BigDecimal columns only, and this field's column holds "
              + c.valueClass().getSimpleName()
              + ". Remove precision and scale.";
    } else if (precision < 0 || scale < 0) {
      problem = "is negative. Give the total digits and the digits after the point.";
    } else if (precision == 0) {
      problem = "gives a scale without a precision. Give both, e.g. precision = 12, scale = 2.";
    } else if (scale > precision) {
      problem = "has more digits after the point than in all. Make precision at least scale.";
    }
    if (problem != null) {
      throw MappingMessages.decimalSize(where, precision, scale, problem).exception();
    }
    c.decimal(precision, scale);
  }

  /** The converter that stores {@code f}, or null: field, model classes, package, value type. */
  static Class<?> converterClass(Field f) {
    Convert own = f.getAnnotation(Convert.class);
    if (own != null) {
      return own.value();
    }
    Class<?> type = ColumnType.boxed(f.getType());
    for (Class<?> m = f.getDeclaringClass(); m != null; m = m.getSuperclass()) {
      Class<?> found = registered(m.getAnnotation(Converters.class), type);
      if (found == null && m.getPackage() != null) {
        found = registered(m.getPackage().getAnnotation(Converters.class), type);
      }
      if (found != null) {
        return found;
      }
    }
    Convert onType = type.getAnnotation(Convert.class);
    return onType == null ? null : onType.value();
  }

  private static Class<?> registered(Converters converters, Class<?> type) {
    if (converters == null) {
      return null;
    }
    for (Class<?> converter : converters.value()) {
      Type[] types = typeArguments(converter);
      if (types != null && raw(types[0]) == type) {
        return converter;
      }
    }
    return null;
  }

  private static void useConverter(ColumnMapping c, Field f, Class<?> converter, String where) {
    String name = converter.getSimpleName();
    Type[] types = typeArguments(converter);
    if (types == null || raw(types[0]) == null || raw(types[1]) == null) {
      throw MappingMessages.converter(
              where,
              name,
              "Tether cannot tell its types: implement ColumnConverter with both types named,"
                  + " e.g. `implements ColumnConverter<Money, BigDecimal>`.")
          .exception();
    }
    Class<?> javaType = raw(types[0]);
    Class<?> columnClass = raw(types[1]);
    if (!javaType.isAssignableFrom(ColumnType.boxed(f.getType()))) {
      throw MappingMessages.converter(
              where,
              name,
              "it converts "
                  + javaType.getSimpleName()
                  + " and the field is a "
                  + f.getType().getSimpleName()
                  + ". Use a converter of "
                  + f.getType().getSimpleName()
                  + ".")
          .exception();
    }
    ColumnType kind = ColumnType.of(columnClass);
    if (kind == null) {
      throw MappingMessages.converter(
              where,
              name,
              "its column type "
                  + columnClass.getSimpleName()
                  + " is not one Tether stores. Convert to one of "
                  + ColumnType.supportedList()
                  + ".")
          .exception();
    }
    c.storeThrough(new ValueCodec.Converter(instantiate(converter, where)), kind, columnClass);
  }

  private static ColumnConverter<?, ?> instantiate(Class<?> converter, String where) {
    try {
      return (ColumnConverter<?, ?>) converter.getDeclaredConstructor().newInstance();
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
      throw MappingMessages.converter(
              where,
              converter.getSimpleName(),
              "Tether cannot create it: give it a public no-argument constructor (a static nested"
                  + " or top-level class).")
          .exception();
    } catch (InvocationTargetException e) {
      throw new dev.tether.MappingException(
          "converter",
          where
              + " is stored through "
              + converter.getSimpleName()
              + ", whose constructor threw "
              + e.getCause()
              + ".");
    }
  }

  /** {@code [J, C]} of the {@code ColumnConverter<J, C>} that {@code type} implements, or null. */
  private static Type[] typeArguments(Class<?> type) {
    for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Type i : k.getGenericInterfaces()) {
        if (i instanceof ParameterizedType p && p.getRawType() == ColumnConverter.class) {
          return p.getActualTypeArguments();
        }
      }
    }
    return null;
  }

  private static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : null;
  }

  private static boolean jacksonPresent() {
    try {
      Class.forName(JsonCodec.JACKSON_CLASS, false, FieldStorage.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
