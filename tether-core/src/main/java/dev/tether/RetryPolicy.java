package dev.tether;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How {@code Database.inTransaction} runs work again when a transaction fails in a way that a new
 * attempt can cure. Each attempt runs the whole work in a new session, so the work must not have
 * side effects outside the session. Immutable; start from {@link #defaults()}.
 *
 * <pre>{@code
 * db.inTransaction(RetryPolicy.defaults().attempts(10), s -> transfer(s, from, to, amount));
 * }</pre>
 *
 * <p>Retried: serialization failures and deadlocks (SQLSTATE class 40: PostgreSQL at REPEATABLE
 * READ or SERIALIZABLE, MariaDB deadlocks, Galera certification conflicts), a lock still held by
 * another connection when the busy timeout ran out (SQLite's {@code SQLITE_BUSY} and {@code
 * SQLITE_LOCKED}, code {@code busy}), {@link StaleObjectException} (another transaction changed a
 * row this one read; the new attempt reads it again), and a connection lost before COMMIT was sent
 * (the server rolled the transaction back; SQLSTATE class 08, PostgreSQL's 57P01–57P03, a
 * failover's 25S03), and no connection to begin on within the pool's connection timeout (code
 * {@code connect}: nothing was sent). Never retried: {@link CommitOutcomeUnknownException} (the
 * work may be committed already), constraint violations and every other failure. The pause before
 * attempt {@code n + 1} is random between zero and {@code initialBackoff × 2^(n-1)}, capped at
 * {@code maxBackoff} ("full jitter"), so that contending callers do not retry in step.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS =
      new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(1));

  private final int attempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;

  private RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff) {
    this.attempts = attempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
  }

  /** 3 attempts in all, pauses from 10 ms, at most 1 s. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** One attempt: every failure reaches the caller at once. */
  public static RetryPolicy none() {
    return DEFAULTS.attempts(1);
  }

  /** This policy with {@code n} attempts in all (the first included); {@code n} ≥ 1. */
  public RetryPolicy attempts(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("RetryPolicy.attempts(" + n + "): at least 1 attempt");
    }
    return new RetryPolicy(n, initialBackoff, maxBackoff);
  }

  /** This policy with pauses from {@code initial}, doubling up to {@code max}, both ≥ 0. */
  public RetryPolicy backoff(Duration initial, Duration max) {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || max.isNegative() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "RetryPolicy.backoff(" + initial + ", " + max + "): 0 ≤ initial ≤ max");
    }
    return new RetryPolicy(attempts, initial, max);
  }

  /** Attempts in all, the first included. */
  public int attempts() {
    return attempts;
  }

  /** Whether {@code failure} of attempt {@code attempt} (from 1) is worth another attempt. */
  public boolean retries(RuntimeException failure, int attempt) {
    if (attempt >= attempts || failure instanceof CommitOutcomeUnknownException) {
      return false;
    }
    if (failure instanceof StaleObjectException) {
      return true;
    }
    if (!(failure instanceof DatabaseException e) || failure instanceof IntegrityException) {
      return false;
    }
    if ("serialization".equals(e.code()) || "busy".equals(e.code()) || "connect".equals(e.code())) {
      return true;
    }
    String state = e.sqlState();
    return state != null
        && (state.startsWith("08") || state.startsWith("57P0") || state.equals("25S03"));
  }

  /** The pause before the attempt after {@code attempt} (from 1): full jitter, capped. */
  public Duration pauseAfter(int attempt) {
    long initial = initialBackoff.toNanos();
    long ceiling = initial << Math.min(attempt - 1, 30);
    if (ceiling < 0 || ceiling > maxBackoff.toNanos()) {
      ceiling = maxBackoff.toNanos();
    }
    return ceiling == 0
        ? Duration.ZERO
        : Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy r
        && r.attempts == attempts
        && r.initialBackoff.equals(initialBackoff)
        && r.maxBackoff.equals(maxBackoff);
  }

  @Override
  public int hashCode() {
    return Objects.hash(attempts, initialBackoff, maxBackoff);
  }

  @Override
  public String toString() {
    return "RetryPolicy[attempts="
        + attempts
        + ", backoff="
        + initialBackoff
        + ".."
        + maxBackoff
        + "]";
  }
}
