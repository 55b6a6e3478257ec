package dev.tether;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a value type whose fields are stored in several columns of the table of every model that
 * has a field of this type (an <em>embedded value</em>; SQLAlchemy's composite, JPA's embeddable).
 * A record is the usual form; a class needs a no-argument constructor and non-final fields. Each
 * component is a column like a model's column field (it may carry {@code @Column}, {@code @Json},
 * {@code @Convert} or {@code @Enumerated}), and an {@code @Embeddable} component nests. It has no
 * identity, no key and no relationships.
 *
 * <pre>{@code
 * @Embeddable
 * public record Address(String street, @Column(length = 10) String zip, String city) {}
 *
 * public class Customer extends Model {
 *   @Id public Long id;
 *   public Address home;                          // columns home_street, home_zip, home_city
 *   @Embedded(prefix = "bill_") public Address billing;   // bill_street, bill_zip, bill_city
 * }
 * }</pre>
 *
 * <p>A null value writes NULL to every column, and a row whose columns are all NULL loads as null.
 * Changes are found by column value: an equal replacement writes nothing, a changed component
 * writes its own column only, and a mutable class changed in place is written too. The generated
 * metamodel reaches the components ({@code Customer_.home.city}). See {@link Embedded}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Embeddable {}
