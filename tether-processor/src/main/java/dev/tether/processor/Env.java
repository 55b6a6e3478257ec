package dev.tether.processor;

import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The compiler's view of Tether's own types ({@code Model}, {@code One}, {@code Many}) and the
 * questions the processor asks about a type: is it a model, a relationship container, which class
 * does it extend.
 */
final class Env {
  final Elements elements;
  final Types types;
  private final TypeMirror model;
  private final TypeMirror one;
  private final TypeMirror many;
  private final TypeMirror collection;

  Env(ProcessingEnvironment processing) {
    this.elements = processing.getElementUtils();
    this.types = processing.getTypeUtils();
    this.model = erased("dev.tether.Model");
    this.one = erased("dev.tether.One");
    this.many = erased("dev.tether.Many");
    this.collection = erased("java.util.Collection");
  }

  private TypeMirror erased(String name) {
    TypeElement e = elements.getTypeElement(name);
    return e == null ? null : types.erasure(e.asType());
  }

  /** Whether Tether itself is on the class path (without it there is nothing to check). */
  boolean tetherPresent() {
    return model != null && one != null && many != null;
  }

  /** Whether {@code t} is a class that extends {@code Model} (not {@code Model} itself). */
  boolean isModelSubclass(TypeElement t) {
    return t.getKind() == ElementKind.CLASS
        && !types.isSameType(types.erasure(t.asType()), model)
        && types.isSubtype(types.erasure(t.asType()), model);
  }

  /** Whether {@code t} is {@code Model} itself. */
  boolean isModel(TypeElement t) {
    return types.isSameType(types.erasure(t.asType()), model);
  }

  /** Whether {@code type} is {@code One<...>} or {@code Many<...>}. */
  boolean isRelationshipType(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && (types.isSameType(types.erasure(type), one) || isMany(type));
  }

  /** Whether {@code type} is {@code Many<...>}. */
  boolean isMany(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && types.isSameType(types.erasure(type), many);
  }

  /** Whether {@code type} is a collection (for the "declare it as Many" hint). */
  boolean isCollection(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && types.isSubtype(types.erasure(type), collection);
  }

  /** Whether {@code type} is a model class (for the "declare it as One" hint). */
  boolean isModelType(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && isModelSubclass((TypeElement) ((DeclaredType) type).asElement());
  }

  /** The superclass of {@code t}, or null. */
  TypeElement superclass(TypeElement t) {
    TypeMirror s = t.getSuperclass();
    return s.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(s) : null;
  }

  /** The type arguments of {@code type}, empty for non-generic and raw types. */
  static List<? extends TypeMirror> arguments(TypeMirror type) {
    return type instanceof DeclaredType d ? d.getTypeArguments() : List.of();
  }

  /** The simple name of {@code e}. */
  static String simpleName(Element e) {
    return e.getSimpleName().toString();
  }
}
