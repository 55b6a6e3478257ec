package dev.tether.query;

import dev.tether.mapping.ColumnType;
import java.util.Objects;

/** {@code COUNT}, {@code MAX}, {@code MIN}, {@code SUM}, {@code AVG} of an expression. */
final class Aggregate<V> extends Expression<V> {
  /** The type an aggregate yields: always a count, always a double, or its argument's. */
  enum Result {
    LONG,
    DOUBLE,
    SAME
  }

  private final Expression<?> argument;
  private final String function;
  private final Result result;
  private final boolean distinct;

  Aggregate(Expression<?> argument, String function, Result result, boolean distinct) {
    this.argument = argument;
    this.function = function;
    this.result = result;
    this.distinct = distinct;
  }

  /** {@code COUNT(*)}. */
  static Aggregate<Long> countAll() {
    return new Aggregate<>(null, "COUNT", Result.LONG, false);
  }

  @Override
  Class<?> modelType() {
    return argument == null ? null : argument.modelType();
  }

  @Override
  void render(SqlWriter w) {
    w.append(function).append(distinct ? "(DISTINCT " : "(");
    if (argument == null) {
      w.append("*");
    } else {
      argument.render(w);
    }
    w.append(")");
  }

  @Override
  ColumnType valueType(SqlWriter w) {
    return switch (result) {
      case LONG -> ColumnType.LONG;
      case DOUBLE -> ColumnType.DOUBLE;
      case SAME -> argument.valueType(w);
    };
  }

  @Override
  Class<?> javaType(SqlWriter w) {
    return switch (result) {
      case LONG -> Long.class;
      case DOUBLE -> Double.class;
      case SAME -> argument.javaType(w);
    };
  }

  @Override
  dev.tether.mapping.ColumnMapping mapping(SqlWriter w) {
    return result == Result.SAME ? argument.mapping(w) : null;
  }

  // Equal aggregates of the same column are the same value: Row.get finds them either way.
  @Override
  public boolean equals(Object o) {
    return o instanceof Aggregate<?> a
        && Objects.equals(argument, a.argument)
        && function.equals(a.function)
        && result == a.result
        && distinct == a.distinct;
  }

  @Override
  public int hashCode() {
    return Objects.hash(argument, function, result, distinct);
  }

  @Override
  public String toString() {
    return function.toLowerCase(java.util.Locale.ROOT)
        + "("
        + (distinct ? "distinct " : "")
        + (argument == null ? "*" : argument)
        + ")";
  }
}
