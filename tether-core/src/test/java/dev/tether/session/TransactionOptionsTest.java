package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.DatabaseException;
import dev.tether.Isolation;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.SessionStateException;
import dev.tether.TransactionOptions;
import dev.tether.query.ColumnAttribute;
import dev.tether.session.ConcurrentWritersTest.Account;
import dev.tether.testing.PlainSql;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Isolation levels and read-only sessions ({@link TransactionOptions}), per transaction and per
 * database, on every database (SQLite as a file, so another connection can write). The isolation
 * tests observe what the level changes (a row another transaction commits meanwhile, a lock taken
 * by a read); SQLite has one level (serializable) and is pinned to that.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class TransactionOptionsTest {
  @Parameter TestDatabase target;
  @TempDir Path dir;
  Database db;
  String url;
  final StatementRecorder recorder = new StatementRecorder();

  @BeforeEach
  void open() {
    url = target.sharedUrl(dir);
    db = target.open(Registry.of(Account.class), url);
    db.addStatementListener(recorder);
    try (Session s = db.session()) {
      s.add(new Account(1, "one"));
      s.add(new Account(2, "two"));
      s.commit();
    }
    recorder.clear();
  }

  @AfterEach
  void close() {
    db.close();
  }

  static final ColumnAttribute<Account, Integer> ID =
      ColumnAttribute.of(Account.class, "id", Integer.class);
  static final ColumnAttribute<Account, Integer> BALANCE =
      ColumnAttribute.of(Account.class, "balance", Integer.class);

  /** Another connection sets account 1's balance and commits. */
  private void commitElsewhere(int balance) {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE cw_account SET balance = " + balance + " WHERE id = 1");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Account 1's balance read twice in one transaction, with a commit elsewhere between. */
  private List<Integer> readTwice(Session s) {
    Integer first = balanceOf(s);
    commitElsewhere(first + 5);
    return List.of(first, balanceOf(s));
  }

  private static Integer balanceOf(Session s) {
    return s.select(BALANCE).where(ID.eq(1)).one();
  }

  @Test
  void readCommittedSeesAnotherCommitRepeatableReadDoesNot() {
    if (!target.dialect().honoursIsolation()) {
      // SQLite: one level, serializable; the file's snapshot holds for the whole transaction
      try (Session s =
          db.session(TransactionOptions.defaults().isolation(Isolation.READ_COMMITTED))) {
        assertThat(balanceOf(s)).isZero();
      }
      return;
    }
    try (Session s =
        db.session(TransactionOptions.defaults().isolation(Isolation.READ_COMMITTED))) {
      assertThat(readTwice(s)).containsExactly(0, 5);
    }
    try (Session s =
        db.session(TransactionOptions.defaults().isolation(Isolation.REPEATABLE_READ))) {
      assertThat(readTwice(s)).containsExactly(5, 5);
      s.rollback();
      assertThat(balanceOf(s)).as("the next transaction's snapshot").isEqualTo(10);
    }
  }

  @Test
  void theDatabasesLevelAppliesToEverySessionThatAsksForNone() {
    if (!target.dialect().honoursIsolation()) {
      return; // SQLite: see above
    }
    Database rr = Database.builder(url).isolation(Isolation.REPEATABLE_READ).open(registry());
    Database rc = Database.builder(url).isolation(Isolation.READ_COMMITTED).open(registry());
    try (rr;
        rc) {
      try (Session s = rc.session()) {
        assertThat(readTwice(s)).containsExactly(0, 5);
      }
      try (Session s = rr.session()) {
        assertThat(readTwice(s)).containsExactly(5, 5);
      }
      // a session's own level wins over the database's
      try (Session s =
          rr.session(TransactionOptions.defaults().isolation(Isolation.READ_COMMITTED))) {
        assertThat(readTwice(s)).containsExactly(10, 15);
      }
    }
  }

  /**
   * A write-skew (both read both rows, each writes one): at SERIALIZABLE PostgreSQL fails one
   * commit, MariaDB's reads take shared locks that make the other writer wait; both are a
   * serialization conflict that a retry cures. Run on one thread against a plain connection, itself
   * serializable (PostgreSQL detects the conflict only between serializable transactions).
   */
  @Test
  void serializableMakesAConflictingWriterFail() throws SQLException {
    if (!target.dialect().honoursIsolation()) {
      return;
    }
    try (Connection other = DriverManager.getConnection(url);
        Session s = db.session(TransactionOptions.defaults().isolation(Isolation.SERIALIZABLE))) {
      other.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      other.setAutoCommit(false);
      try (Statement st = other.createStatement()) {
        shortLockWait(st);
        st.executeQuery("SELECT SUM(balance) FROM cw_account").close();
        assertThat(s.select(Account.class).list()).hasSize(2);
        s.get(Account.class, 1).balance = 100;
        if (target == TestDatabase.POSTGRESQL) {
          s.flush();
          st.executeUpdate("UPDATE cw_account SET balance = 7 WHERE id = 2");
          other.commit();
          assertThatThrownBy(s::commit)
              .isInstanceOfSatisfying(
                  DatabaseException.class,
                  e -> {
                    assertThat(e.code()).isEqualTo("serialization");
                    assertThat(e.sqlState()).isEqualTo("40001");
                  });
        } else {
          // MariaDB: the session's SERIALIZABLE read holds a shared lock on row 2
          assertThatThrownBy(
                  () -> st.executeUpdate("UPDATE cw_account SET balance = 7 WHERE id = 2"))
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("Lock wait timeout");
          other.rollback();
          s.commit();
        }
      }
    }
  }

  private void shortLockWait(Statement st) throws SQLException {
    if (target == TestDatabase.MARIADB) {
      st.execute("SET SESSION innodb_lock_wait_timeout = 1");
    }
  }

  @Test
  void repeatableReadWithoutALevelOnMariadbTakesNoReadLock() throws SQLException {
    if (target != TestDatabase.MARIADB) {
      return; // the contrast to the test above, where locking reads are MariaDB's
    }
    try (Connection other = DriverManager.getConnection(url);
        Session s = db.session()) {
      try (Statement st = other.createStatement()) {
        shortLockWait(st);
        assertThat(s.select(Account.class).list()).hasSize(2);
        assertThat(st.executeUpdate("UPDATE cw_account SET balance = 7 WHERE id = 2")).isOne();
      }
    }
  }

  @Test
  void aReadOnlySessionRefusesToFlushBeforeAnySqlAndStaysUsable() {
    try (Session s = db.session(TransactionOptions.defaults().readOnly())) {
      Account one = s.get(Account.class, 1);
      recorder.clear();
      Account three = new Account(3, "three");
      s.add(three);
      assertThatThrownBy(s::flush)
          .isInstanceOfSatisfying(
              SessionStateException.class, e -> assertThat(e.code()).isEqualTo("read-only-session"))
          .hasMessageContaining("read-only")
          .hasMessageContaining("1 new, 0 deleted and 0 changed")
          .hasMessageContaining("Account");
      assertThat(recorder.count()).isZero();
      s.expunge(three);
      one.owner = "changed";
      assertThatThrownBy(() -> s.select(Account.class).list())
          .as("autoflush before a query")
          .hasMessageContaining("0 new, 0 deleted and 1 changed")
          .hasMessageContaining("before a query");
      assertThatThrownBy(s::commit).isInstanceOf(SessionStateException.class);
      s.refresh(one);
      assertThat(one.owner).isEqualTo("one");
      assertThat(s.select(Account.class).list()).hasSize(2);
      s.commit();
    }
    assertThat(PlainSql.rows(url, "SELECT owner FROM cw_account ORDER BY id"))
        .containsExactly(List.of("one"), List.of("two"));
  }

  @Test
  void aReadOnlyTransactionRefusesAWriteInSqlToo() {
    try (Session s = db.session(TransactionOptions.defaults().readOnly())) {
      assertThatThrownBy(() -> s.bulkUpdate(Account.class).set(BALANCE, 9).execute())
          .isInstanceOf(DatabaseException.class);
    }
    // the connection went back to the pool writable again
    try (Session s = db.session()) {
      s.get(Account.class, 1).balance = 3;
      s.commit();
    }
    assertThat(PlainSql.rows(url, "SELECT balance FROM cw_account WHERE id = 1"))
        .containsExactly(List.of("3"));
  }

  @Test
  void inTransactionRunsReadOnlyWorkAndReturnsItsValue() {
    Integer sum =
        db.callInTransaction(
            TransactionOptions.defaults().readOnly(),
            s -> s.select(Account.class).list().stream().mapToInt(a -> a.balance).sum());
    assertThat(sum).isZero();
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    TransactionOptions.defaults().readOnly(), s -> s.add(new Account(4, "four"))))
        .isInstanceOf(SessionStateException.class);
    assertThat(PlainSql.rows(url, "SELECT COUNT(*) FROM cw_account")).containsExactly(List.of("2"));
  }

  private static Registry registry() {
    return Registry.of(Account.class);
  }
}
