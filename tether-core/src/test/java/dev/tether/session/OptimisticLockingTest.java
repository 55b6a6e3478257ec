package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.StaleObjectException;
import dev.tether.Table;
import dev.tether.Version;
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
 * Optimistic locking with {@code @Version}, on every database: the version predicate in UPDATE and
 * DELETE, the increment, and two sessions racing for one row.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class OptimisticLockingTest {
  @Parameter TestDatabase target;
  Database db;
  final StatementRecorder sql = new StatementRecorder();

  /** A versioned row. */
  @Table("ol_account")
  public static class Account extends Model {
    @Id public Integer id;
    public String name;
    public long balance;
    @Version public Integer version;

    public Account() {}

    Account(String name, long balance) {
      this.name = name;
      this.balance = balance;
    }
  }

  @BeforeEach
  void open() {
    db = target.open(Registry.of(Account.class));
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Integer saved(String name, long balance) {
    try (Session s = db.session()) {
      Account a = new Account(name, balance);
      s.add(a);
      s.commit();
      assertThat(a.version).isEqualTo(1);
      return a.id;
    }
  }

  private Account reloaded(Integer id) {
    try (Session s = db.session()) {
      return s.get(Account.class, id);
    }
  }

  private static String normalized(String statement) {
    return statement.replace('"', ' ').replace('`', ' ').replaceAll("\\s+", " ").trim();
  }

  @Test
  void versionStartsAtOneAndIncrementsOnEachUpdateButNotOnANoOpFlush() {
    Integer id = saved("a", 10);
    try (Session s = db.session()) {
      Account a = s.get(Account.class, id);
      a.balance = 20;
      List<String> sent = sql.assertStatements(1, s::flush);
      assertThat(normalized(sent.get(0)))
          .isEqualTo("UPDATE ol_account SET balance = ?, version = ? WHERE id = ? AND version = ?");
      assertThat(a.version).isEqualTo(2);
      sql.assertStatements(0, s::flush);
      assertThat(a.version).isEqualTo(2);
      a.name = "b";
      s.commit();
      assertThat(a.version).isEqualTo(3);
    }
    Account again = reloaded(id);
    assertThat(again.version).isEqualTo(3);
    assertThat(again.balance).isEqualTo(20);
    try (Session s = db.session()) {
      s.get(Account.class, id);
      sql.assertStatements(0, s::commit);
    }
  }

  @Test
  void deleteCarriesTheVersionPredicate() {
    Integer id = saved("a", 10);
    try (Session s = db.session()) {
      s.delete(s.get(Account.class, id));
      List<String> sent = sql.assertStatements(1, s::commit);
      assertThat(normalized(sent.get(0)))
          .isEqualTo("DELETE FROM ol_account WHERE id = ? AND version = ?");
    }
    assertThat(reloaded(id)).isNull();
  }

  @Test
  void severalRowsUpdateInOneBatchAndEachGetsItsVersion() {
    Integer x = saved("x", 1);
    Integer y = saved("y", 2);
    try (Session s = db.session()) {
      Account a = s.get(Account.class, x);
      Account b = s.get(Account.class, y);
      a.balance = 5;
      b.balance = 6;
      sql.assertStatements(1, s::commit);
      assertThat(a.version).isEqualTo(2);
      assertThat(b.version).isEqualTo(2);
    }
    assertThat(reloaded(y).version).isEqualTo(2);
  }

  @Test
  void secondWriterGetsStaleObjectExceptionAndCanRetryAfterReloading() {
    Integer id = saved("a", 10);
    try (Session sessionA = db.session();
        Session sessionB = db.session()) {
      Account inA = sessionA.get(Account.class, id);
      Account inB = sessionB.get(Account.class, id);
      inA.balance = 11;
      sessionA.commit();
      assertThat(inA.version).isEqualTo(2);

      inB.balance = 12;
      assertThatThrownBy(sessionB::commit)
          .isInstanceOfSatisfying(
              StaleObjectException.class,
              e -> {
                assertThat(e.entity()).isEqualTo(Account.class);
                assertThat(e.key()).isEqualTo(id);
                assertThat(e.expectedVersion()).isEqualTo(1);
                assertThat(e.code()).isEqualTo("stale-object");
              })
          .hasMessage(
              "Cannot update Account (id = "
                  + id
                  + "): the row no longer has version 1, the version this session loaded;"
                  + " another transaction changed or deleted it since. The flush was rolled back"
                  + " and this session's changes are still pending. Roll back, load the Account"
                  + " again (session.refresh(obj) after the rollback, or a new session) and reapply"
                  + " the change, or discard it.");
      assertThat(inB.version).isEqualTo(1); // restored: a retry does not skip a version
      assertThat(inB.balance).isEqualTo(12); // the change is still pending
      assertThatThrownBy(sessionB::commit).isInstanceOf(StaleObjectException.class);

      sessionB.rollback();
      Account other = new Account("other", 0);
      sessionB.add(other);
      sessionB.commit(); // the session is usable again
      assertThat(other.version).isEqualTo(1);
    }
    try (Session retry = db.session()) {
      Account fresh = retry.get(Account.class, id);
      assertThat(fresh.balance).isEqualTo(11);
      fresh.balance = 12;
      retry.commit();
      assertThat(fresh.version).isEqualTo(3);
    }
    assertThat(reloaded(id).balance).isEqualTo(12);
  }

  @Test
  void deletingAStaleRowThrows() {
    Integer id = saved("a", 10);
    try (Session sessionA = db.session();
        Session sessionB = db.session()) {
      Account inA = sessionA.get(Account.class, id);
      Account inB = sessionB.get(Account.class, id);
      inA.name = "changed";
      sessionA.commit();
      sessionB.delete(inB);
      assertThatThrownBy(sessionB::commit)
          .isInstanceOf(StaleObjectException.class)
          .hasMessageStartingWith(
              "Cannot delete Account (id = " + id + "): the row no longer has version 1,");
      assertThat(sessionB.contains(inB)).isTrue();
      sessionB.rollback();
    }
    assertThat(reloaded(id).name).isEqualTo("changed");
  }

  @Test
  void concurrentDeleteMakesAnUpdateStale() {
    Integer id = saved("a", 10);
    try (Session sessionA = db.session();
        Session sessionB = db.session()) {
      Account inA = sessionA.get(Account.class, id);
      Account inB = sessionB.get(Account.class, id);
      sessionA.delete(inA);
      sessionA.commit();
      inB.balance = 99;
      assertThatThrownBy(sessionB::commit)
          .isInstanceOf(StaleObjectException.class)
          .hasMessageStartingWith("Cannot update Account (id = " + id + ")");
      sessionB.rollback();
    }
    assertThat(reloaded(id)).isNull();
  }

  @Test
  void staleRowInABatchFailsTheWholeFlush() {
    Integer x = saved("x", 1);
    Integer y = saved("y", 2);
    try (Session sessionA = db.session();
        Session sessionB = db.session()) {
      sessionA.get(Account.class, y).balance = 20;
      Account bx = sessionB.get(Account.class, x);
      Account by = sessionB.get(Account.class, y);
      sessionA.commit();
      bx.balance = 10;
      by.balance = 30;
      assertThatThrownBy(sessionB::commit)
          .isInstanceOf(StaleObjectException.class)
          .hasMessageContaining("(id = " + y + ")");
      assertThat(bx.version).isEqualTo(1);
      assertThat(by.version).isEqualTo(1);
      sessionB.rollback();
    }
    assertThat(reloaded(x).balance).isEqualTo(1); // the other row's UPDATE was rolled back
    assertThat(reloaded(y).balance).isEqualTo(20);
  }

  /**
   * A driver batch protocol that reports no row counts ({@code SUCCESS_NO_INFO}: MariaDB's {@code
   * useBulkStmts=true}) cannot tell a stale row from an updated one, so versioned statements run
   * one row at a time there — and conflicts are still found, with nothing written.
   */
  @Test
  void withoutBatchRowCountsVersionedStatementsRunOneRowAtATimeAndStillDetectConflicts() {
    String url = target.urlWithoutBatchRowCounts();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        url != null, target + "'s driver always reports batch row counts");
    db.close();
    db = target.open(Registry.of(Account.class), url);
    db.addStatementListener(sql);
    Integer x = saved("x", 1);
    Integer y = saved("y", 2);
    Integer z = saved("z", 3);
    try (Session s = db.session()) {
      Account a = s.get(Account.class, x);
      Account b = s.get(Account.class, y);
      a.balance = 10;
      b.balance = 20;
      sql.clear();
      s.commit();
      assertThat(sql.statements()).filteredOn(q -> q.startsWith("UPDATE")).hasSize(2);
      assertThat(sql.batchRows()).containsOnly(1);
      assertThat(a.version).isEqualTo(2);
      assertThat(b.version).isEqualTo(2);
    }
    try (Session sessionA = db.session();
        Session sessionB = db.session()) {
      sessionA.get(Account.class, y).balance = 200;
      Account bx = sessionB.get(Account.class, x);
      Account by = sessionB.get(Account.class, y);
      Account bz = sessionB.get(Account.class, z);
      sessionA.commit();
      bx.balance = 100;
      by.balance = 300;
      bz.balance = 400;
      assertThatThrownBy(sessionB::commit)
          .isInstanceOf(StaleObjectException.class)
          .hasMessageContaining("(id = " + y + ")");
      sessionB.rollback();
    }
    assertThat(reloaded(x).balance).isEqualTo(10); // the row before the stale one: rolled back
    assertThat(reloaded(y).balance).isEqualTo(200);
    assertThat(reloaded(z).balance).isEqualTo(3);
    try (Session s = db.session()) {
      Account a = s.get(Account.class, x);
      Account c = s.get(Account.class, z);
      s.delete(a);
      s.delete(c);
      sql.clear();
      s.commit();
      assertThat(sql.statements()).filteredOn(q -> q.startsWith("DELETE")).hasSize(2);
      assertThat(sql.batchRows()).containsOnly(1);
    }
    assertThat(reloaded(x)).isNull();
  }

  /** The advice of the message works: roll back, refresh, reapply, commit — in one session. */
  @Test
  void aStaleObjectIsRecoveredInTheSameSessionWithRefresh() {
    Integer id = saved("a", 100);
    try (Session s = db.session()) {
      Account mine = s.get(Account.class, id);
      db.inTransaction(other -> other.get(Account.class, id).balance += 5);
      mine.balance -= 10;
      assertThatThrownBy(s::commit).isInstanceOf(dev.tether.StaleObjectException.class);
      s.rollback();
      s.refresh(mine);
      assertThat(mine.balance).isEqualTo(105);
      assertThat(mine.version).isEqualTo(2);
      mine.balance -= 10;
      s.commit();
      assertThat(mine.version).isEqualTo(3);
    }
    try (Session s = db.session()) {
      assertThat(s.get(Account.class, id).balance).isEqualTo(95);
    }
  }
}
