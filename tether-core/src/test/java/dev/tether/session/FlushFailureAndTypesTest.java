package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Column;
import dev.tether.Database;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.IntegrityException;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Registry;
import dev.tether.Relationship;
import dev.tether.Session;
import dev.tether.Table;
import dev.tether.TetherException;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Errors from the database become typed exceptions, a failed flush writes nothing and loses
 * nothing, and every column type round-trips, on every database.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class FlushFailureAndTypesTest {
  @Table("account")
  public static class Account extends Model {
    @Id public Integer id;

    @Column(nullable = false, unique = true, length = 100)
    public String email;

    @Relationship(backPopulates = "account")
    public final Many<Entry> entries = many();

    public Account() {}

    Account(String email) {
      this.email = email;
    }
  }

  @Table("entry")
  public static class Entry extends Model {
    @Id public Integer id;
    public String memo;

    @ForeignKey("account.id")
    @Column(nullable = false)
    public Integer accountId;

    @Relationship(backPopulates = "entries")
    public final One<Account> account = one();

    public Entry() {}

    Entry(String memo) {
      this.memo = memo;
    }
  }

  public enum Color {
    RED,
    GREEN
  }

  @Table("all_types")
  public static class AllTypes extends Model {
    @Id public Long id;
    public int i;
    public Integer boxedInt;
    public long l;
    public Long boxedLong;
    public String s;
    public boolean b;
    public Boolean boxedBool;
    public double d;
    public Double boxedDouble;
    public BigDecimal decimal;
    public LocalDate date;
    public LocalDateTime dateTime;
    public Instant instant;
    public UUID uuid;
    public Color color;
    public byte[] bytes;
  }

  @Table("tagged")
  public static class Tagged extends Model {
    @Id public UUID id;
    public String name;
  }

  /** A table with nothing but its generated key (INSERT of defaults differs per dialect). */
  @Table("ticket")
  public static class Ticket extends Model {
    @Id public Long id;
  }

  @Parameter TestDatabase target;
  Database db;
  final StatementRecorder sql = new StatementRecorder();

  @BeforeEach
  void open() {
    db =
        target.open(
            Registry.of(Account.class, Entry.class, AllTypes.class, Tagged.class, Ticket.class));
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void uniqueViolationIsTypedAndAFailedFlushWritesNothingAndLosesNothing() {
    Account a = new Account("x@example.com");
    a.entries.add(new Entry("e1"));
    Account b = new Account("x@example.com");
    try (Session s = db.session()) {
      s.add(a);
      s.add(b);
      assertThatThrownBy(s::commit)
          .isInstanceOf(IntegrityException.class)
          .satisfies(e -> assertThat(((IntegrityException) e).constraint()).isNotBlank());
      assertThat(a.id).isNull();
      assertThat(b.id).isNull();
      b.email = "y@example.com";
      s.commit();
      assertThat(a.id).isNotNull();
      assertThat(b.id).isNotNull();
      assertThat(a.entries.get(0).accountId).isEqualTo(a.id);
    }
    try (Session s = db.session()) {
      assertThat(s.get(Account.class, a.id).email).isEqualTo("x@example.com");
      assertThat(s.get(Account.class, b.id).email).isEqualTo("y@example.com");
      assertThat(s.get(Account.class, a.id).entries).hasSize(1);
    }
  }

  @Test
  void aFailureInALaterInsertChunkTakesBackTheKeysOfTheEarlierChunks() {
    int n = 2500; // several multi-row INSERT statements on every dialect
    java.util.List<Account> accounts = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      accounts.add(new Account("a" + i + "@example.com"));
    }
    Account late = accounts.get(n - 10);
    late.email = "a0@example.com"; // collides with the first row, in the last chunk
    try (Session s = db.session()) {
      accounts.forEach(s::add);
      assertThatThrownBy(s::commit).isInstanceOf(IntegrityException.class);
      assertThat(accounts).allMatch(a -> a.id == null);
      late.email = "late@example.com";
      s.commit();
      assertThat(accounts).allMatch(a -> a.id != null);
    }
    try (Session s = db.session()) {
      assertThat(s.select(Account.class).list())
          .hasSize(n)
          .extracting(a -> a.email)
          .doesNotHaveDuplicates()
          .contains("a0@example.com", "late@example.com");
    }
  }

  @Test
  void failureInALaterFlushUndoesTheEarlierFlushesOfTheTransactionToo() {
    try (Session s = db.session()) {
      Account a = new Account("a@example.com");
      s.add(a);
      s.flush();
      Integer firstId = a.id;
      assertThat(firstId).isNotNull();
      s.add(new Account("a@example.com"));
      assertThatThrownBy(s::flush).isInstanceOf(IntegrityException.class);
      assertThat(a.id).isNull(); // its row was rolled back with the transaction
      s.rollback();
      assertThat(s.contains(a)).isFalse();
    }
    try (Session s = db.session()) {
      s.add(new Account("a@example.com"));
      s.commit();
    }
  }

  @Test
  void nullInANotNullForeignKeyIsAnIntegrityExceptionNamingTheColumn() {
    try (Session s = db.session()) {
      s.add(new Entry("orphan"));
      assertThatThrownBy(s::commit)
          .isInstanceOf(IntegrityException.class)
          .satisfies(e -> assertThat(((IntegrityException) e).constraint()).contains("account_id"));
    }
  }

  /** S52: SQLAlchemy emits the UPDATE and fails; Tether refuses before any SQL, naming the fix. */
  @Test
  void deletingAParentOfNotNullChildrenIsRefusedBeforeAnySql() {
    Account a = new Account("p@example.com");
    a.entries.add(new Entry("e"));
    try (Session s = db.session()) {
      s.add(a);
      s.commit();
    }
    try (Session s = db.session()) {
      Account loaded = s.get(Account.class, a.id);
      s.delete(loaded);
      sql.clear();
      assertThatThrownBy(s::flush)
          .isInstanceOf(TetherException.class)
          .hasMessageContaining("NOT NULL")
          .hasMessageContaining("Account.entries")
          .hasMessageContaining("delete-orphan");
      assertThat(sql.statements()).noneMatch(x -> x.startsWith("UPDATE") || x.startsWith("DELETE"));
      s.rollback();
      Account again = s.get(Account.class, a.id);
      Entry e = again.entries.get(0);
      s.delete(e);
      s.delete(again);
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.get(Account.class, a.id)).isNull();
    }
  }

  @Test
  void everyColumnTypeRoundTrips() {
    AllTypes t = new AllTypes();
    t.i = -7;
    t.boxedInt = 42;
    t.l = 1L << 40;
    t.boxedLong = -(1L << 41);
    t.s = "héllo 'quoted' \"double\" ; DROP TABLE all_types; -- 🎉";
    t.b = true;
    t.boxedBool = false;
    t.d = 3.25;
    t.boxedDouble = -0.5;
    t.decimal = new BigDecimal("12345678901234567890.123456789");
    t.date = LocalDate.of(2024, 2, 29);
    t.dateTime = LocalDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_000);
    t.instant = Instant.parse("2024-05-06T07:08:09.654321Z");
    t.uuid = UUID.fromString("6f1c2f0e-8a7b-4c3d-9e2f-0a1b2c3d4e5f");
    t.color = Color.GREEN;
    t.bytes = new byte[] {0, 1, -1, 127, -128};
    AllTypes empty = new AllTypes();
    AllTypes zeros = new AllTypes(); // zero and NULL read alike until wasNull() tells them apart
    zeros.boxedInt = 0;
    zeros.boxedLong = 0L;
    zeros.boxedBool = false;
    zeros.boxedDouble = 0.0;
    try (Session s = db.session()) {
      s.add(t);
      s.add(empty);
      s.add(zeros);
      s.commit();
    }
    try (Session s = db.session()) {
      AllTypes r = s.get(AllTypes.class, t.id);
      assertThat(r.i).isEqualTo(-7);
      assertThat(r.boxedInt).isEqualTo(42);
      assertThat(r.l).isEqualTo(1L << 40);
      assertThat(r.boxedLong).isEqualTo(-(1L << 41));
      assertThat(r.s).isEqualTo(t.s);
      assertThat(r.b).isTrue();
      assertThat(r.boxedBool).isFalse();
      assertThat(r.d).isEqualTo(3.25);
      assertThat(r.boxedDouble).isEqualTo(-0.5);
      assertThat(r.decimal).isEqualByComparingTo(t.decimal);
      assertThat(r.date).isEqualTo(t.date);
      assertThat(r.dateTime).isEqualTo(t.dateTime);
      assertThat(r.instant).isEqualTo(t.instant);
      assertThat(r.uuid).isEqualTo(t.uuid);
      assertThat(r.color).isEqualTo(Color.GREEN);
      assertThat(r.bytes).containsExactly(t.bytes);

      AllTypes n = s.get(AllTypes.class, empty.id);
      assertThat(n.boxedInt).isNull();
      assertThat(n.boxedLong).isNull();
      assertThat(n.s).isNull();
      assertThat(n.boxedBool).isNull();
      assertThat(n.boxedDouble).isNull();
      assertThat(n.decimal).isNull();
      assertThat(n.date).isNull();
      assertThat(n.dateTime).isNull();
      assertThat(n.instant).isNull();
      assertThat(n.uuid).isNull();
      assertThat(n.color).isNull();
      assertThat(n.bytes).isNull();
      assertThat(n.i).isZero();

      AllTypes z = s.get(AllTypes.class, zeros.id);
      assertThat(z.boxedInt).isEqualTo(0);
      assertThat(z.boxedLong).isEqualTo(0L);
      assertThat(z.boxedBool).isFalse();
      assertThat(z.boxedDouble).isEqualTo(0.0);
    }
  }

  @Test
  void rowsWithOnlyAGeneratedKeyGetDistinctKeys() {
    Ticket a = new Ticket();
    Ticket b = new Ticket();
    try (Session s = db.session()) {
      s.add(a);
      s.add(b);
      s.commit();
    }
    assertThat(a.id).isNotNull();
    assertThat(b.id).isNotNull().isNotEqualTo(a.id);
    try (Session s = db.session()) {
      assertThat(s.get(Ticket.class, b.id)).isNotNull();
    }
  }

  @Test
  void assignedKeysAreInsertedAsGivenAndAMissingOneIsAClearError() {
    Tagged t = new Tagged();
    t.id = UUID.randomUUID();
    t.name = "n";
    try (Session s = db.session()) {
      s.add(t);
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.get(Tagged.class, t.id).name).isEqualTo("n");
      s.add(new Tagged());
      assertThatThrownBy(s::flush)
          .isInstanceOf(TetherException.class)
          .hasMessageContaining("Tagged.id")
          .hasMessageContaining("Assign it");
    }
  }
}
