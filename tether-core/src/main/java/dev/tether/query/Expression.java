package dev.tether.query;

import dev.tether.mapping.ColumnType;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A value a query can compare, order by, group by or select: a mapped column ({@link
 * ColumnAttribute}), a column of an {@link Alias}, or an aggregate such as {@link #count()}. Every
 * value compared against is sent as a bound parameter, never as SQL text.
 *
 * <pre>{@code
 * session.select(Child.class)
 *     .where(Child_.name.like("a%").and(Child_.position.between(1, 10)))
 *     .orderBy(Child_.position.desc().nullsLast())
 *     .list();
 * }</pre>
 *
 * @param <V> the Java type of the value
 */
public abstract class Expression<V> {
  Expression() {}

  /** Renders the expression's SQL into {@code w}. */
  abstract void render(SqlWriter w);

  /** How the value is bound and read. */
  abstract ColumnType valueType(SqlWriter w);

  /** The Java class of the value as read (the enum class for enums). */
  abstract Class<?> javaType(SqlWriter w);

  /**
   * The mapped column whose values this expression has (a column, or an aggregate such as {@code
   * max} of one), or null for a computed value: parameters compared with it and values read from it
   * go through the column's conversion.
   */
  dev.tether.mapping.ColumnMapping mapping(SqlWriter w) {
    return null;
  }

  /** The model whose table the expression reads, when it reads one; the FROM of a value select. */
  Class<?> modelType() {
    return null;
  }

  // ---- comparisons ---------------------------------------------------------------------------

  /** {@code = value}; {@code eq(null)} means {@code IS NULL}, as in SQLAlchemy. */
  public Condition eq(V value) {
    return value == null ? isNull() : new Condition.Compare(this, "=", value);
  }

  /** {@code <> value}; {@code ne(null)} means {@code IS NOT NULL}. */
  public Condition ne(V value) {
    return value == null ? isNotNull() : new Condition.Compare(this, "<>", value);
  }

  /** {@code < value}. */
  public Condition lt(V value) {
    return new Condition.Compare(this, "<", Objects.requireNonNull(value, "value"));
  }

  /** {@code <= value}. */
  public Condition le(V value) {
    return new Condition.Compare(this, "<=", Objects.requireNonNull(value, "value"));
  }

  /** {@code > value}. */
  public Condition gt(V value) {
    return new Condition.Compare(this, ">", Objects.requireNonNull(value, "value"));
  }

  /** {@code >= value}. */
  public Condition ge(V value) {
    return new Condition.Compare(this, ">=", Objects.requireNonNull(value, "value"));
  }

  /** {@code = other}: compares two columns (a join condition written by hand, a self-join). */
  public Condition eq(Expression<V> other) {
    return new Condition.CompareColumns(this, "=", other);
  }

  /** {@code <> other}. */
  public Condition ne(Expression<V> other) {
    return new Condition.CompareColumns(this, "<>", other);
  }

  /** {@code < other}. */
  public Condition lt(Expression<V> other) {
    return new Condition.CompareColumns(this, "<", other);
  }

  /** {@code > other}. */
  public Condition gt(Expression<V> other) {
    return new Condition.CompareColumns(this, ">", other);
  }

  /**
   * {@code IN (?, ?, ...)}, one parameter per value. An empty collection matches nothing (rendered
   * as a condition that is always false); long lists are the caller's to chunk under the database's
   * parameter limit.
   */
  public Condition in(Collection<? extends V> values) {
    return new Condition.In(this, List.copyOf(values), false);
  }

  /** {@code IN (...)} of the given values. */
  @SafeVarargs
  public final Condition in(V... values) {
    List<V> all = new java.util.ArrayList<>(values.length);
    for (V v : values) {
      all.add(v);
    }
    return in(all);
  }

  /** {@code NOT IN (...)}; an empty collection matches everything. */
  public Condition notIn(Collection<? extends V> values) {
    return new Condition.In(this, List.copyOf(values), true);
  }

  /**
   * {@code LIKE pattern}: {@code %} matches any run of characters, {@code _} one character. The
   * pattern is a bound parameter. (Case sensitivity is the database's: PostgreSQL's LIKE is
   * case-sensitive, SQLite's and MariaDB's default collation are not.)
   */
  public Condition like(String pattern) {
    return new Condition.Like(this, Objects.requireNonNull(pattern, "pattern"), false);
  }

  /** {@code NOT LIKE pattern}. */
  public Condition notLike(String pattern) {
    return new Condition.Like(this, Objects.requireNonNull(pattern, "pattern"), true);
  }

  /** {@code IS NULL}. */
  public Condition isNull() {
    return new Condition.NullCheck(this, false);
  }

  /** {@code IS NOT NULL}. */
  public Condition isNotNull() {
    return new Condition.NullCheck(this, true);
  }

  /** {@code BETWEEN low AND high}, both ends included. */
  public Condition between(V low, V high) {
    return new Condition.Between(
        this, Objects.requireNonNull(low, "low"), Objects.requireNonNull(high, "high"));
  }

  // ---- ordering ------------------------------------------------------------------------------

  /** Ascending order; add {@link Order#nullsFirst()} or {@link Order#nullsLast()} if it matters. */
  public Order asc() {
    return new Order(this, false, Order.Nulls.DEFAULT);
  }

  /** Descending order. */
  public Order desc() {
    return new Order(this, true, Order.Nulls.DEFAULT);
  }

  // ---- aggregates ----------------------------------------------------------------------------

  /** {@code COUNT(x)}: the rows where the value is not null. */
  public Expression<Long> count() {
    return new Aggregate<>(this, "COUNT", Aggregate.Result.LONG, false);
  }

  /** {@code COUNT(DISTINCT x)}. */
  public Expression<Long> countDistinct() {
    return new Aggregate<>(this, "COUNT", Aggregate.Result.LONG, true);
  }

  /** {@code MAX(x)}; null over no rows. */
  public Expression<V> max() {
    return new Aggregate<>(this, "MAX", Aggregate.Result.SAME, false);
  }

  /** {@code MIN(x)}; null over no rows. */
  public Expression<V> min() {
    return new Aggregate<>(this, "MIN", Aggregate.Result.SAME, false);
  }

  /** {@code SUM(x)}, of the value's own type; null over no rows. */
  public Expression<V> sum() {
    return new Aggregate<>(this, "SUM", Aggregate.Result.SAME, false);
  }

  /** {@code AVG(x)} as a double; null over no rows. */
  public Expression<Double> avg() {
    return new Aggregate<>(this, "AVG", Aggregate.Result.DOUBLE, false);
  }
}
