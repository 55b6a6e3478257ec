package dev.tether.processor;

import dev.tether.Column;
import dev.tether.Computed;
import dev.tether.ForeignKey;
import dev.tether.Generated;
import dev.tether.Id;
import dev.tether.Version;
import dev.tether.mapping.DatabaseValues;
import dev.tether.mapping.MappingMessages.Message;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * The compile-time side of {@code @Column(serverDefault)}, {@code @Generated} and
 * {@code @Computed}: reads from the sources the facts {@code Registry.of} reads by reflection and
 * asks {@link DatabaseValues#mistake} the same question, for {@link MappingChecks}.
 */
final class DatabaseValueCheck {
  private DatabaseValueCheck() {}

  /** The mistake in {@code f}'s declaration, or {@code null}. */
  static Message of(VariableElement f, String where) {
    Column column = f.getAnnotation(Column.class);
    Computed computed = f.getAnnotation(Computed.class);
    TypeMirror type = f.asType();
    boolean primitive = type.getKind().isPrimitive();
    return DatabaseValues.mistake(
        new DatabaseValues.Declared(
            where,
            type instanceof DeclaredType d
                ? d.asElement().getSimpleName().toString()
                : type.toString(),
            primitive,
            f.getAnnotation(Id.class) != null,
            f.getAnnotation(Version.class) != null,
            f.getAnnotation(ForeignKey.class) != null,
            column != null && !column.nullable(),
            column == null ? "" : column.serverDefault(),
            computed == null ? null : computed.value(),
            f.getAnnotation(Generated.class) != null));
  }
}
