package dev.tether.types;

import dev.tether.Column;
import dev.tether.ColumnConverter;
import dev.tether.Convert;
import dev.tether.Embeddable;
import dev.tether.Embedded;
import dev.tether.EnumStorage;
import dev.tether.Enumerated;
import dev.tether.Id;
import dev.tether.Index;
import dev.tether.Json;
import dev.tether.Model;
import dev.tether.Table;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The embedded-value fixture: a customer with two addresses of one record type (default and
 * explicit prefix), a mutable class with primitives and an enum, a value over NOT NULL columns
 * without a prefix, a value nested in another, and components stored as JSON and through a
 * converter.
 */
final class EmbeddedModel {
  private EmbeddedModel() {}

  @Embeddable
  public record Address(
      String street, @Column(length = 10) String zip, @Column(index = true) String city) {}

  public enum Unit {
    MM,
    CM
  }

  /** A mutable embeddable: a class with a no-argument constructor. */
  @Embeddable
  public static class Dimensions {
    public int width;
    public int height;

    @Enumerated(EnumStorage.NAME)
    public Unit unit;

    public Dimensions() {}

    Dimensions(int width, int height, Unit unit) {
      this.width = width;
      this.height = height;
      this.unit = unit;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Dimensions d && d.width == width && d.height == height && d.unit == unit;
    }

    @Override
    public int hashCode() {
      return Objects.hash(width, height, unit);
    }

    @Override
    public String toString() {
      return width + "x" + height + " " + unit;
    }
  }

  @Embeddable
  public record Money(
      @Column(precision = 12, scale = 2, nullable = false) BigDecimal amount,
      @Column(name = "ccy", length = 3, nullable = false) String currency) {}

  @Embeddable
  public record Geo(double lat, double lon) {}

  @Embeddable
  public record Place(String name, Geo geo) {}

  /** Components stored through JSON and through a converter. */
  @Embeddable
  public record Extras(@Json List<String> tags, @Convert(UriConverter.class) URI link) {}

  public static class UriConverter implements ColumnConverter<URI, String> {
    @Override
    public String toColumn(URI value) {
      return value.toString();
    }

    @Override
    public URI fromColumn(String value) {
      return URI.create(value);
    }
  }

  @Table("em_customer")
  @Index(columns = {"bill_city", "billing.zip"})
  public static class Customer extends Model {
    @Id public Integer id;
    public String name;
    public Address home;

    @Embedded(prefix = "bill_")
    public Address billing;

    public Dimensions parcel;

    @Embedded(prefix = "", nullable = false)
    public Money balance;

    public Place place;
    public Extras extras;
  }

  static Customer customer(String name) {
    Customer c = new Customer();
    c.name = name;
    c.balance = new Money(new BigDecimal("10.00"), "EUR");
    return c;
  }
}
