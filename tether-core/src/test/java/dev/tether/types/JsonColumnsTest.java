package dev.tether.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.Id;
import dev.tether.Json;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.Table;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JSON columns ({@code jsonb} on PostgreSQL, {@code JSON} on MariaDB, text on SQLite) hold maps,
 * lists, records and POJOs, and are dirty-checked by value: a map changed in place is written, an
 * unchanged or equal value is not — also after PostgreSQL hands back its own spacing and key order.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class JsonColumnsTest {
  public record Address(String street, String city, int zip) {}

  /** A mutable POJO, as Jackson maps it. */
  public static class Preferences {
    public boolean darkMode;
    public List<String> languages = new ArrayList<>();
  }

  @Table("js_profile")
  public static class Profile extends Model {
    @Id public Integer id;
    public String name;
    @Json public Map<String, Object> settings;
    @Json public List<Address> addresses;
    @Json public Address home;
    @Json public Preferences preferences;
  }

  @Parameter TestDatabase target;
  final StatementRecorder sql = new StatementRecorder();
  Database db;

  @BeforeEach
  void open() {
    db = target.open(Registry.of(Profile.class));
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  Integer saved() {
    Profile p = new Profile();
    p.name = "ada";
    p.settings = new LinkedHashMap<>();
    p.settings.put("zeta", 1);
    p.settings.put("alpha", List.of("x", "y"));
    p.settings.put("nested", Map.of("k", true));
    p.addresses = List.of(new Address("1 Main St", "Springfield", 12345));
    p.home = new Address("2 Elm St", "Shelbyville", 54321);
    p.preferences = new Preferences();
    p.preferences.languages.add("en");
    try (Session s = db.session()) {
      s.add(p);
      s.commit();
    }
    return p.id;
  }

  @Test
  void valuesRoundTripAndAnUntouchedObjectIsNotWritten() {
    Integer id = saved();
    try (Session s = db.session()) {
      Profile p = s.get(Profile.class, id);
      assertThat(p.settings)
          .containsEntry("zeta", 1)
          .containsEntry("alpha", List.of("x", "y"))
          .containsEntry("nested", Map.of("k", true));
      assertThat(p.addresses).containsExactly(new Address("1 Main St", "Springfield", 12345));
      assertThat(p.home).isEqualTo(new Address("2 Elm St", "Shelbyville", 54321));
      assertThat(p.preferences.languages).containsExactly("en");
      sql.assertNoStatements(s::commit);
    }
  }

  @Test
  void aMapChangedInPlaceIsWrittenAtFlush() {
    Integer id = saved();
    try (Session s = db.session()) {
      Profile p = s.get(Profile.class, id);
      p.settings.put("zeta", 2);
      List<String> sent = sql.assertStatements(1, s::commit);
      assertThat(sent.get(0)).startsWith("UPDATE");
      p.preferences.languages.add("fr"); // a POJO changed in place
      sql.assertStatements(1, s::commit);
    }
    try (Session s = db.session()) {
      Profile p = s.get(Profile.class, id);
      assertThat(p.settings).containsEntry("zeta", 2);
      assertThat(p.preferences.languages).containsExactly("en", "fr");
    }
  }

  @Test
  void anEqualValueInAnotherOrderOrAnotherMapClassIsNoChange() {
    Integer id = saved();
    try (Session s = db.session()) {
      Profile p = s.get(Profile.class, id);
      p.settings = new TreeMap<>(p.settings);
      p.home = new Address("2 Elm St", "Shelbyville", 54321);
      p.settings.put("zeta", 1);
      sql.assertNoStatements(s::commit);
    }
  }

  @Test
  void aNullDocumentIsSqlNull() {
    Profile p = new Profile();
    try (Session s = db.session()) {
      s.add(p);
      s.commit();
    }
    try (Session s = db.session()) {
      Profile read = s.get(Profile.class, p.id);
      assertThat(read.settings).isNull();
      assertThat(read.home).isNull();
      sql.assertNoStatements(s::commit);
    }
  }
}
