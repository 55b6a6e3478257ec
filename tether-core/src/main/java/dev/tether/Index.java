package dev.tether;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An index on one or more columns of the model's table, created by {@code createAll} (SQLAlchemy's
 * {@code Index('ix_person_last_name', Person.last_name, Person.first_name)}). Repeatable; declared
 * on a mapped superclass, it applies to the table of every model that extends it.
 *
 * <pre>{@code
 * @Index(columns = {"lastName", "firstName"})             // ix_person_last_name_first_name
 * @Index(columns = "email", unique = true, name = "ux_email")
 * public class Person extends Model { ... }
 * }</pre>
 *
 * <p>For a single column, {@code @Column(index = true)} says the same on the field.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Index.List.class)
public @interface Index {
  /**
   * The indexed fields in index order, by Java field name ({@code "lastName"}); a column name
   * ({@code "last_name"}) is accepted too. At least one.
   */
  String[] columns();

  /** A UNIQUE index: the database refuses two rows with the same values in these columns. */
  boolean unique() default false;

  /**
   * The index name; empty derives {@code ix_<table>_<column>_<column>...}, shortened with a hash to
   * the database's identifier limit.
   */
  String name() default "";

  /** The container of repeated {@code @Index} annotations (written by the compiler). */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    /** The repeated annotations. */
    Index[] value();
  }
}
