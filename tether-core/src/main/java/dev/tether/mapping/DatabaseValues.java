package dev.tether.mapping;

import dev.tether.Column;
import dev.tether.Computed;
import dev.tether.ForeignKey;
import dev.tether.Generated;
import dev.tether.Id;
import dev.tether.Version;
import dev.tether.mapping.MappingMessages.Message;
import java.lang.reflect.Field;

/**
 * Reads which columns the database fills itself — {@code @Column(serverDefault)},
 * {@code @Generated}, {@code @Computed} — into a column's {@link ColumnFill}, after checking that
 * the declaration can work. Part of {@link ModelReader}'s reading of one column; the annotation
 * processor runs the same {@link #mistake} on the sources.
 */
public final class DatabaseValues {
  private DatabaseValues() {}

  /**
   * What one field declares, in plain terms (from reflection at run time, from the sources at
   * compile time).
   *
   * @param where {@code Model.field}
   * @param type the field's type as written ({@code int}, {@code Integer})
   * @param serverDefault {@code @Column(serverDefault)}, {@code ""} when absent
   * @param computed {@code @Computed}'s expression, {@code null} when absent
   * @param generated whether the field has {@code @Generated}
   * @param notNull whether it has {@code @Column(nullable = false)}
   */
  public record Declared(
      String where,
      String type,
      boolean primitive,
      boolean id,
      boolean version,
      boolean foreignKey,
      boolean notNull,
      String serverDefault,
      String computed,
      boolean generated) {
    boolean any() {
      return !serverDefault.isEmpty() || computed != null || generated;
    }

    /** The annotation that makes the database fill the column, as the user wrote it. */
    String annotation() {
      if (computed != null) {
        return "@Computed(\"" + computed + "\")";
      }
      return generated ? "@Generated" : "@Column(serverDefault = \"" + serverDefault + "\")";
    }
  }

  /** The first mistake in {@code d}, or {@code null} when the declaration can work. */
  public static Message mistake(Declared d) {
    if (d.computed() != null && d.computed().isBlank()) {
      return DatabaseValueMessages.computedBlank(d.where());
    }
    if (!d.serverDefault().isEmpty() && d.serverDefault().isBlank()) {
      return DatabaseValueMessages.serverDefaultBlank(d.where(), d.serverDefault());
    }
    if (!d.any()) {
      return null;
    }
    if (d.id()) {
      return DatabaseValueMessages.onKey(d.where(), d.annotation());
    }
    if (d.version()) {
      return DatabaseValueMessages.onVersion(d.where(), d.annotation());
    }
    if (d.foreignKey()) {
      return DatabaseValueMessages.onForeignKey(d.where(), d.annotation());
    }
    if (d.computed() != null && d.generated()) {
      return DatabaseValueMessages.computedAndGenerated(d.where());
    }
    if (d.computed() != null && !d.serverDefault().isEmpty()) {
      return DatabaseValueMessages.computedAndDefault(d.where(), d.serverDefault());
    }
    if (d.primitive()) {
      return DatabaseValueMessages.primitive(d.where(), d.type(), d.annotation());
    }
    if (d.computed() != null && d.notNull()) {
      return DatabaseValueMessages.computedNotNull(d.where());
    }
    return null;
  }

  /**
   * The exception {@code createAll} throws for {@code @Computed(stored = false)} on {@code c} when
   * the database (named {@code database}) has no virtual generated columns.
   */
  public static RuntimeException virtualNotSupported(ColumnMapping c, String database) {
    String where = c.table().modelName() + "." + c.fieldName();
    return DatabaseValueMessages.computedVirtual(where, database).exception();
  }

  /** Sets who fills {@code c}, read from {@code f}; a declaration that cannot work throws. */
  static void apply(ColumnMapping c, Field f, String where) {
    Column column = f.getAnnotation(Column.class);
    Computed computed = f.getAnnotation(Computed.class);
    Generated generated = f.getAnnotation(Generated.class);
    String serverDefault = column == null ? "" : column.serverDefault();
    Declared d =
        new Declared(
            where,
            f.getType().getSimpleName(),
            f.getType().isPrimitive(),
            f.isAnnotationPresent(Id.class),
            f.isAnnotationPresent(Version.class),
            f.isAnnotationPresent(ForeignKey.class),
            column != null && !column.nullable(),
            serverDefault,
            computed == null ? null : computed.value(),
            generated != null);
    Message m = mistake(d);
    if (m != null) {
      throw m.exception();
    }
    if (!d.any()) {
      return;
    }
    ColumnFill fill;
    if (computed != null || (generated != null && generated.value() == Generated.When.ALWAYS)) {
      fill = ColumnFill.DATABASE_ALWAYS;
    } else if (generated != null) {
      fill = ColumnFill.DATABASE_ON_INSERT;
    } else {
      fill = ColumnFill.DEFAULT_WHEN_NULL;
    }
    c.databaseValue(
        fill,
        serverDefault.isEmpty() ? null : serverDefault.trim(),
        computed == null ? null : computed.value().trim(),
        computed == null || computed.stored());
  }
}
