package dev.tether.session;

import static dev.tether.testing.SqlText.plain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.Registry;
import dev.tether.RegistryInternals;
import dev.tether.Session;
import dev.tether.fixtures.DatabaseFilled.Counter;
import dev.tether.fixtures.DatabaseFilled.LegacySeat;
import dev.tether.fixtures.DatabaseFilled.LegacyTicket;
import dev.tether.fixtures.DatabaseFilled.Seat;
import dev.tether.fixtures.DatabaseFilled.SequencedTicket;
import dev.tether.fixtures.DatabaseFilled.Ticket;
import dev.tether.mapping.ColumnMapping;
import dev.tether.schema.SchemaGenerator;
import dev.tether.testing.PlainSql;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.nio.file.Path;
import java.time.LocalDateTime;
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
 * {@code @Column(serverDefault)} on every database: the DDL, the INSERT that leaves a null field's
 * column out (and keeps a set one), the default's value read back in the same flush — through
 * RETURNING, or one SELECT after the batch where the model's keys do not come back that way — and
 * the statements each path costs.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class ServerDefaultsTest {
  @Parameter TestDatabase target;
  @TempDir Path dir;
  final StatementRecorder sql = new StatementRecorder();
  Database db;
  String url;

  @BeforeEach
  void open() {
    url = target.sharedUrl(dir);
    db =
        target.open(
            Registry.of(
                Ticket.class,
                LegacyTicket.class,
                SequencedTicket.class,
                Seat.class,
                LegacySeat.class,
                Counter.class),
            url);
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** The rows of {@code query}, read by plain SQL, each as {@code [a, b]}. */
  private List<String> rows(String query) {
    return PlainSql.rows(url, query).stream().map(Object::toString).toList();
  }

  @Test
  void createAllDeclaresEachDefault() {
    List<String> ddl =
        plain(
            new SchemaGenerator(target.dialect())
                .createStatements(RegistryInternals.metadata(Registry.of(Ticket.class))));
    String text = target.dialect().sqlType(column("status"));
    String timestamp = target.dialect().sqlType(column("openedAt"));
    String integer = target.dialect().sqlType(column("attempts"));
    assertThat(ddl.get(0))
        .contains("status " + text + " NOT NULL DEFAULT 'new',")
        .contains("opened_at " + timestamp + " DEFAULT CURRENT_TIMESTAMP,")
        .contains("attempts " + integer + " DEFAULT 0,")
        .contains("priority " + integer + " DEFAULT (1 + 2)");
  }

  private static ColumnMapping column(String field) {
    return RegistryInternals.metadata(Registry.of(Ticket.class))
        .model(Ticket.class)
        .columnByField(field);
  }

  @Test
  void nullFieldsAreLeftOutAndTheirDefaultsComeBackInTheSameStatement() {
    List<Ticket> tickets = List.of(new Ticket("a"), new Ticket("b"), new Ticket("c"));
    try (Session s = db.session()) {
      tickets.forEach(s::add);
      List<String> sent = plain(sql.assertStatements(1, s::flush));
      assertThat(sent.get(0))
          .isEqualTo(
              "INSERT INTO df_ticket (title) VALUES (?), (?), (?)"
                  + " RETURNING id, status, opened_at, attempts, priority");
      for (Ticket t : tickets) {
        assertThat(t.id).isNotNull();
        assertThat(t.status).isEqualTo("new");
        assertThat(t.attempts).isZero();
        assertThat(t.priority).isEqualTo(3);
        LocalDateTime now = LocalDateTime.now();
        assertThat(t.openedAt).isBetween(now.minusDays(1), now.plusDays(1)); // server's zone
      }
      sql.assertNoStatements(s::flush); // what came back is in the snapshot: nothing is dirty
      s.commit();
    }
    try (Session s = db.session()) {
      for (Ticket t : tickets) {
        Ticket read = s.get(Ticket.class, t.id);
        assertThat(read.status).isEqualTo(t.status);
        assertThat(read.openedAt).isEqualTo(t.openedAt);
        assertThat(read.attempts).isEqualTo(t.attempts);
      }
    }
  }

  @Test
  void aRowThatSetsNothingTakesEveryDefault() {
    List<Counter> counters = List.of(new Counter(), new Counter());
    try (Session s = db.session()) {
      counters.forEach(s::add);
      List<String> sent = plain(sql.assertStatements(2, s::commit)); // one row per statement
      assertThat(sent.get(0))
          .isEqualTo(
              "INSERT INTO df_counter"
                  + plain(target.dialect().defaultValuesClause())
                  + " RETURNING id, value");
    }
    assertThat(counters).extracting(c -> c.value).containsExactly(1, 1);
    assertThat(counters.get(0).id).isLessThan(counters.get(1).id);
  }

  @Test
  void aFieldThatIsSetIsWrittenAndTheOthersStillComeBack() {
    Ticket t = new Ticket("a");
    t.status = "open";
    t.attempts = 2;
    try (Session s = db.session()) {
      s.add(t);
      List<String> sent = plain(sql.assertStatements(1, s::commit));
      assertThat(sent.get(0))
          .isEqualTo(
              "INSERT INTO df_ticket (title, status, attempts) VALUES (?, ?, ?)"
                  + " RETURNING id, opened_at, priority");
    }
    assertThat(t.status).isEqualTo("open");
    assertThat(t.openedAt).isNotNull();
    assertThat(rows("SELECT status, attempts, priority FROM df_ticket"))
        .containsExactly("[open, 2, 3]");
  }

  @Test
  void rowsLeavingOutDifferentColumnsGoInOneStatementPerColumnList() {
    Ticket plain1 = new Ticket("p1");
    Ticket open1 = new Ticket("o1");
    open1.status = "open";
    Ticket plain2 = new Ticket("p2");
    Ticket open2 = new Ticket("o2");
    open2.status = "open";
    try (Session s = db.session()) {
      List.of(plain1, open1, plain2, open2).forEach(s::add);
      List<String> sent = plain(sql.assertStatements(2, s::commit));
      assertThat(sent.get(0)).startsWith("INSERT INTO df_ticket (title) VALUES (?), (?) RETURNING");
      assertThat(sent.get(1))
          .startsWith("INSERT INTO df_ticket (title, status) VALUES (?, ?), (?, ?) RETURNING");
    }
    assertThat(List.of(plain1.status, open1.status, plain2.status, open2.status))
        .containsExactly("new", "open", "new", "open");
    assertThat(plain1.id).isLessThan(plain2.id); // each group keeps the order it was added in
    assertThat(open1.id).isLessThan(open2.id);
  }

  @Test
  void statementsCostTheSameAsWithoutDefaults() {
    // a Ticket whose every field is set writes every column: the same INSERT, RETURNING the key
    List<Ticket> full = new ArrayList<>();
    List<Ticket> bare = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      Ticket f = new Ticket("f" + i);
      f.status = "s";
      f.openedAt = LocalDateTime.of(2026, 1, 1, 0, 0);
      f.attempts = 1;
      f.priority = 1;
      full.add(f);
      bare.add(new Ticket("b" + i));
    }
    int perStatement = target.dialect().insertRowsPerStatement();
    int statements = (250 + perStatement - 1) / perStatement;
    try (Session s = db.session()) {
      full.forEach(s::add);
      sql.assertStatements(statements, s::flush);
      bare.forEach(s::add);
      sql.assertStatements(statements, s::flush);
      s.commit();
    }
    assertThat(bare).allSatisfy(t -> assertThat(t.status).isEqualTo("new"));
  }

  @Test
  void withoutImplicitReturningTheDefaultsComeBackInOneSelectAfterTheBatch() {
    List<LegacyTicket> tickets =
        List.of(new LegacyTicket("a"), new LegacyTicket("b"), new LegacyTicket("c"));
    try (Session s = db.session()) {
      tickets.forEach(s::add);
      List<String> sent = plain(sql.assertStatements(7, s::flush)); // 3 x (INSERT, key), SELECT
      assertThat(sent.get(0)).isEqualTo("INSERT INTO df_legacy_ticket (title) VALUES (?)");
      assertThat(sent.get(6))
          .isEqualTo("SELECT id, status, attempts FROM df_legacy_ticket WHERE id IN (?, ?, ?)");
      assertThat(sent).noneMatch(q -> q.contains("RETURNING"));
      sql.assertNoStatements(s::flush);
      s.commit();
    }
    assertThat(tickets).allSatisfy(t -> assertThat(t.status).isEqualTo("new"));
    assertThat(tickets).allSatisfy(t -> assertThat(t.attempts).isZero());
  }

  @Test
  void keysFromASequenceAndTheDefaultsInOneSelect() {
    List<SequencedTicket> tickets = List.of(new SequencedTicket("a"), new SequencedTicket("b"));
    try (Session s = db.session()) {
      tickets.forEach(s::add);
      if (target.dialect().supportsSequences()) {
        List<String> sent = plain(sql.assertStatements(3, s::flush));
        assertThat(sent.get(1))
            .isEqualTo("INSERT INTO df_seq_ticket (id, title) VALUES (?, ?), (?, ?)");
        assertThat(sent.get(2))
            .isEqualTo("SELECT id, status FROM df_seq_ticket WHERE id IN (?, ?)");
      } else { // the sequence is ignored: keys and defaults through RETURNING
        List<String> sent = plain(sql.assertStatements(1, s::flush));
        assertThat(sent.get(0)).endsWith("RETURNING id, status");
      }
      s.commit();
    }
    assertThat(tickets).allSatisfy(t -> assertThat(t.status).isEqualTo("new"));
  }

  @Test
  void rowsWithTheirOwnKeysAreMatchedByKey() {
    List<Seat> seats = List.of(new Seat("B", 2), new Seat("A", 1), new Seat("A", 2));
    seats.get(1).state = "taken";
    try (Session s = db.session()) {
      seats.forEach(s::add);
      List<String> sent = plain(sql.assertStatements(2, s::flush));
      assertThat(sent.get(0))
          .isEqualTo(
              "INSERT INTO df_seat (row, number) VALUES (?, ?), (?, ?) RETURNING row, number, state");
      assertThat(sent.get(1))
          .isEqualTo("INSERT INTO df_seat (row, number, state) VALUES (?, ?, ?)");
      s.commit();
    }
    assertThat(seats).extracting(x -> x.state).containsExactly("free", "taken", "free");
  }

  @Test
  void aCompositeKeyReadsTheDefaultsBackByRowValues() {
    List<LegacySeat> seats = List.of(new LegacySeat("B", 2), new LegacySeat("A", 1));
    try (Session s = db.session()) {
      seats.forEach(s::add);
      List<String> sent = plain(sql.assertStatements(2, s::flush)); // no key to generate
      assertThat(sent.get(0))
          .isEqualTo("INSERT INTO df_legacy_seat (row, number) VALUES (?, ?), (?, ?)");
      assertThat(sent.get(1))
          .isEqualTo(
              "SELECT row, number, state FROM df_legacy_seat WHERE (row, number) IN ((?, ?), (?,"
                  + " ?))");
      s.commit();
    }
    assertThat(seats).extracting(x -> x.state).containsExactly("free", "free");
  }

  @Test
  void anUpdateWritesNullLikeAnyValue() {
    Ticket t = new Ticket("a");
    try (Session s = db.session()) {
      s.add(t);
      s.commit();
    }
    try (Session s = db.session()) {
      Ticket loaded = s.get(Ticket.class, t.id);
      loaded.attempts = null;
      List<String> sent = plain(sql.assertStatements(1, s::commit));
      assertThat(sent.get(0)).isEqualTo("UPDATE df_ticket SET attempts = ? WHERE id = ?");
    }
    assertThat(rows("SELECT attempts FROM df_ticket")).containsExactly("[null]");
  }

  @Test
  void aRollbackEmptiesTheDefaultsAgainSoTheNextInsertTakesThemAgain() {
    Ticket t = new Ticket("a");
    try (Session s = db.session()) {
      s.add(t);
      s.flush();
      assertThat(t.status).isEqualTo("new");
      s.rollback();
      assertThat(t.id).isNull();
      assertThat(t.status).isNull();
      assertThat(t.openedAt).isNull();
      s.add(t);
      List<String> sent = plain(sql.assertStatements(1, s::commit));
      assertThat(sent.get(0)).startsWith("INSERT INTO df_ticket (title) VALUES (?) RETURNING");
    }
    assertThat(t.status).isEqualTo("new");
  }
}
