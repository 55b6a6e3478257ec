package dev.tether.query;

/**
 * A row of two values, from {@code session.select(a, b)}.
 *
 * <pre>{@code
 * for (Tuple2<Integer, Long> t :
 *     session.select(Child_.parentId, Child_.id.count()).groupBy(Child_.parentId).list()) {
 *   System.out.println(t.first() + ": " + t.second());
 * }
 * }</pre>
 *
 * @param first the first value
 * @param second the second value
 * @param <A> the first value's type
 * @param <B> the second value's type
 */
public record Tuple2<A, B>(A first, B second) {}
