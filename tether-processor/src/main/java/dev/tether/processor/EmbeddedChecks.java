package dev.tether.processor;

import dev.tether.Column;
import dev.tether.Convert;
import dev.tether.Enumerated;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Json;
import dev.tether.Relationship;
import dev.tether.Sequence;
import dev.tether.Version;
import dev.tether.mapping.EmbeddedMessages;
import dev.tether.mapping.MappingMessages;
import dev.tether.processor.MappedClass.ColumnField;
import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * The checks of embedded values that the sources decide, run at compile time like {@link
 * MappingChecks} (which calls them and reports what they find): an {@code @Embeddable} class as
 * {@code EmbeddedReader} checks it, whichever model embeds it; a model's embedded field; two
 * columns of one model with one name once prefixed.
 */
final class EmbeddedChecks {
  private static final List<Class<? extends Annotation>> NOT_ON_EMBEDDED =
      List.of(
          Id.class,
          Version.class,
          ForeignKey.class,
          Sequence.class,
          Column.class,
          Json.class,
          Convert.class,
          Enumerated.class);
  private static final List<Class<? extends Annotation>> NOT_IN_EMBEDDABLE =
      List.of(Id.class, Version.class, ForeignKey.class, Sequence.class);

  private final Env env;
  private final MappingChecks checks;

  EmbeddedChecks(Env env, MappingChecks checks) {
    this.env = env;
    this.checks = checks;
  }

  /**
   * A model's field (or a component, {@code model} false) that holds an embedded value: its type is
   * {@code @Embeddable}, it carries no column or key annotation, and a model's is not final.
   */
  void checkEmbeddedField(String where, VariableElement f, boolean model) {
    TypeElement type = MappedClass.embeddable(f.asType());
    String typeName = MappingChecks.simple(f.asType());
    if (type == null) {
      checks.report(
          f, "dev.tether.Embedded", "prefix", EmbeddedMessages.notEmbeddable(where, typeName));
      return;
    }
    for (Class<? extends Annotation> a : NOT_ON_EMBEDDED) {
      if (f.getAnnotation(a) != null) {
        checks.report( // on the annotation itself
            f,
            a.getName(),
            "",
            EmbeddedMessages.annotationOnEmbedded(where, a.getSimpleName(), typeName));
        break;
      }
    }
    if (model && f.getModifiers().contains(Modifier.FINAL)) {
      checks.report(f, MappingMessages.columnFinal(where));
    }
  }

  /** An {@code @Embeddable} class compiled now, as {@code EmbeddedReader} reads it. */
  void checkEmbeddable(TypeElement t) {
    String name = Env.simpleName(t);
    if (env.isModelSubclass(t)) {
      checks.report(t, EmbeddedMessages.model(name));
      return;
    }
    if (t.getAnnotation(Convert.class) != null) {
      checks.report(t, EmbeddedMessages.converted(name));
    }
    String problem =
        t.getKind() == ElementKind.INTERFACE || t.getKind() == ElementKind.ANNOTATION_TYPE
            ? "it is an interface"
            : t.getKind() == ElementKind.ENUM
                ? "it is an enum (store an enum as a column of its own)"
                : t.getModifiers().contains(Modifier.ABSTRACT) ? "it is abstract" : null;
    if (problem != null) {
      checks.report(t, EmbeddedMessages.kind(name, problem));
      return;
    }
    boolean record = t.getKind() == ElementKind.RECORD;
    if (t.getNestingKind() == NestingKind.MEMBER
        && !record
        && !t.getModifiers().contains(Modifier.STATIC)) {
      checks.report(t, EmbeddedMessages.constructor(name, Env.simpleName(t.getEnclosingElement())));
    } else if (!record && !MappingChecks.hasNoArgumentConstructor(t)) {
      checks.report(t, EmbeddedMessages.constructor(name, null));
    }
    List<VariableElement> components = MappedClass.components(t, env);
    if (components.isEmpty()) {
      checks.report(t, EmbeddedMessages.empty(name));
    }
    for (VariableElement f : components) {
      checkComponent(t, f, record);
    }
  }

  private void checkComponent(TypeElement t, VariableElement f, boolean record) {
    String name = Env.simpleName(t);
    String where = name + "." + Env.simpleName(f);
    if (f.asType().getKind() == TypeKind.ERROR) {
      return; // javac reports the unknown type itself
    }
    if (env.isRelationshipType(f.asType()) || f.getAnnotation(Relationship.class) != null) {
      checks.report(f, EmbeddedMessages.relationship(where, name));
      return;
    }
    for (Class<? extends Annotation> a : NOT_IN_EMBEDDABLE) {
      if (f.getAnnotation(a) != null) {
        checks.report(f, EmbeddedMessages.keyAnnotation(where, a.getSimpleName(), name));
        return;
      }
    }
    if (!record && f.getModifiers().contains(Modifier.FINAL)) {
      checks.report(f, MappingMessages.columnFinal(where));
    }
    if (MappedClass.isEmbedded(f)) {
      checkEmbeddedField(where, f, false);
      TypeElement nested = MappedClass.embeddable(f.asType());
      if (nested != null && encloses(nested, t, new HashSet<>())) {
        checks.report(f, EmbeddedMessages.cycle(where, Env.simpleName(nested)));
      }
      return;
    }
    checks.checkColumnType(t, f, where);
    checks.checkStorage(t, where, f);
    MappingMessages.Message filled = DatabaseValueCheck.of(f, where);
    if (filled != null) {
      checks.report(f, filled);
    }
  }

  /** Whether {@code type} is {@code target} or embeds it, at any depth. */
  private boolean encloses(TypeElement type, TypeElement target, Set<TypeElement> seen) {
    if (type.equals(target)) {
      return true;
    }
    if (!seen.add(type)) {
      return false;
    }
    for (VariableElement c : MappedClass.components(type, env)) {
      TypeElement nested = MappedClass.embeddable(c.asType());
      if (nested != null && encloses(nested, target, seen)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Like {@code ModelReader}: two columns of {@code m} with one name (or names that differ only in
   * case), one of them an embedded value's; reported once, on the later field of the model.
   */
  void checkColumnNames(MappedClass m) {
    Map<String, ColumnField> seen = new HashMap<>();
    for (ColumnField c : m.columns) {
      ColumnField twin = seen.putIfAbsent(c.column().toLowerCase(Locale.ROOT), c);
      if (twin == null) {
        continue;
      }
      if (twin.embeddedIn() != null || c.embeddedIn() != null) {
        checks.report(
            c.embeddedIn() != null ? c.embeddedIn() : c.field(),
            EmbeddedMessages.columnTwice(
                m.name + "." + twin.name(),
                twin.column(),
                m.name + "." + c.name(),
                c.column(),
                m.table));
      }
      return; // Registry.of stops at the first
    }
  }
}
