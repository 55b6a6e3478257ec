package dev.tether.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.QueryException;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.query.ColumnAttribute;
import dev.tether.query.EmbeddedAttribute;
import dev.tether.testing.SqlText;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import dev.tether.types.EmbeddedModel.Address;
import dev.tether.types.EmbeddedModel.Customer;
import dev.tether.types.EmbeddedModel.Geo;
import dev.tether.types.EmbeddedModel.Place;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queries through embedded columns, with the attributes written by hand as a metamodel would
 * declare them: a component in {@code where}, {@code orderBy} and a projection, a whole value
 * compared (null components as IS NULL), a nested value, and a path that does not exist.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class EmbeddedQueriesTest {
  static final EmbeddedAttribute<Customer, Address> HOME =
      EmbeddedAttribute.of(Customer.class, "home", Address.class);
  static final ColumnAttribute<Customer, String> HOME_CITY = HOME.column("city", String.class);
  static final ColumnAttribute<Customer, String> HOME_STREET = HOME.column("street", String.class);
  static final EmbeddedAttribute<Customer, Geo> PLACE_GEO =
      EmbeddedAttribute.of(Customer.class, "place.geo", Geo.class);
  static final ColumnAttribute<Customer, String> NAME =
      ColumnAttribute.of(Customer.class, "name", String.class);
  static final String SELECT =
      "SELECT t0."
          + EmbeddedValuesTest.COLUMNS.replace(", ", ", t0.")
          + " FROM em_customer t0 WHERE ";

  @Parameter TestDatabase target;
  final StatementRecorder sql = new StatementRecorder();
  Database db;

  @BeforeEach
  void open() {
    db = target.open(Registry.of(Customer.class));
    db.addStatementListener(sql);
    try (Session s = db.session()) {
      s.add(customer("Ann", new Address("Main St 1", "0150", "Oslo"), null));
      s.add(customer("Bo", new Address("Side St 2", null, "Bergen"), new Geo(60.4, 5.3)));
      s.add(customer("Cy", new Address("Main St 1", "0150", "Bergen"), new Geo(61.5, 8.25)));
      s.add(customer("Di", null, null));
      s.commit();
    }
    sql.clear();
  }

  @AfterEach
  void close() {
    db.close();
  }

  static Customer customer(String name, Address home, Geo geo) {
    Customer c = EmbeddedModel.customer(name);
    c.home = home;
    c.place = geo == null ? null : new Place(name, geo);
    return c;
  }

  @Test
  void aComponentIsAColumnInWhereOrderByAndProjections() {
    try (Session s = db.session()) {
      List<Customer> found =
          s.select(Customer.class)
              .where(HOME_CITY.eq("Bergen"))
              .orderBy(HOME_STREET.desc(), NAME.asc())
              .list();
      assertThat(found).extracting(c -> c.name).containsExactly("Bo", "Cy");
      assertThat(SqlText.plain(sql.statements()))
          .containsExactly(SELECT + "t0.home_city = ? ORDER BY t0.home_street DESC, t0.name");
      assertThat(s.select(HOME_CITY).where(NAME.eq("Ann")).list()).containsExactly("Oslo");
    }
  }

  @Test
  void aWholeValueComparesEveryColumnAndANullComponentIsNull() {
    try (Session s = db.session()) {
      assertThat(
              s.select(Customer.class)
                  .where(HOME.eq(new Address("Main St 1", "0150", "Oslo")))
                  .list())
          .extracting(c -> c.name)
          .containsExactly("Ann");
      assertThat(
              s.select(Customer.class)
                  .where(HOME.eq(new Address("Side St 2", null, "Bergen")))
                  .list())
          .extracting(c -> c.name)
          .containsExactly("Bo");
      assertThat(SqlText.plain(sql.statements()))
          .containsExactly(
              SELECT + "(t0.home_street = ? AND t0.home_zip = ? AND t0.home_city = ?)",
              SELECT + "(t0.home_street = ? AND t0.home_zip IS NULL AND t0.home_city = ?)");
    }
  }

  @Test
  void nullAndNotNullLookAtEveryColumn() {
    try (Session s = db.session()) {
      assertThat(s.select(Customer.class).where(HOME.isNull()).list())
          .extracting(c -> c.name)
          .containsExactly("Di");
      assertThat(s.select(Customer.class).where(HOME.isNotNull()).orderBy(NAME.asc()).list())
          .extracting(c -> c.name)
          .containsExactly("Ann", "Bo", "Cy");
      assertThat(SqlText.plain(sql.statements()).get(0))
          .isEqualTo(
              SELECT + "(t0.home_street IS NULL AND t0.home_zip IS NULL AND t0.home_city IS NULL)");
    }
  }

  @Test
  void aNestedValueIsReachedByItsPath() {
    try (Session s = db.session()) {
      assertThat(s.select(Customer.class).where(PLACE_GEO.eq(new Geo(61.5, 8.25))).list())
          .extracting(c -> c.name)
          .containsExactly("Cy");
      assertThat(
              s.select(Customer.class)
                  .where(PLACE_GEO.column("lat", Double.class).gt(60.0))
                  .orderBy(NAME.asc())
                  .list())
          .extracting(c -> c.name)
          .containsExactly("Bo", "Cy");
      assertThat(SqlText.plain(sql.statements()).get(0))
          .isEqualTo(SELECT + "(t0.place_geo_lat = ? AND t0.place_geo_lon = ?)");
    }
  }

  @Test
  void anUnknownPathIsRefusedWithTheNames() {
    try (Session s = db.session()) {
      assertThatThrownBy(
              () ->
                  s.select(Customer.class)
                      .where(EmbeddedAttribute.of(Customer.class, "hom", Address.class).isNull())
                      .list())
          .isInstanceOf(QueryException.class)
          .hasMessage(
              "Customer has no embedded value 'hom'. Did you mean 'home'? Regenerate the metamodel"
                  + " after renaming a field.");
    }
  }
}
