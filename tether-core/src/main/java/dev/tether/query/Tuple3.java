package dev.tether.query;

/**
 * A row of three values, from {@code session.select(a, b, c)}.
 *
 * @param first the first value
 * @param second the second value
 * @param third the third value
 * @param <A> the first value's type
 * @param <B> the second value's type
 * @param <C> the third value's type
 */
public record Tuple3<A, B, C>(A first, B second, C third) {}
