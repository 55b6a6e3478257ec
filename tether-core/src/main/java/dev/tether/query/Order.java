package dev.tether.query;

/**
 * One term of {@code ORDER BY}: an expression, its direction, and where nulls go. Made by {@link
 * Expression#asc()} and {@link Expression#desc()}.
 *
 * <pre>{@code
 * select.orderBy(Child_.position.desc().nullsLast(), Child_.id.asc())
 * }</pre>
 */
public final class Order {
  enum Nulls {
    DEFAULT,
    FIRST,
    LAST
  }

  final Expression<?> expression;
  final boolean descending;
  final Nulls nulls;

  Order(Expression<?> expression, boolean descending, Nulls nulls) {
    this.expression = expression;
    this.descending = descending;
    this.nulls = nulls;
  }

  /** Nulls before every value (databases differ by default; this makes it explicit). */
  public Order nullsFirst() {
    return new Order(expression, descending, Nulls.FIRST);
  }

  /** Nulls after every value. */
  public Order nullsLast() {
    return new Order(expression, descending, Nulls.LAST);
  }

  void render(SqlWriter w) {
    if (nulls != Nulls.DEFAULT && !w.dialect().supportsNullsOrdering()) {
      // no NULLS FIRST/LAST: sort on "is it null" first, 0 before 1
      w.append("CASE WHEN ");
      expression.render(w);
      w.append(
          nulls == Nulls.FIRST ? " IS NULL THEN 0 ELSE 1 END, " : " IS NULL THEN 1 ELSE 0 END, ");
    }
    expression.render(w);
    if (descending) {
      w.append(" DESC");
    }
    if (nulls != Nulls.DEFAULT && w.dialect().supportsNullsOrdering()) {
      w.append(nulls == Nulls.FIRST ? " NULLS FIRST" : " NULLS LAST");
    }
  }

  @Override
  public String toString() {
    return expression + (descending ? " desc" : " asc");
  }
}
