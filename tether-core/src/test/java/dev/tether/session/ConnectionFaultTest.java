package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tether.Database;
import dev.tether.DatabaseException;
import dev.tether.Session;
import dev.tether.StatementListener;
import dev.tether.fixtures.BackPopulates;
import dev.tether.fixtures.BackPopulates.Child;
import dev.tether.fixtures.BackPopulates.Parent;
import dev.tether.testing.TestDatabase;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 4's fault test: the connection is killed from outside in the middle of a flush (after the
 * parent's INSERT, before the children's). The failure is a typed exception, nothing is
 * half-written, and the same session writes everything once the database is reachable again. Gated
 * on the capability to kill a connection from outside, which an embedded database lacks.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class ConnectionFaultTest {
  @Parameter TestDatabase target;
  Database db;

  @BeforeEach
  void open() {
    db = target.open(BackPopulates.registry());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aConnectionKilledMidFlushWritesNothingAndTheSessionRecovers() {
    assumeTrue(
        target.canKillConnections(),
        "an embedded database has no connection another process could kill");
    Parent p = new Parent("p");
    p.children.add(new Child("c1"));
    p.children.add(new Child("c2"));
    AtomicBoolean armed = new AtomicBoolean(true);
    StatementListener killer =
        (sql, rows) -> {
          if (sql.startsWith("INSERT") && sql.contains("bp_child") && armed.getAndSet(false)) {
            target.killOtherConnections();
          }
        };
    db.addStatementListener(killer);
    try (Session s = db.session()) {
      s.add(p);
      assertThatThrownBy(s::commit).isInstanceOf(DatabaseException.class);
      assertThat(p.id).isNull(); // the parent's row went with the transaction
      db.removeStatementListener(killer);
      s.commit(); // a new connection; every change was still pending
      assertThat(p.id).isNotNull();
    }
    try (Session s = db.session()) {
      Parent loaded = s.get(Parent.class, p.id);
      assertThat(loaded.children).extracting(c -> c.name).containsExactly("c1", "c2");
      assertThat(s.get(Parent.class, p.id + 1)).isNull(); // written once
    }
  }

  /**
   * A server restart or failover kills every idle connection of the pool at once. Where the driver
   * notices at the start of the transaction (MariaDB: switching autocommit off is a round trip),
   * Tether takes another connection and the commit succeeds. Where it notices only at the first
   * statement (PostgreSQL's driver begins lazily), that commit fails with a typed exception, writes
   * nothing, keeps every change pending, and the pool's idle connections are dropped: the retry
   * succeeds, and no third attempt is ever needed.
   */
  @Test
  void aTransactionAfterThePoolsConnectionsWereKilledStartsOnANewConnection() {
    assumeTrue(
        target.canKillConnections(),
        "an embedded database has no connection another process could kill");
    for (int i = 0; i < 3; i++) { // leave some connections idle in the pool
      try (Session s = db.session()) {
        s.add(new Parent("before" + i));
        s.commit();
      }
    }
    target.killOtherConnections();
    Parent p = new Parent("after");
    try (Session s = db.session()) {
      s.add(p);
      try {
        s.commit();
      } catch (DatabaseException lazyBegin) {
        assertThat(p.id).isNull();
        s.commit();
      }
    }
    try (Session s = db.session()) {
      assertThat(s.get(Parent.class, p.id).name).isEqualTo("after");
      assertThat(s.get(Parent.class, p.id + 1)).isNull(); // written once
    }
  }

  /**
   * After a statement found the connection killed, {@code rollback()} is the remedy: it must not
   * fail on the dead connection (the server discarded the transaction with it), and the session
   * reads again on a new connection.
   */
  @Test
  void rollbackAfterTheConnectionWasKilledIsNoFailureAndTheSessionGoesOn() {
    assumeTrue(
        target.canKillConnections(),
        "an embedded database has no connection another process could kill");
    Parent p = new Parent("kept");
    db.inTransaction(s -> s.add(p));
    try (Session s = db.session()) {
      assertThat(s.get(Parent.class, p.id)).isNotNull(); // a transaction holds a connection now
      target.killOtherConnections();
      assertThatThrownBy(() -> s.select(Parent.class).list()).isInstanceOf(DatabaseException.class);
      s.rollback();
      assertThat(s.select(Parent.class).list()).extracting(x -> x.name).containsExactly("kept");
    }
  }

  /**
   * A read-only transaction whose connection dies at COMMIT had nothing to apply: the caller gets a
   * plain connection failure (retried by {@code inTransaction}), never "outcome unknown".
   */
  @Test
  void aReadOnlyCommitOnAKilledConnectionIsAPlainFailureNotAnUnknownOutcome() {
    assumeTrue(
        target.canKillConnections(),
        "an embedded database has no connection another process could kill");
    Parent p = new Parent("kept");
    db.inTransaction(s -> s.add(p));
    try (Session s = db.session(dev.tether.TransactionOptions.defaults().readOnly())) {
      assertThat(s.get(Parent.class, p.id)).isNotNull();
      target.killOtherConnections();
      assertThatThrownBy(s::commit)
          .isInstanceOf(DatabaseException.class)
          .isNotInstanceOf(dev.tether.CommitOutcomeUnknownException.class);
    }
  }
}
