package dev.tether.processor;

import dev.tether.ColumnConverter;
import dev.tether.Convert;
import dev.tether.Converters;
import dev.tether.Json;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Whether a field's type can be stored in a column, as the compiler sees it: a column type by
 * itself ({@code ColumnType.of}), or through JSON or a converter ({@code FieldStorage}). Used by
 * {@link MappingChecks} for a model's fields and an embeddable's components alike.
 */
final class ColumnTypes {
  private static final Set<String> COLUMN_CLASSES =
      Set.of(
          "java.lang.Byte",
          "java.lang.Short",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Float",
          "java.lang.Double",
          "java.math.BigDecimal",
          "java.lang.Boolean",
          "java.lang.Character",
          "java.lang.String",
          "java.time.LocalDate",
          "java.time.LocalTime",
          "java.time.LocalDateTime",
          "java.time.OffsetDateTime",
          "java.time.Instant",
          "java.time.Duration",
          "java.util.UUID");
  private static final Set<TypeKind> COLUMN_PRIMITIVES =
      Set.of(
          TypeKind.BYTE,
          TypeKind.SHORT,
          TypeKind.INT,
          TypeKind.LONG,
          TypeKind.FLOAT,
          TypeKind.DOUBLE,
          TypeKind.BOOLEAN,
          TypeKind.CHAR);

  private final Env env;

  ColumnTypes(Env env) {
    this.env = env;
  }

  /**
   * Whether {@code f} is stored through JSON or a converter, found as {@code ModelReader} finds it:
   * {@code @Json} or {@code @Convert} on the field, {@code @Converters} on the model class, a
   * superclass or their packages, {@code @Convert} on the field's type.
   */
  boolean converted(TypeElement owner, VariableElement f) {
    if (f.getAnnotation(Json.class) != null || f.getAnnotation(Convert.class) != null) {
      return true;
    }
    TypeMirror type = f.asType();
    if (!(type instanceof DeclaredType d)) {
      return false;
    }
    TypeElement fieldType = (TypeElement) d.asElement();
    for (TypeElement m = owner; m != null; m = superclassOf(m)) {
      if (registers(m, fieldType) || registers(env.elements.getPackageOf(m), fieldType)) {
        return true;
      }
    }
    return annotation(fieldType, Convert.class.getName()) != null;
  }

  private static TypeElement superclassOf(TypeElement e) {
    TypeMirror s = e.getSuperclass();
    return s instanceof DeclaredType d ? (TypeElement) d.asElement() : null;
  }

  /** Whether {@code @Converters} on {@code e} lists a converter of {@code fieldType}. */
  private boolean registers(Element e, TypeElement fieldType) {
    AnnotationMirror converters = annotation(e, Converters.class.getName());
    if (converters == null) {
      return false;
    }
    for (var entry : converters.getElementValues().entrySet()) {
      if (!entry.getKey().getSimpleName().contentEquals("value")) {
        continue;
      }
      Object value = entry.getValue().getValue();
      List<?> list = value instanceof List<?> l ? l : List.of(entry.getValue());
      for (Object item : list) {
        Object v = item instanceof AnnotationValue av ? av.getValue() : item;
        if (v instanceof DeclaredType converter
            && fieldType.equals(convertedType((TypeElement) converter.asElement()))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The {@code J} of the {@code ColumnConverter<J, C>} that {@code converter} implements. */
  private TypeElement convertedType(TypeElement converter) {
    for (TypeElement k = converter; k != null; k = superclassOf(k)) {
      for (TypeMirror i : k.getInterfaces()) {
        if (i instanceof DeclaredType d
            && ((TypeElement) d.asElement())
                .getQualifiedName()
                .contentEquals(ColumnConverter.class.getName())
            && d.getTypeArguments().size() == 2
            && d.getTypeArguments().get(0) instanceof DeclaredType j) {
          return (TypeElement) j.asElement();
        }
      }
    }
    return null;
  }

  private static AnnotationMirror annotation(Element e, String name) {
    for (AnnotationMirror a : e.getAnnotationMirrors()) {
      if (((TypeElement) a.getAnnotationType().asElement())
          .getQualifiedName()
          .contentEquals(name)) {
        return a;
      }
    }
    return null;
  }

  /** Whether {@code t} is a column type by itself (as {@code ColumnType.of} decides it). */
  boolean isColumnType(TypeMirror t) {
    if (COLUMN_PRIMITIVES.contains(t.getKind())) {
      return true;
    }
    if (t instanceof ArrayType a) {
      return a.getComponentType().getKind() == TypeKind.BYTE;
    }
    if (t instanceof DeclaredType d) {
      TypeElement e = (TypeElement) d.asElement();
      return e.getKind() == ElementKind.ENUM
          || COLUMN_CLASSES.contains(e.getQualifiedName().toString());
    }
    return false;
  }
}
