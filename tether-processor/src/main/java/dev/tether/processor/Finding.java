package dev.tether.processor;

import dev.tether.mapping.MappingMessages.Message;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A mapping mistake found at compile time, with the place javac points at: the element, and when
 * the mistake is in an annotation attribute ({@code backPopulates = "..."}), that attribute.
 */
record Finding(
    Element element, AnnotationMirror annotation, AnnotationValue value, Message message) {

  /** A mistake in the declaration of {@code element} as a whole. */
  static Finding on(Element element, Message message) {
    return new Finding(element, null, null, message);
  }

  /**
   * A mistake in {@code attribute} of {@code element}'s annotation {@code annotationType}; falls
   * back to the annotation, then to the element, when the attribute is not written out.
   */
  static Finding on(Element element, String annotationType, String attribute, Message message) {
    for (AnnotationMirror a : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) a.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotationType)) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
            a.getElementValues().entrySet()) {
          if (e.getKey().getSimpleName().contentEquals(attribute)) {
            return new Finding(element, a, e.getValue(), message);
          }
        }
        return new Finding(element, a, null, message);
      }
    }
    return on(element, message);
  }

  /** What javac prints: the stable code, then the same text {@code Registry.of} would throw. */
  String text() {
    return "[tether:" + message.code() + "] " + message.text();
  }
}
