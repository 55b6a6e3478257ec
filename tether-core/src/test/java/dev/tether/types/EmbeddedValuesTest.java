package dev.tether.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.IntegrityException;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.query.ColumnAttribute;
import dev.tether.query.EmbeddedAttribute;
import dev.tether.testing.SqlText;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import dev.tether.types.EmbeddedModel.Address;
import dev.tether.types.EmbeddedModel.Customer;
import dev.tether.types.EmbeddedModel.Dimensions;
import dev.tether.types.EmbeddedModel.Extras;
import dev.tether.types.EmbeddedModel.Geo;
import dev.tether.types.EmbeddedModel.Money;
import dev.tether.types.EmbeddedModel.Place;
import dev.tether.types.EmbeddedModel.Unit;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Embedded values on every database: a round trip through each state (set, one component changed,
 * null, set again) with the UPDATE each sends, no write for an equal value, a mutable class changed
 * in place, rows written by plain SQL, and the NOT NULL of {@code @Embedded(nullable = false)}.
 * Queries through embedded columns are in {@link EmbeddedQueriesTest}.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class EmbeddedValuesTest {
  static final String COLUMNS =
      "id, name, home_street, home_zip, home_city, bill_street, bill_zip, bill_city,"
          + " parcel_width, parcel_height, parcel_unit, amount, ccy, place_name, place_geo_lat,"
          + " place_geo_lon, extras_tags, extras_link";

  @Parameter TestDatabase target;
  @TempDir Path dir;
  final StatementRecorder sql = new StatementRecorder();
  Database db;
  String url;

  @BeforeEach
  void open() {
    url = target.sharedUrl(dir);
    db = target.open(Registry.of(Customer.class), url);
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void theColumnsArePrefixedAndTheValuesMakeOneInsert() throws Exception {
    Customer c = EmbeddedModel.customer("Ann");
    c.home = new Address("Main St 1", "0150", "Oslo");
    try (Session s = db.session()) {
      s.add(c);
      List<String> sent = SqlText.plain(sql.record(s::commit));
      assertThat(sent.get(0)).startsWith("INSERT INTO em_customer (" + COLUMNS.substring(4) + ")");
    }
    assertThat(row("SELECT home_street, home_zip, home_city, bill_street, ccy"))
        .containsExactly("Main St 1", "0150", "Oslo", null, "EUR");
  }

  @Test
  void aRoundTripThroughEveryStateSendsOnlyTheColumnsThatChanged() throws Exception {
    Customer c = EmbeddedModel.customer("Ann");
    c.home = new Address("Main St 1", "0150", "Oslo");
    try (Session s = db.session()) {
      s.add(c);
      s.commit();
    }
    try (Session s = db.session()) {
      Customer read = s.get(Customer.class, c.id);
      assertThat(read.home).isEqualTo(new Address("Main St 1", "0150", "Oslo"));
      assertThat(read.billing).isNull();
      assertThat(read.place).isNull();
      assertThat(read.balance.amount()).isEqualByComparingTo("10.00");

      read.home = new Address("Main St 1", "0150", "Bergen"); // one component changed
      assertThat(SqlText.plain(sql.record(s::commit)))
          .containsExactly("UPDATE em_customer SET home_city = ? WHERE id = ?");

      read.home = null; // every column that held something becomes NULL
      assertThat(SqlText.plain(sql.record(s::commit)))
          .containsExactly(
              "UPDATE em_customer SET home_street = ?, home_zip = ?, home_city = ? WHERE id = ?");
      assertThat(row("SELECT home_street, home_zip, home_city")).containsExactly(null, null, null);

      read.home = new Address(null, null, "Oslo"); // back, with one component only
      assertThat(SqlText.plain(sql.record(s::commit)))
          .containsExactly("UPDATE em_customer SET home_city = ? WHERE id = ?");
    }
    try (Session s = db.session()) {
      assertThat(s.get(Customer.class, c.id).home).isEqualTo(new Address(null, null, "Oslo"));
    }
  }

  @Test
  void anEqualValueOrALoadWritesNothing() {
    Customer c = EmbeddedModel.customer("Ann");
    c.home = new Address("Main St 1", "0150", "Oslo");
    c.place = new Place("Home", new Geo(59.9, 10.7));
    c.parcel = new Dimensions(3, 4, Unit.CM);
    try (Session s = db.session()) {
      s.add(c);
      s.commit();
    }
    try (Session s = db.session()) {
      Customer read = s.get(Customer.class, c.id);
      sql.assertNoStatements(s::flush);
      read.home = new Address("Main St 1", "0150", "Oslo");
      read.place = new Place("Home", new Geo(59.9, 10.7));
      read.balance = new Money(new BigDecimal("10.0"), "EUR"); // decimals compare by value
      Dimensions same = new Dimensions(3, 4, Unit.CM);
      read.parcel = same;
      sql.assertNoStatements(s::commit);
    }
  }

  @Test
  void aMutableValueChangedInPlaceIsWritten() throws Exception {
    Customer c = EmbeddedModel.customer("Ann");
    c.parcel = new Dimensions(3, 4, Unit.CM);
    try (Session s = db.session()) {
      s.add(c);
      s.commit();
      c.parcel.height = 9;
      assertThat(SqlText.plain(sql.record(s::commit)))
          .containsExactly("UPDATE em_customer SET parcel_height = ? WHERE id = ?");
    }
    assertThat(row("SELECT parcel_width, parcel_height, parcel_unit"))
        .containsExactly("3", "9", "CM");
    try (Session s = db.session()) {
      Dimensions read = s.get(Customer.class, c.id).parcel;
      assertThat(List.of(read.width, read.height, read.unit)).containsExactly(3, 9, Unit.CM);
    }
  }

  @Test
  void componentsStoredAsJsonOrThroughAConverterAreComparedByColumnValue() throws Exception {
    Customer c = EmbeddedModel.customer("Ann");
    c.extras = new Extras(new ArrayList<>(List.of("vip")), URI.create("https://example.com/ann"));
    try (Session s = db.session()) {
      s.add(c);
      s.commit();
      c.extras.tags().add("late"); // a list inside a record, changed in place
      assertThat(SqlText.plain(sql.record(s::commit)))
          .containsExactly("UPDATE em_customer SET extras_tags = ? WHERE id = ?");
    }
    assertThat(row("SELECT extras_link")).containsExactly("https://example.com/ann");
    try (Session s = db.session()) {
      Customer read = s.get(Customer.class, c.id);
      assertThat(read.extras)
          .isEqualTo(new Extras(List.of("vip", "late"), URI.create("https://example.com/ann")));
      sql.assertNoStatements(s::commit);
    }
  }

  @Test
  void aNestedValueIsWrittenAndReadThroughItsOwner() throws Exception {
    Customer c = EmbeddedModel.customer("Ann");
    c.place = new Place("Cabin", null);
    try (Session s = db.session()) {
      s.add(c);
      s.commit();
      c.place = new Place("Cabin", new Geo(61.5, 8.25));
      assertThat(SqlText.plain(sql.record(s::commit)))
          .containsExactly(
              "UPDATE em_customer SET place_geo_lat = ?, place_geo_lon = ? WHERE id = ?");
    }
    try (Session s = db.session()) {
      Customer read = s.get(Customer.class, c.id);
      assertThat(read.place).isEqualTo(new Place("Cabin", new Geo(61.5, 8.25)));
      assertThat(read.toString())
          .contains("home=null")
          .contains("place=Place[name=Cabin, geo=Geo[lat=61.5, lon=8.25]]");
    }
  }

  @Test
  void aRowWrittenByPlainSqlLoads() throws Exception {
    execute(
        "INSERT INTO em_customer (id, name, home_city, parcel_width, parcel_unit, amount, ccy,"
            + " place_name) VALUES (7, 'Bo', 'Oslo', 5, 'MM', 1.5, 'NOK', 'Shed')");
    try (Session s = db.session()) {
      Customer read = s.get(Customer.class, 7);
      assertThat(read.home).isEqualTo(new Address(null, null, "Oslo"));
      assertThat(read.billing).isNull(); // every column NULL: no value
      assertThat(List.of(read.parcel.width, read.parcel.height, read.parcel.unit))
          .containsExactly(5, 0, Unit.MM); // a NULL primitive in a value that exists: zero
      assertThat(read.balance.amount()).isEqualByComparingTo("1.5");
      assertThat(read.place).isEqualTo(new Place("Shed", null));
      sql.assertNoStatements(s::commit);
    }
  }

  @Test
  void aNullValueInNotNullColumnsFailsAtFlushAndANullableOneIsAllNull() throws Exception {
    Customer c = EmbeddedModel.customer("Ann");
    c.balance = null; // @Embedded(nullable = false) over NOT NULL components
    try (Session s = db.session()) {
      s.add(c);
      assertThatThrownBy(s::commit).isInstanceOf(IntegrityException.class);
    }
    Customer d = EmbeddedModel.customer("Bo");
    d.parcel = null; // its int columns are nullable, since the value may be null
    try (Session s = db.session()) {
      s.add(d);
      s.commit();
    }
    assertThat(row("SELECT parcel_width, parcel_height, parcel_unit"))
        .containsExactly(null, null, null);
  }

  @Test
  void rollbackAndRefreshRestoreTheValueAndMergeCopiesIt() {
    Customer c = EmbeddedModel.customer("Ann");
    c.home = new Address("Main St 1", "0150", "Oslo");
    try (Session s = db.session()) {
      s.add(c);
      s.commit();
      c.home = null;
      c.parcel = new Dimensions(1, 1, Unit.MM);
      s.flush();
      s.rollback();
      assertThat(c.home).isEqualTo(new Address("Main St 1", "0150", "Oslo"));
      assertThat(c.parcel).isNull();
      c.home = new Address("x", "y", "z");
      s.refresh(c);
      assertThat(c.home).isEqualTo(new Address("Main St 1", "0150", "Oslo"));
    }
    Customer detached = EmbeddedModel.customer("Ann");
    detached.id = c.id;
    detached.home = null;
    detached.billing = new Address("PO Box 3", null, "Oslo");
    try (Session s = db.session()) {
      Customer merged = s.merge(detached);
      assertThat(merged.home).isNull();
      assertThat(merged.billing).isEqualTo(new Address("PO Box 3", null, "Oslo"));
      assertThat(SqlText.plain(sql.record(s::commit)))
          .containsExactly(
              "UPDATE em_customer SET home_street = ?, home_zip = ?, home_city = ?,"
                  + " bill_street = ?, bill_city = ? WHERE id = ?");
    }
  }

  @Test
  void aBulkUpdateOfAComponentReachesTheLoadedValue() {
    ColumnAttribute<Customer, String> homeCity =
        EmbeddedAttribute.of(Customer.class, "home", Address.class).column("city", String.class);
    Customer c = EmbeddedModel.customer("Ann");
    c.home = new Address("Main St 1", "0150", "Oslo");
    try (Session s = db.session()) {
      s.add(c);
      s.commit();
      s.bulkUpdate(Customer.class).set(homeCity, "Bergen").where(homeCity.eq("Oslo")).execute();
      assertThat(c.home).isEqualTo(new Address("Main St 1", "0150", "Bergen"));
      sql.assertNoStatements(s::commit);
    }
  }

  /** The first row of {@code em_customer}, each column as text (decimals without trailing 0s). */
  private List<String> row(String select) throws Exception {
    try (Connection conn = DriverManager.getConnection(url);
        Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(select + " FROM em_customer ORDER BY id")) {
      assertThat(rs.next()).isTrue();
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        Object v = rs.getObject(i);
        out.add(
            v == null
                ? null
                : v instanceof Number n && !(v instanceof BigDecimal)
                    ? String.valueOf(n.longValue())
                    : v.toString());
      }
      return out;
    }
  }

  private void execute(String statement) throws Exception {
    try (Connection conn = DriverManager.getConnection(url);
        Statement st = conn.createStatement()) {
      st.execute(statement);
    }
  }
}
