package dev.tether;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a column field references a column of another table, written {@code "table.column"}
 * as in SQLAlchemy. Relationships find their join condition through these declarations.
 *
 * <pre>{@code
 * @ForeignKey("parent.id") public Integer parentId;
 * @ForeignKey(value = "parent.id", onDelete = "CASCADE") public Integer ownerId;
 * @ForeignKey(value = "country.code", onUpdate = "CASCADE") public String countryCode;
 * }</pre>
 *
 * <p>{@code createAll} names the constraint {@code fk_<table>_<column>} and indexes the column.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ForeignKey {
  /** The referenced column as {@code "table.column"}. */
  String value();

  /**
   * The referential action of the database constraint: {@code CASCADE}, {@code SET NULL}, {@code
   * RESTRICT}, {@code NO ACTION} or {@code SET DEFAULT}. Empty means the database default.
   * {@code @Relationship(passiveDeletes = true)} relies on {@code CASCADE} or {@code SET NULL}
   * here.
   */
  String onDelete() default "";

  /**
   * The action when the referenced key changes, with the same choices as {@link #onDelete()}:
   * {@code CASCADE} makes the database rewrite the referring rows. Empty means the database
   * default.
   */
  String onUpdate() default "";
}
