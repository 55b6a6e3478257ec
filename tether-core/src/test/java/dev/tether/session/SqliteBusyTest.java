package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.DatabaseException;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.session.ConcurrentWritersTest.Account;
import dev.tether.testing.PlainSql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's database-wide write lock held by another connection past the busy timeout: the session
 * gets a {@code DatabaseException} of code {@code busy}, and {@code inTransaction} runs the work
 * again. SQLite only, by nature: the servers lock rows, wait on them without a busy timeout, and
 * report their conflicts as serialization failures ({@code ConcurrentWritersTest} runs the
 * concurrent writers on all three). The timeout is cut to 200 ms by the URL so the test is quick.
 */
class SqliteBusyTest {
  @TempDir Path dir;
  String url;
  Database db;
  Connection holder;

  @BeforeEach
  void open() throws SQLException {
    url = "jdbc:sqlite:" + dir.resolve("busy.db") + "?foreign_keys=true&busy_timeout=200";
    db = Database.open(url, Registry.of(Account.class));
    db.createAll();
    holder = DriverManager.getConnection(url);
  }

  @AfterEach
  void close() throws SQLException {
    holder.close();
    db.close();
  }

  /** Another connection writes and keeps its transaction open: the write lock is taken. */
  private void holdWriteLock() throws SQLException {
    holder.setAutoCommit(false);
    try (Statement st = holder.createStatement()) {
      st.executeUpdate("INSERT INTO cw_account (id, balance, owner) VALUES (9, 0, 'holder')");
    }
  }

  @Test
  void aLockHeldPastTheTimeoutIsCodeBusyAndTheSessionStaysUsable() throws SQLException {
    holdWriteLock();
    try (Session s = db.session()) {
      assertThatThrownBy(() -> s.get(Account.class, 1))
          .isInstanceOfSatisfying(
              DatabaseException.class, e -> assertThat(e.code()).isEqualTo("busy"))
          .hasMessageContaining("SQLITE_BUSY");
      holder.rollback();
      s.add(new Account(1, "after"));
      s.commit();
    }
    assertThat(PlainSql.rows(url, "SELECT id, owner FROM cw_account"))
        .containsExactly(List.of("1", "after"));
  }

  @Test
  void inTransactionRunsTheWorkAgainAfterBusy() throws SQLException {
    holdWriteLock();
    AtomicInteger attempts = new AtomicInteger();
    db.inTransaction(
        s -> {
          if (attempts.incrementAndGet() == 2) {
            try {
              holder.rollback(); // the other writer finishes before the second attempt begins
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          }
          s.add(new Account(1, "retried"));
          s.get(Account.class, 1);
        });
    assertThat(attempts).hasValue(2);
    assertThat(PlainSql.rows(url, "SELECT id, owner FROM cw_account"))
        .containsExactly(List.of("1", "retried"));
  }

  @Test
  void aReadOnlySessionReadsWhileAnotherConnectionHoldsTheWriteLock() throws SQLException {
    try (Session s = db.session()) {
      s.add(new Account(1, "before"));
      s.commit();
    }
    holdWriteLock();
    try (Session s = db.session(dev.tether.TransactionOptions.defaults().readOnly())) {
      assertThat(s.get(Account.class, 1).owner).isEqualTo("before");
      s.commit();
    }
    try (Session s = db.session()) {
      assertThatThrownBy(() -> s.get(Account.class, 1))
          .as("a read-write session waits for the lock, and times out")
          .isInstanceOfSatisfying(
              DatabaseException.class, e -> assertThat(e.code()).isEqualTo("busy"));
    }
  }
}
