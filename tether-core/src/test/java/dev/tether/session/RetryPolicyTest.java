package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.CommitOutcomeUnknownException;
import dev.tether.Database;
import dev.tether.DatabaseException;
import dev.tether.IntegrityException;
import dev.tether.Registry;
import dev.tether.RetryPolicy;
import dev.tether.Session;
import dev.tether.StaleObjectException;
import dev.tether.session.OptimisticLockingTest.Account;
import dev.tether.testing.TestDatabase;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code Database.inTransaction}'s retries: which failures a new attempt can cure, how many
 * attempts, the jittered pauses, and a real lost update on every database, retried in a new session
 * until it applies once.
 */
class RetryPolicyTest {
  static DatabaseException failure(String code, String sqlState) {
    return new DatabaseException(code, "test", sqlState, null);
  }

  @Test
  void retriesWhatANewAttemptCanCureAndNothingElse() {
    RetryPolicy p = RetryPolicy.defaults();
    assertThat(p.retries(failure("serialization", "40001"), 1)).isTrue();
    assertThat(p.retries(failure("serialization", "40P01"), 2)).isTrue();
    assertThat(p.retries(failure("database", "08006"), 1)).isTrue(); // lost before COMMIT
    assertThat(p.retries(failure("database", "57P01"), 1)).isTrue(); // PostgreSQL shut down
    assertThat(p.retries(failure("database", "25S03"), 1)).isTrue(); // lost by a failover
    assertThat(p.retries(failure("busy", null), 1)).isTrue(); // SQLite lock wait timed out
    assertThat(p.retries(failure("connect", null), 1)).isTrue(); // no connection: nothing sent
    assertThat(p.retries(new StaleObjectException("stale", null, null, null), 1)).isTrue();
    // never: the work may be committed already
    assertThat(p.retries(new CommitOutcomeUnknownException(failure("database", "08006")), 1))
        .isFalse();
    assertThat(p.retries(new IntegrityException("dup", "23505", "uq", null), 1)).isFalse();
    assertThat(p.retries(failure("database", "42P01"), 1)).isFalse();
    assertThat(p.retries(new IllegalStateException("bug"), 1)).isFalse();
    assertThat(p.retries(failure("serialization", "40001"), 3)).isFalse(); // the last attempt
    assertThat(RetryPolicy.none().retries(failure("serialization", "40001"), 1)).isFalse();
  }

  @Test
  void pausesAreRandomBelowADoublingCeilingCappedAtTheMaximum() {
    RetryPolicy p =
        RetryPolicy.defaults().attempts(20).backoff(Duration.ofMillis(10), Duration.ofMillis(50));
    for (int i = 0; i < 200; i++) {
      assertThat(p.pauseAfter(1)).isBetween(Duration.ZERO, Duration.ofMillis(10));
      assertThat(p.pauseAfter(2)).isBetween(Duration.ZERO, Duration.ofMillis(20));
      assertThat(p.pauseAfter(15)).isBetween(Duration.ZERO, Duration.ofMillis(50));
    }
    long distinct =
        java.util.stream.IntStream.range(0, 50).mapToObj(i -> p.pauseAfter(3)).distinct().count();
    assertThat(distinct).isGreaterThan(1); // jittered, not in step
    assertThat(RetryPolicy.defaults().backoff(Duration.ZERO, Duration.ZERO).pauseAfter(5)).isZero();
  }

  @Test
  void badSettingsAreRefusedWithTheRule() {
    assertThatThrownBy(() -> RetryPolicy.defaults().attempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
    assertThatThrownBy(
            () -> RetryPolicy.defaults().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 ≤ initial ≤ max");
  }

  /** On every database: a real lost update, cured by the retry. */
  @Nested
  @ParameterizedClass
  @MethodSource("dev.tether.testing.TestDatabase#all")
  class OnADatabase {
    @Parameter TestDatabase target;
    Database db;
    Integer id;

    @BeforeEach
    void open() {
      db = target.open(Registry.of(Account.class));
      try (Session s = db.session()) {
        Account a = new Account("a", 100);
        s.add(a);
        s.commit();
        id = a.id;
      }
    }

    @AfterEach
    void close() {
      db.close();
    }

    private void otherTransactionDeposits(long amount) {
      try (Session other = db.session()) {
        other.get(Account.class, id).balance += amount;
        other.commit();
      }
    }

    @Test
    void aStaleRowIsReadAgainInANewSessionAndTheWorkAppliesOnce() {
      AtomicInteger attempts = new AtomicInteger();
      db.inTransaction(
          s -> {
            Account a = s.get(Account.class, id);
            if (attempts.incrementAndGet() == 1) {
              otherTransactionDeposits(50); // after this session read the row
            }
            a.balance -= 30;
          });
      assertThat(attempts).hasValue(2);
      try (Session s = db.session()) {
        assertThat(s.get(Account.class, id).balance).isEqualTo(120); // 100 + 50 - 30, both kept
      }
    }

    @Test
    void withoutRetriesTheStaleRowReachesTheCallerAndNothingIsWritten() {
      AtomicInteger attempts = new AtomicInteger();
      assertThatThrownBy(
              () ->
                  db.inTransaction(
                      RetryPolicy.none(),
                      s -> {
                        Account a = s.get(Account.class, id);
                        attempts.incrementAndGet();
                        otherTransactionDeposits(50);
                        a.balance -= 30;
                      }))
          .isInstanceOf(StaleObjectException.class);
      assertThat(attempts).hasValue(1);
      try (Session s = db.session()) {
        assertThat(s.get(Account.class, id).balance).isEqualTo(150);
      }
    }
  }
}
