package dev.tether.processor;

import dev.tether.Column;
import dev.tether.Embeddable;
import dev.tether.Embedded;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Relationship;
import dev.tether.Table;
import dev.tether.mapping.Names;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * A model class as the processor sees it: its table and its mapped fields, read from the compiler's
 * elements the way {@code ModelReader} reads them by reflection at run time (fields of the mapped
 * superclasses first, each class in declaration order; static and transient fields skipped). Works
 * for classes compiled now and for classes read from the class path alike.
 */
final class MappedClass {
  /**
   * A column field: everything that is not a {@code One} or {@code Many}, and each column of an
   * embedded value.
   *
   * @param field the field, or for an embedded value's column the component's field
   * @param name the field's name, or the component's path ({@code home.city})
   * @param embeddedIn for an embedded value's column, the model's field that holds the value
   */
  record ColumnField(
      VariableElement field,
      String name,
      String column,
      String foreignKey,
      boolean unique,
      VariableElement embeddedIn) {}

  /**
   * A relationship field.
   *
   * @param target the class in {@code One<Target>}, or null for a raw, wildcard or unresolved type
   */
  record RelationshipField(
      VariableElement field,
      String name,
      boolean many,
      TypeElement target,
      String backPopulates,
      String backref,
      String secondary,
      String foreignKeys) {}

  final TypeElement type;
  final String name;
  final String table;
  final boolean concrete;
  final boolean hasId;
  final List<ColumnField> columns = new ArrayList<>();
  final List<RelationshipField> relationships = new ArrayList<>();

  private MappedClass(TypeElement type, Env env) {
    this.type = type;
    this.name = type.getSimpleName().toString();
    Table t = type.getAnnotation(Table.class);
    this.table = t == null || t.value().isBlank() ? Names.snake(name) : t.value();
    this.concrete = !type.getModifiers().contains(Modifier.ABSTRACT);
    boolean id = false;
    for (VariableElement f : instanceFields(type, env)) {
      id |= f.getAnnotation(Id.class) != null;
      if (env.isRelationshipType(f.asType())) {
        relationships.add(relationship(f, env));
      } else if (isEmbedded(f)) {
        embeddedColumns(f, f, f.getSimpleName().toString(), prefix(f), new ArrayDeque<>(), env);
      } else {
        Column c = f.getAnnotation(Column.class);
        ForeignKey fk = f.getAnnotation(ForeignKey.class);
        String fieldName = f.getSimpleName().toString();
        columns.add(
            new ColumnField(
                f,
                fieldName,
                c != null && !c.name().isEmpty() ? c.name() : Names.snake(fieldName),
                fk == null ? null : fk.value(),
                c != null && c.unique(),
                null));
      }
    }
    this.hasId = id;
  }

  /**
   * The columns of the embedded value in {@code f} (at {@code path}, named {@code prefix +
   * column}), nested values included, as {@code EmbeddedReader} names them; a type that is not
   * embeddable, or one that encloses itself, adds none (the checks report it).
   */
  private void embeddedColumns(
      VariableElement top,
      VariableElement f,
      String path,
      String prefix,
      Deque<TypeElement> enclosing,
      Env env) {
    TypeElement type = embeddable(f.asType());
    if (type == null || enclosing.contains(type)) {
      return;
    }
    enclosing.push(type);
    for (VariableElement c : components(type, env)) {
      String name = path + "." + c.getSimpleName();
      if (isEmbedded(c)) {
        embeddedColumns(top, c, name, prefix + prefix(c), enclosing, env);
      } else {
        Column column = c.getAnnotation(Column.class);
        String own = c.getSimpleName().toString();
        columns.add(
            new ColumnField(
                c,
                name,
                prefix
                    + (column != null && !column.name().isEmpty()
                        ? column.name()
                        : Names.snake(own)),
                null,
                column != null && column.unique(),
                top));
      }
    }
    enclosing.pop();
  }

  /** Adds {@code type} (if not null) and the embeddables nested in it to {@code out}. */
  static void embeddables(TypeElement type, Env env, Set<TypeElement> out) {
    if (type == null || !out.add(type)) {
      return;
    }
    for (VariableElement c : components(type, env)) {
      embeddables(embeddable(c.asType()), env, out);
    }
  }

  /** Whether {@code f} holds an embedded value: its type is {@code @Embeddable}, or it says so. */
  static boolean isEmbedded(VariableElement f) {
    return embeddable(f.asType()) != null || f.getAnnotation(Embedded.class) != null;
  }

  /** The class of {@code type} when it is {@code @Embeddable}, else null. */
  static TypeElement embeddable(TypeMirror type) {
    return type instanceof DeclaredType d && d.asElement().getAnnotation(Embeddable.class) != null
        ? (TypeElement) d.asElement()
        : null;
  }

  /** {@code @Embedded(prefix)}, or the field's name in snake_case and {@code _}. */
  static String prefix(VariableElement f) {
    Embedded e = f.getAnnotation(Embedded.class);
    return e == null || e.prefix().equals(Embedded.DEFAULT_PREFIX)
        ? Names.snake(f.getSimpleName().toString()) + "_"
        : e.prefix();
  }

  /**
   * An embeddable's stored fields: a record's components, a class's fields (superclasses' first).
   */
  static List<VariableElement> components(TypeElement type, Env env) {
    Deque<TypeElement> chain = new ArrayDeque<>();
    for (TypeElement c = type;
        c != null && !c.getQualifiedName().contentEquals("java.lang.Object");
        c = env.superclass(c)) {
      chain.push(c);
    }
    List<VariableElement> fields = new ArrayList<>();
    for (TypeElement c : chain) {
      fields.addAll(declaredInstanceFields(c));
    }
    return fields;
  }

  /** Reads {@code type}, a subclass of {@code Model}. */
  static MappedClass read(TypeElement type, Env env) {
    return new MappedClass(type, env);
  }

  private static RelationshipField relationship(VariableElement f, Env env) {
    Relationship r = f.getAnnotation(Relationship.class);
    return new RelationshipField(
        f,
        f.getSimpleName().toString(),
        env.isMany(f.asType()),
        targetOf(f.asType()),
        r == null ? "" : r.backPopulates().trim(),
        r == null ? "" : r.backref().trim(),
        r == null ? "" : r.secondary().trim(),
        r == null ? "" : r.foreignKeys().trim());
  }

  /** The class argument of {@code One<X>}/{@code Many<X>}; null when raw, wildcard or unknown. */
  static TypeElement targetOf(TypeMirror type) {
    if (type instanceof DeclaredType d
        && d.getTypeArguments().size() == 1
        && d.getTypeArguments().get(0).getKind() == TypeKind.DECLARED) {
      return (TypeElement) ((DeclaredType) d.getTypeArguments().get(0)).asElement();
    }
    return null;
  }

  /** Mapped instance fields, from the topmost superclass below {@code Model} down. */
  static List<VariableElement> instanceFields(TypeElement type, Env env) {
    Deque<TypeElement> chain = new ArrayDeque<>();
    for (TypeElement c = type; c != null && env.isModelSubclass(c); c = env.superclass(c)) {
      chain.push(c);
    }
    List<VariableElement> fields = new ArrayList<>();
    for (TypeElement c : chain) {
      fields.addAll(declaredInstanceFields(c));
    }
    return fields;
  }

  /** The instance fields {@code c} declares itself, in declaration order. */
  static List<VariableElement> declaredInstanceFields(TypeElement c) {
    List<VariableElement> fields = new ArrayList<>();
    for (VariableElement f : ElementFilter.fieldsIn(c.getEnclosedElements())) {
      if (!f.getModifiers().contains(Modifier.STATIC)
          && !f.getModifiers().contains(Modifier.TRANSIENT)) {
        fields.add(f);
      }
    }
    return fields;
  }

  /** The column field named {@code name}, or null. */
  ColumnField column(String name) {
    for (ColumnField c : columns) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** The declared relationship field named {@code name}, or null. */
  RelationshipField relationship(String name) {
    for (RelationshipField r : relationships) {
      if (r.name().equals(name)) {
        return r;
      }
    }
    return null;
  }

  /** Whether the class is a nested class that needs an instance of its enclosing class. */
  boolean isInner() {
    Element enclosing = type.getEnclosingElement();
    return enclosing.getKind() != ElementKind.PACKAGE
        && !type.getModifiers().contains(Modifier.STATIC);
  }

  @Override
  public String toString() {
    return type.getQualifiedName().toString();
  }
}
