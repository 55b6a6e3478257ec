package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Column;
import dev.tether.Database;
import dev.tether.FlushException;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.Table;
import dev.tether.session.OneToOneAndOrphansPersistenceTest.Passport;
import dev.tether.session.OneToOneAndOrphansPersistenceTest.Person;
import dev.tether.testing.SqlText;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Row-level order under UNIQUE keys, on every database: two one-to-one pairs swap partners (and
 * three rotate) in one flush, the rows going through NULL first; where the key is NOT NULL, a chain
 * runs holder first and a cycle is refused before any UPDATE of the model, naming the rows and the
 * fix. (SQLAlchemy's flush knows foreign keys but not unique keys, and fails on the swap.) The
 * one-to-one is {@link OneToOneAndOrphansPersistenceTest}'s Person ↔ Passport, whose owner key is
 * UNIQUE and nullable.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class UniqueKeySwapTest {
  @Parameter TestDatabase target;
  final StatementRecorder sql = new StatementRecorder();
  Database db;

  /** A seat number that is UNIQUE and NOT NULL. */
  @Table("us_seat")
  public static class Seat extends Model {
    @Id public Integer id;

    @Column(unique = true, nullable = false)
    public Integer place;

    public Seat() {}

    Seat(int place) {
      this.place = place;
    }
  }

  @BeforeEach
  void open() {
    db = target.open(Registry.of(Person.class, Passport.class, Seat.class));
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private int[] pairs(int n) {
    int[] ids = new int[2 * n];
    try (Session s = db.session()) {
      Person[] people = new Person[n];
      Passport[] passports = new Passport[n];
      for (int i = 0; i < n; i++) {
        people[i] = new Person("person" + i);
        passports[i] = new Passport("P" + i);
        passports[i].owner.set(people[i]);
        s.add(people[i]);
      }
      s.commit();
      for (int i = 0; i < n; i++) {
        ids[i] = people[i].id;
        ids[n + i] = passports[i].id;
      }
    }
    return ids;
  }

  /** Passport i's owner's name, as a fresh session loads it. */
  private List<String> ownersInTheDatabase(int[] ids, int n) {
    try (Session s = db.session()) {
      java.util.List<String> out = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        Passport p = s.get(Passport.class, ids[n + i]);
        out.add(p.owner.get() == null ? null : p.owner.get().name);
        assertThat(p.owner.get().passport.get()).isSameAs(p);
      }
      return out;
    }
  }

  @Test
  void twoPairsSwapPartnersInOneFlushThroughNull() {
    int[] ids = pairs(2);
    try (Session s = db.session()) {
      Passport p0 = s.get(Passport.class, ids[2]);
      Passport p1 = s.get(Passport.class, ids[3]);
      Person alice = p0.owner.get();
      Person bob = p1.owner.get();
      p0.owner.set(bob);
      p1.owner.set(alice);
      List<String> sent = SqlText.plain(sql.record(s::commit));
      assertThat(sent)
          .filteredOn(x -> x.startsWith("UPDATE"))
          .containsExactly(
              "UPDATE oo_passport SET owner_id = ? WHERE id = ?",
              "UPDATE oo_passport SET owner_id = ? WHERE id = ?",
              "UPDATE oo_passport SET owner_id = ? WHERE id = ?");
      // the people's passport sides were never loaded: each replaced partner is looked up first
      assertThat(sent)
          .filteredOn(x -> x.startsWith("SELECT"))
          .containsOnly(
              "SELECT t0.id, t0.number, t0.owner_id FROM oo_passport t0 WHERE t0.owner_id = ?")
          .hasSize(2);
      assertThat(sent).hasSize(5);
    }
    assertThat(ownersInTheDatabase(ids, 2)).containsExactly("person1", "person0");
  }

  @Test
  void threePairsRotateInOneFlush() {
    int[] ids = pairs(3);
    try (Session s = db.session()) {
      Passport[] p = new Passport[3];
      Person[] owner = new Person[3];
      for (int i = 0; i < 3; i++) {
        p[i] = s.get(Passport.class, ids[3 + i]);
        owner[i] = p[i].owner.get();
      }
      for (int i = 0; i < 3; i++) {
        p[i].owner.set(owner[(i + 1) % 3]);
      }
      s.commit();
    }
    assertThat(ownersInTheDatabase(ids, 3)).containsExactly("person1", "person2", "person0");
  }

  private int[] seats(int... places) {
    int[] ids = new int[places.length];
    try (Session s = db.session()) {
      Seat[] seats = new Seat[places.length];
      for (int i = 0; i < places.length; i++) {
        seats[i] = new Seat(places[i]);
        s.add(seats[i]);
      }
      s.commit();
      for (int i = 0; i < places.length; i++) {
        ids[i] = seats[i].id;
      }
    }
    return ids;
  }

  private List<Integer> places(int[] ids) {
    try (Session s = db.session()) {
      java.util.List<Integer> out = new java.util.ArrayList<>();
      for (int id : ids) {
        out.add(s.get(Seat.class, id).place);
      }
      return out;
    }
  }

  @Test
  void aNotNullKeyPassedAlongAChainIsUpdatedHolderFirst() {
    int[] ids = seats(1, 2);
    try (Session s = db.session()) {
      Seat first = s.get(Seat.class, ids[0]);
      Seat second = s.get(Seat.class, ids[1]);
      second.place = 3; // frees 2 ...
      first.place = 2; // ... which the first takes: the second must move first
      sql.assertStatements(2, s::commit);
    }
    assertThat(places(ids)).containsExactly(2, 3);
  }

  @Test
  void aNotNullKeySwapIsRefusedNamingTheRowsAndTheSessionRecovers() {
    int[] ids = seats(1, 2);
    try (Session s = db.session()) {
      Seat first = s.get(Seat.class, ids[0]);
      Seat second = s.get(Seat.class, ids[1]);
      first.place = 2;
      second.place = 1;
      assertThatThrownBy(() -> sql.assertNoStatements(() -> s.flush()))
          .isInstanceOf(FlushException.class)
          .hasMessageContaining("Seat(id=" + ids[0])
          .hasMessageContaining("Seat(id=" + ids[1])
          .hasMessageContaining("is NOT NULL, so no row can let go first")
          .hasMessageContaining("Make one column of the key nullable");
      s.rollback();
      Seat again = s.get(Seat.class, ids[0]);
      again.place = 7;
      s.commit();
    }
    assertThat(places(ids)).containsExactly(7, 2);
  }

  /**
   * Across statements: a row that gives up a UNIQUE value goes before the inserts only when a new
   * row takes that value. Replacing a passport: the old one's UPDATE to NULL runs first, then the
   * new one is inserted with the same owner key, in one flush.
   */
  @Test
  void aReleasedValueThatANewRowTakesIsReleasedBeforeTheInsert() {
    int[] ids = pairs(1);
    try (Session s = db.session()) {
      Person alice = s.get(Person.class, ids[0]);
      Passport old = s.get(Passport.class, ids[1]);
      alice.passport.set(new Passport("P-new"));
      // alice's side was never loaded: the flush looks up her previous passport first
      List<String> sent = writes(SqlText.plain(sql.record(s::commit)));
      assertThat(sent)
          .containsExactly(
              "UPDATE oo_passport SET owner_id = ? WHERE id = ?",
              target.dialect().supportsReturning()
                  ? "INSERT INTO oo_passport (number, owner_id) VALUES (?, ?) RETURNING id"
                  : "INSERT INTO oo_passport (number, owner_id) VALUES (?, ?)");
      assertThat(old.owner.get()).isNull();
    }
    try (Session s = db.session()) {
      assertThat(s.get(Passport.class, ids[1]).owner.get()).isNull();
      assertThat(s.get(Person.class, ids[0]).passport.get().number).isEqualTo("P-new");
    }
  }

  /**
   * A released value that no new row takes keeps the table-level order (inserts, then updates): a
   * passport loses its owner while a new passport is issued to someone else.
   */
  @Test
  void aReleasedValueThatNoNewRowTakesKeepsTheTableOrder() {
    int[] ids = pairs(2);
    try (Session s = db.session()) {
      Passport p0 = s.get(Passport.class, ids[2]);
      Person bob = s.get(Person.class, ids[1]);
      Passport p1 = s.get(Passport.class, ids[3]);
      p0.owner.set(null);
      p1.owner.set(null);
      bob.passport.set(new Passport("P-bob"));
      List<String> sent = writes(SqlText.plain(sql.record(s::commit)));
      assertThat(sent).hasSize(3);
      assertThat(sent.get(0)).startsWith("UPDATE oo_passport"); // p1: bob's value goes first
      assertThat(sent.get(1)).startsWith("INSERT INTO oo_passport");
      assertThat(sent.get(2)).startsWith("UPDATE oo_passport"); // p0: nobody takes alice's
    }
  }

  private static List<String> writes(List<String> sent) {
    return sent.stream().filter(x -> !x.startsWith("SELECT")).toList();
  }
}
