package dev.tether;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optional column settings for a field. Every public, non-static, non-final field of a supported
 * type is a column whether or not it carries this annotation; the annotation only overrides the
 * defaults.
 *
 * <pre>{@code
 * @Column(name = "full_name", nullable = false, length = 120, unique = true)
 * public String name;
 *
 * @Column(index = true) public String city;   // ix_<table>_city
 * }</pre>
 *
 * <p>Indexes over several columns, composite UNIQUE constraints and CHECK constraints are declared
 * on the class: {@link Index}, {@link UniqueConstraint}, {@link Check}. Columns the database fills
 * itself: {@link #serverDefault}, {@link Generated}, {@link Computed}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Column {
  /** Column name; defaults to the snake_case of the field name ({@code parentId → parent_id}). */
  String name() default "";

  /**
   * Whether the column accepts NULL. Defaults to true, except for primitive fields and the primary
   * key, which are always NOT NULL.
   */
  boolean nullable() default true;

  /** Adds a UNIQUE constraint on this column. */
  boolean unique() default false;

  /**
   * Creates an index on this column, named {@code ix_<table>_<column>} (SQLAlchemy's {@code
   * Column(index=True)}). A {@code unique} column is already indexed by its constraint, so both
   * together make one unique index.
   */
  boolean index() default false;

  /** Maximum length of a {@code String} column; 0 means the dialect's unbounded text type. */
  int length() default 0;

  /**
   * Total digits of a {@code BigDecimal} column ({@code numeric(precision, scale)} on PostgreSQL,
   * {@code DECIMAL(precision, scale)} on MariaDB; SQLite keeps the exact text). 0 means the
   * dialect's default: unbounded on PostgreSQL, {@code DECIMAL(65,30)} on MariaDB.
   *
   * <pre>{@code
   * @Column(precision = 12, scale = 2) public BigDecimal total;
   * }</pre>
   */
  int precision() default 0;

  /** Digits after the decimal point of a {@code BigDecimal} column; needs a {@link #precision}. */
  int scale() default 0;

  /**
   * The column's server default, as SQL: {@code createAll} declares it ({@code DEFAULT <sql>}), and
   * a new object whose field is {@code null} is inserted without the column, so the database's
   * default applies, and its value is read back into the field in the same flush (SQLAlchemy's
   * {@code server_default} with {@code eager_defaults}). A field that is not {@code null} is
   * written as usual. Empty (the default) means no server default.
   *
   * <p>The text is an SQL expression, used as written: a string literal carries its own quotes.
   * Expressions other than a literal or a bare keyword are put in parentheses, which all three
   * databases accept.
   *
   * <pre>{@code
   * @Column(serverDefault = "CURRENT_TIMESTAMP") public LocalDateTime createdAt;
   * @Column(serverDefault = "'new'", nullable = false) public String status;
   * @Column(serverDefault = "0") public Integer attempts;
   * }</pre>
   *
   * <p>Tether cannot tell a field nobody set from one set to {@code null}: at insert, {@code null}
   * means "use the default". A later UPDATE writes {@code null} like any other value. The field
   * must have a type that can be {@code null} ({@code Integer}, not {@code int}).
   */
  String serverDefault() default "";
}
