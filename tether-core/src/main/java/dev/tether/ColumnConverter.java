package dev.tether;

/**
 * Stores a field of a type Tether does not know ({@code J}) as a column of a type it does ({@code
 * C}: a String, a number, a BigDecimal, a date, byte[] ...). Declare it on one field with {@link
 * Convert @Convert}, or once for every field of its Java type with {@link Converters @Converters}
 * on a model class or its package (or {@code @Convert} on the Java type itself, when it is yours).
 * Tether never passes {@code null} to either method: a null field is a NULL column.
 *
 * <pre>{@code
 * public record Money(BigDecimal amount) {}
 *
 * public class MoneyConverter implements ColumnConverter<Money, BigDecimal> {
 *   public BigDecimal toColumn(Money value) { return value.amount(); }
 *   public Money fromColumn(BigDecimal value) { return new Money(value); }
 * }
 *
 * public class Invoice extends Model {
 *   @Id public Long id;
 *   @Convert(MoneyConverter.class) @Column(precision = 12, scale = 2) public Money total;
 * }
 * }</pre>
 *
 * A converter class needs a public no-argument constructor and must name both types (implement
 * {@code ColumnConverter<Money, BigDecimal>}, not a raw or generic {@code ColumnConverter}); it
 * should be stateless, as one instance serves every session. Values are compared for dirty checking
 * by their column value, so {@code toColumn} of an unchanged value must give an equal result.
 *
 * @param <J> the field's Java type
 * @param <C> the column's type, one Tether stores itself
 */
public interface ColumnConverter<J, C> {
  /** The column value for {@code value} (never null). */
  C toColumn(J value);

  /** The field value for the column value {@code value} (never null). */
  J fromColumn(C value);
}
