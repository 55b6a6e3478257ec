package dev.tether.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Column;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.RegistryInternals;
import dev.tether.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a model class maps to: table and column names, types, keys and nullability. */
class ModelReaderTest {

  public static class OrderLine extends Model {
    @Id public Integer id;
    public Integer parentId;
    public String homePageURL;
    public Integer quantity;
  }

  public static class URLPart extends Model {
    @Id public Long id;
  }

  @Test
  void tableAndColumnNamesDefaultToSnakeCase() {
    Metadata m = RegistryInternals.metadata(Registry.of(OrderLine.class, URLPart.class));
    ModelMapping line = m.model(OrderLine.class);
    assertThat(line.table().name()).isEqualTo("order_line");
    assertThat(line.columns())
        .extracting(ColumnMapping::name)
        .containsExactly("id", "parent_id", "home_page_url", "quantity");
    assertThat(line.columnByField("parentId").name()).isEqualTo("parent_id");
    assertThat(m.model(URLPart.class).table().name()).isEqualTo("url_part");
  }

  @Table("mr_customer")
  public static class Customer extends Model {
    @Id
    @Column(name = "customer_no")
    public Integer number;

    @Column(name = "full_name", nullable = false, length = 120, unique = true)
    public String name;

    public String email;
  }

  @Test
  void tableAndColumnAnnotationsOverrideTheDefaults() {
    ModelMapping customer =
        RegistryInternals.metadata(Registry.of(Customer.class)).model(Customer.class);
    assertThat(customer.table().name()).isEqualTo("mr_customer");
    assertThat(customer.id().name()).isEqualTo("customer_no");
    assertThat(customer.id().fieldName()).isEqualTo("number");
    ColumnMapping name = customer.columnByField("name");
    assertThat(name.name()).isEqualTo("full_name");
    assertThat(name.nullable()).isFalse();
    assertThat(name.unique()).isTrue();
    assertThat(name.length()).isEqualTo(120);
    ColumnMapping email = customer.columnByField("email");
    assertThat(email.nullable()).isTrue();
    assertThat(email.unique()).isFalse();
    assertThat(email.length()).isZero();
  }

  public enum Colour {
    RED,
    GREEN
  }

  @Table("mr_all_types")
  public static class AllTypes extends Model {
    @Id public Long id;
    public Integer boxedInt;
    public int primitiveInt;
    public long primitiveLong;
    public String text;
    public Boolean boxedBoolean;
    public boolean primitiveBoolean;
    public Double boxedDouble;
    public double primitiveDouble;
    public BigDecimal amount;
    public LocalDate day;
    public LocalDateTime localTime;
    public Instant instant;
    public UUID uuid;
    public Colour colour;
    public byte[] data;
  }

  @Test
  void everySupportedTypeIsAColumnOfItsKind() {
    ModelMapping all =
        RegistryInternals.metadata(Registry.of(AllTypes.class)).model(AllTypes.class);
    Map<String, ColumnType> types = new LinkedHashMap<>();
    all.columns().forEach(c -> types.put(c.fieldName(), c.type()));
    assertThat(types)
        .containsExactly(
            Map.entry("id", ColumnType.LONG),
            Map.entry("boxedInt", ColumnType.INTEGER),
            Map.entry("primitiveInt", ColumnType.INTEGER),
            Map.entry("primitiveLong", ColumnType.LONG),
            Map.entry("text", ColumnType.STRING),
            Map.entry("boxedBoolean", ColumnType.BOOLEAN),
            Map.entry("primitiveBoolean", ColumnType.BOOLEAN),
            Map.entry("boxedDouble", ColumnType.DOUBLE),
            Map.entry("primitiveDouble", ColumnType.DOUBLE),
            Map.entry("amount", ColumnType.DECIMAL),
            Map.entry("day", ColumnType.DATE),
            Map.entry("localTime", ColumnType.DATETIME),
            Map.entry("instant", ColumnType.INSTANT),
            Map.entry("uuid", ColumnType.UUID),
            Map.entry("colour", ColumnType.ENUM),
            Map.entry("data", ColumnType.BYTES));
  }

  @Test
  void primitivesAndTheIdAreNotNullEverythingElseIsNullable() {
    ModelMapping all =
        RegistryInternals.metadata(Registry.of(AllTypes.class)).model(AllTypes.class);
    assertThat(all.columns())
        .filteredOn(c -> !c.nullable())
        .extracting(ColumnMapping::fieldName)
        .containsExactly(
            "id", "primitiveInt", "primitiveLong", "primitiveBoolean", "primitiveDouble");
  }

  @Test
  void integerAndLongKeysAreGenerated() {
    Metadata m =
        RegistryInternals.metadata(Registry.of(AllTypes.class, Customer.class, Coded.class));
    assertThat(m.model(AllTypes.class).id().generated()).isTrue();
    assertThat(m.model(Customer.class).id().generated()).isTrue();
    assertThat(m.model(Coded.class).id().generated()).isFalse();
    assertThat(m.model(Coded.class).id().nullable()).isFalse();
  }

  @Table("mr_coded")
  public static class Coded extends Model {
    @Id public String code;
    public static int instances;
    public transient String scratch;
  }

  @Test
  void staticAndTransientFieldsAreNotColumns() {
    ModelMapping coded = RegistryInternals.metadata(Registry.of(Coded.class)).model(Coded.class);
    assertThat(coded.columns()).extracting(ColumnMapping::fieldName).containsExactly("code");
  }

  public abstract static class Audited extends Model {
    @Id public Long id;
    public Instant createdAt;
  }

  @Table("mr_invoice")
  public static class Invoice extends Audited {
    public BigDecimal total;
  }

  @Test
  void fieldsOfAnAbstractSuperclassComeFirst() {
    ModelMapping invoice =
        RegistryInternals.metadata(Registry.of(Invoice.class)).model(Invoice.class);
    assertThat(invoice.columns())
        .extracting(ColumnMapping::name)
        .containsExactly("id", "created_at", "total");
    assertThat(invoice.id().fieldName()).isEqualTo("id");
  }
}
