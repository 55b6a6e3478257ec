package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.CommitOutcomeUnknownException;
import dev.tether.Database;
import dev.tether.DatabaseException;
import dev.tether.ObjectState;
import dev.tether.Session;
import dev.tether.fixtures.BackPopulates;
import dev.tether.fixtures.BackPopulates.Parent;
import dev.tether.testing.PlainSql;
import dev.tether.testing.SimpleDataSource;
import dev.tether.testing.TestDatabase;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a caller is told when a transaction ends at the COMMIT boundary, on every database: a COMMIT
 * the database refused is an ordinary (retryable) failure and nothing is written; a connection lost
 * while COMMIT was in flight is reported as an unknown outcome, whether the COMMIT in fact happened
 * or not, and is never retried; a connection that fails to go back to the pool after a successful
 * COMMIT is not a failure at all. The faults come from a data source whose connections fail on
 * command, over real connections to the real database.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class CommitOutcomeTest {
  enum Fault {
    NONE,
    /** The connection dies before COMMIT reaches the server: nothing is committed. */
    COMMIT_LOST_BEFORE,
    /** COMMIT is applied, then the connection dies before its answer arrives. */
    COMMIT_LOST_AFTER,
    /** The server refuses COMMIT (SQLSTATE 40001, as PostgreSQL at SERIALIZABLE or Galera). */
    COMMIT_REFUSED,
    /** COMMIT succeeds; giving the connection back fails. */
    CLOSE_FAILS
  }

  @Parameter TestDatabase target;
  @TempDir Path dir;
  FaultyDataSource data;
  Database db;

  @BeforeEach
  void open() {
    String url = target.sharedUrl(dir);
    target.open(BackPopulates.registry(), url).close(); // an empty database with the tables
    data = new FaultyDataSource(url);
    db = Database.open(data, BackPopulates.registry());
  }

  @AfterEach
  void close() {
    db.close();
  }

  private long parentsNamed(String name) {
    return PlainSql.rows(data.url, "SELECT name FROM bp_parent").stream()
        .filter(r -> r.get(0).equals(name))
        .count();
  }

  @Test
  void aConnectionLostAfterTheCommitWasAppliedIsReportedAsUnknownNotAsFailed() {
    try (Session s = db.session()) {
      Parent p = new Parent("applied");
      s.add(p);
      data.fault = Fault.COMMIT_LOST_AFTER;
      assertThatThrownBy(s::commit)
          .isInstanceOf(CommitOutcomeUnknownException.class)
          .hasMessageContaining("may or may not have been committed")
          .hasCauseInstanceOf(DatabaseException.class)
          .satisfies(
              e -> assertThat(((DatabaseException) e).code()).isEqualTo("commit-outcome-unknown"));
      data.fault = Fault.NONE;
      assertThat(s.stateOf(p)).isEqualTo(ObjectState.TRANSIENT); // as after a rollback
      s.add(new Parent("after"));
      s.commit(); // the session goes on, on a new connection
    }
    assertThat(parentsNamed("applied")).isEqualTo(1); // it was committed after all
    assertThat(parentsNamed("after")).isEqualTo(1);
  }

  @Test
  void aConnectionLostBeforeTheCommitArrivedIsReportedAsUnknownToo() {
    try (Session s = db.session()) {
      s.add(new Parent("lost"));
      data.fault = Fault.COMMIT_LOST_BEFORE;
      assertThatThrownBy(s::commit).isInstanceOf(CommitOutcomeUnknownException.class);
    }
    assertThat(parentsNamed("lost")).isZero(); // the client cannot tell this case from the last
  }

  @Test
  void anUnknownOutcomeIsNeverRetriedByInTransaction() {
    AtomicInteger attempts = new AtomicInteger();
    data.fault = Fault.COMMIT_LOST_AFTER;
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    s -> {
                      attempts.incrementAndGet();
                      s.add(new Parent("once"));
                    }))
        .isInstanceOf(CommitOutcomeUnknownException.class);
    data.fault = Fault.NONE;
    assertThat(attempts).hasValue(1);
    assertThat(parentsNamed("once")).isEqualTo(1); // applied once, never twice
  }

  @Test
  void aRefusedCommitIsAnOrdinaryFailureThatInTransactionRetries() {
    AtomicInteger attempts = new AtomicInteger();
    data.fault = Fault.COMMIT_REFUSED;
    data.faultsLeft = 1;
    db.inTransaction(
        s -> {
          attempts.incrementAndGet();
          s.add(new Parent("retried"));
        });
    assertThat(attempts).hasValue(2);
    assertThat(parentsNamed("retried")).isEqualTo(1);
  }

  @Test
  void aRefusedCommitKeepsItsOwnErrorAndWritesNothing() {
    try (Session s = db.session()) {
      s.add(new Parent("refused"));
      data.fault = Fault.COMMIT_REFUSED;
      assertThatThrownBy(s::commit)
          .isExactlyInstanceOf(DatabaseException.class)
          .satisfies(e -> assertThat(((DatabaseException) e).code()).isEqualTo("serialization"))
          .satisfies(e -> assertThat(((DatabaseException) e).sqlState()).isEqualTo("40001"));
    }
    assertThat(parentsNamed("refused")).isZero();
  }

  @Test
  void aConnectionThatFailsToGoBackAfterACommitIsNotAFailure() {
    AtomicInteger attempts = new AtomicInteger();
    data.fault = Fault.CLOSE_FAILS;
    db.inTransaction(
        s -> {
          attempts.incrementAndGet();
          s.add(new Parent("committed"));
        });
    assertThat(attempts).hasValue(1);
    assertThat(parentsNamed("committed")).isEqualTo(1);
  }

  /** A new physical connection per {@code getConnection}, failing as {@link #fault} says. */
  static final class FaultyDataSource extends SimpleDataSource {
    final String url;
    volatile Fault fault = Fault.NONE;

    /** How many more times the fault fires; negative for always. */
    volatile int faultsLeft = -1;

    FaultyDataSource(String url) {
      this.url = url;
    }

    private boolean fire(Fault f) {
      if (fault != f || faultsLeft == 0) {
        return false;
      }
      if (faultsLeft > 0) {
        faultsLeft--;
      }
      return true;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection physical = DriverManager.getConnection(url);
      InvocationHandler h =
          (proxy, m, args) -> {
            switch (m.getName()) {
              case "commit" -> {
                if (fire(Fault.COMMIT_LOST_BEFORE)) {
                  physical.close(); // the server rolls back what it never saw committed
                  throw new SQLException("Connection reset (test fault)", "08006");
                }
                if (fire(Fault.COMMIT_LOST_AFTER)) {
                  physical.commit();
                  physical.close();
                  throw new SQLException("Connection reset (test fault)", "08006");
                }
                if (fire(Fault.COMMIT_REFUSED)) {
                  throw new SQLException("could not serialize access (test fault)", "40001");
                }
                physical.commit();
                return null;
              }
              case "close" -> {
                physical.close();
                if (fire(Fault.CLOSE_FAILS)) {
                  throw new SQLException("Broken pipe while closing (test fault)", "08006");
                }
                return null;
              }
              default -> {
                return call(physical, m, args);
              }
            }
          };
      return (Connection)
          Proxy.newProxyInstance(
              CommitOutcomeTest.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
    }
  }
}
