package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.DatabaseException;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.RegistryInternals;
import dev.tether.Sequence;
import dev.tether.Session;
import dev.tether.Table;
import dev.tether.schema.SchemaGenerator;
import dev.tether.testing.ExistingSchema;
import dev.tether.testing.SqlText;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three ways generated keys reach new objects, on every database: {@code INSERT ... RETURNING}
 * (the default, tested everywhere else), a {@code @Sequence} drawn in one query before batched
 * INSERTs, and {@code @Table(implicitReturning = false)}: one INSERT per row and the dialect's
 * last-key query. Then a table whose INSERT refuses RETURNING (PostgreSQL's rule-based
 * partitioning) written both ways.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class KeyGenerationTest {
  @Parameter TestDatabase target;
  final StatementRecorder sql = new StatementRecorder();

  /** Keys from a sequence. */
  @Table("kg_ticket")
  public static class Ticket extends Model {
    @Id
    @Sequence("kg_ticket_seq")
    public Long id;

    public String title;

    public Ticket() {}

    Ticket(String title) {
      this.title = title;
    }
  }

  /** Keys read back after each INSERT. */
  @Table(value = "kg_event", implicitReturning = false)
  public static class Event extends Model {
    @Id public Integer id;
    public String name;

    public Event() {}

    Event(String name) {
      this.name = name;
    }
  }

  private static List<String> plain(List<String> sent) {
    return SqlText.plain(sent);
  }

  @Test
  void aSequenceGivesEveryNewRowItsKeyInOneQueryBeforeOneBatchedInsert() {
    Registry registry = Registry.of(Ticket.class);
    List<String> ddl =
        plain(
            new SchemaGenerator(target.dialect())
                .createStatements(RegistryInternals.metadata(registry)));
    boolean sequences = target.dialect().supportsSequences();
    if (sequences) {
      assertThat(ddl.get(0)).isEqualTo("CREATE SEQUENCE IF NOT EXISTS kg_ticket_seq");
      assertThat(ddl.get(1))
          .contains(
              "id BIGINT NOT NULL DEFAULT ".toLowerCase().length() > 0 ? "NOT NULL DEFAULT" : "")
          .contains("kg_ticket_seq")
          .contains("PRIMARY KEY");
    } else {
      assertThat(ddl).noneMatch(s -> s.contains("SEQUENCE")); // ignored where there are none
    }
    try (Database db = target.open(registry)) {
      db.addStatementListener(sql);
      List<Ticket> tickets = new ArrayList<>();
      try (Session s = db.session()) {
        for (int i = 0; i < 3; i++) {
          tickets.add(new Ticket("t" + i));
          s.add(tickets.get(i));
        }
        List<String> sent = plain(sql.assertStatements(sequences ? 2 : 1, s::flush));
        if (sequences) {
          assertThat(sent.get(0)).containsIgnoringCase("SELECT nextval(").contains("kg_ticket_seq");
          assertThat(sent.get(1))
              .isEqualTo("INSERT INTO kg_ticket (id, title) VALUES (?, ?), (?, ?), (?, ?)");
          assertThat(tickets).extracting(t -> t.id).containsExactly(1L, 2L, 3L);
        } else {
          assertThat(sent.get(0)).startsWith("INSERT INTO kg_ticket (title) VALUES");
        }
        s.commit();
      }
      sql.clear();
      try (Session s = db.session()) {
        for (Ticket t : tickets) {
          assertThat(s.get(Ticket.class, t.id).title).isEqualTo(t.title);
        }
        Ticket more = new Ticket("t3");
        s.add(more);
        s.commit();
        assertThat(more.id).isEqualTo(4L);
      }
    }
  }

  @Test
  void withoutImplicitReturningEachRowIsInsertedAloneAndItsKeyRead() {
    try (Database db = target.open(Registry.of(Event.class))) {
      db.addStatementListener(sql);
      List<Event> events = List.of(new Event("a"), new Event("b"), new Event("c"));
      try (Session s = db.session()) {
        events.forEach(s::add);
        List<String> sent = plain(sql.assertStatements(6, s::commit));
        assertThat(sent.get(0)).isEqualTo("INSERT INTO kg_event (name) VALUES (?)");
        assertThat(sent.get(1))
            .isEqualTo(SqlText.plain(target.dialect().lastKeySql("kg_event", "id")));
        assertThat(sent).noneMatch(s2 -> s2.contains("RETURNING"));
      }
      assertThat(events).extracting(e -> e.id).doesNotContainNull().doesNotHaveDuplicates();
      try (Session s = db.session()) {
        for (Event e : events) {
          assertThat(s.get(Event.class, e.id).name).isEqualTo(e.name);
        }
      }
    }
  }

  // ---- a table that refuses RETURNING ---------------------------------------------------------

  /** The partitioned table, keys read back after each INSERT. */
  @Table(value = "kg_measurement", implicitReturning = false)
  public static class Measurement extends Model {
    @Id public Long id;
    public int year;
    public String city;

    public Measurement() {}

    Measurement(int year, String city) {
      this.year = year;
      this.city = city;
    }
  }

  /** The same table, keys drawn from its sequence. */
  @Table("kg_measurement")
  public static class SequencedMeasurement extends Model {
    @Id
    @Sequence("kg_measurement_id_seq")
    public Long id;

    public int year;
    public String city;

    public SequencedMeasurement() {}

    SequencedMeasurement(int year, String city) {
      this.year = year;
      this.city = city;
    }
  }

  /** The same table, mapped the default way (RETURNING). */
  @Table("kg_measurement")
  public static class PlainMeasurement extends Model {
    @Id public Long id;
    public int year;
    public String city;
  }

  /**
   * A measurement table partitioned by year the way each database's users do it: PostgreSQL's
   * classic inheritance with conditional {@code DO INSTEAD} rules (which refuse {@code INSERT ...
   * RETURNING}), MariaDB's native range partitions (with a sequence as its key source), SQLite's
   * single table.
   */
  private static List<String> partitioned(TestDatabase target) {
    return switch (target) {
      case POSTGRESQL ->
          List.of(
              "CREATE TABLE kg_measurement (id bigserial PRIMARY KEY, year int NOT NULL,"
                  + " city text)",
              "CREATE TABLE kg_measurement_old (CHECK (year < 2026)) INHERITS (kg_measurement)",
              "CREATE TABLE kg_measurement_new (CHECK (year >= 2026)) INHERITS (kg_measurement)",
              "CREATE RULE kg_old AS ON INSERT TO kg_measurement WHERE (year < 2026)"
                  + " DO INSTEAD INSERT INTO kg_measurement_old VALUES (NEW.*)",
              "CREATE RULE kg_new AS ON INSERT TO kg_measurement WHERE (year >= 2026)"
                  + " DO INSTEAD INSERT INTO kg_measurement_new VALUES (NEW.*)");
      case MARIADB ->
          List.of(
              "CREATE SEQUENCE kg_measurement_id_seq START WITH 1000",
              "CREATE TABLE kg_measurement (id BIGINT NOT NULL AUTO_INCREMENT, year INT NOT NULL,"
                  + " city VARCHAR(50), PRIMARY KEY (id, year))"
                  + " PARTITION BY RANGE (year) (PARTITION p_old VALUES LESS THAN (2026),"
                  + " PARTITION p_new VALUES LESS THAN MAXVALUE)");
      case SQLITE ->
          List.of(
              "CREATE TABLE kg_measurement (id INTEGER PRIMARY KEY, year INTEGER NOT NULL,"
                  + " city TEXT)");
    };
  }

  /** Whether {@link #partitioned}'s table refuses RETURNING: the conditional rules do. */
  private boolean refusesReturning() {
    return partitioned(target).stream().anyMatch(ddl -> ddl.startsWith("CREATE RULE"));
  }

  private <T> void writeFourAndReadBack(
      ExistingSchema schema,
      Class<T> model,
      java.util.function.BiFunction<Integer, String, T> make,
      java.util.function.Function<T, Long> id) {
    try (Database db = schema.open(Registry.of(model))) {
      List<T> rows = new ArrayList<>();
      try (Session s = db.session()) {
        int[] years = {2024, 2026, 2025, 2027};
        for (int y : years) {
          T m = make.apply(y, "c" + y);
          rows.add(m);
          s.add(m);
        }
        s.commit();
      }
      assertThat(rows).extracting(id::apply).doesNotContainNull().doesNotHaveDuplicates();
      for (T m : rows) {
        List<List<String>> found =
            schema.rows("SELECT year, city FROM kg_measurement WHERE id = " + id.apply(m));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get(1)).isEqualTo("c" + found.get(0).get(0));
      }
      try (Session s = db.session()) {
        for (T m : rows) {
          assertThat(s.get(model, id.apply(m))).isNotNull();
        }
      }
    }
  }

  @Test
  void aTableThatRefusesReturningIsWrittenWithLastKeysOrItsSequence() {
    try (ExistingSchema schema = ExistingSchema.create(target, partitioned(target))) {
      writeFourAndReadBack(schema, Measurement.class, Measurement::new, m -> m.id);
      writeFourAndReadBack(
          schema, SequencedMeasurement.class, SequencedMeasurement::new, m -> m.id);
      assertThat(schema.rows("SELECT id FROM kg_measurement")).hasSize(8);
      if (refusesReturning()) {
        try (Database db = schema.open(Registry.of(PlainMeasurement.class));
            Session s = db.session()) {
          PlainMeasurement p = new PlainMeasurement();
          p.year = 2026;
          s.add(p);
          assertThatThrownBy(s::commit)
              .isInstanceOf(DatabaseException.class)
              .hasMessageContaining("RETURNING");
        }
      }
    }
  }
}
