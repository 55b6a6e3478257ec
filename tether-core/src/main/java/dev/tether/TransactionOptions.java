package dev.tether;

import java.util.Objects;

/**
 * How a session runs its transactions: the isolation level, whether they are read-only, and (for
 * {@code Database.inTransaction}) the retry policy. Immutable; start from {@link #defaults()}.
 *
 * <pre>{@code
 * TransactionOptions serializable = TransactionOptions.defaults()
 *     .isolation(Isolation.SERIALIZABLE)
 *     .retry(RetryPolicy.defaults().attempts(10));
 * db.inTransaction(serializable, session -> transfer(session, from, to, amount));
 *
 * try (Session report = db.session(TransactionOptions.defaults().readOnly())) { ... }
 * }</pre>
 *
 * <p>A <b>read-only</b> session refuses to flush: new, deleted or changed objects make its flush
 * (explicit, automatic before a query, or at commit) fail with a {@link SessionStateException} of
 * code {@code read-only-session}, before any SQL is sent; the objects keep their changes. Its
 * transactions are read-only in the database too ({@code SET TRANSACTION READ ONLY} on PostgreSQL
 * and MariaDB, {@code PRAGMA query_only} on SQLite), so a write in plain SQL fails as well. On
 * SQLite a read-only transaction does not take the write lock, so it does not wait for writers.
 */
public final class TransactionOptions {
  private static final TransactionOptions DEFAULTS =
      new TransactionOptions(null, false, RetryPolicy.defaults());

  private final Isolation isolation;
  private final boolean readOnly;
  private final RetryPolicy retry;

  private TransactionOptions(Isolation isolation, boolean readOnly, RetryPolicy retry) {
    this.isolation = isolation;
    this.readOnly = readOnly;
    this.retry = retry;
  }

  /** The database's default isolation, read-write, {@link RetryPolicy#defaults()}. */
  public static TransactionOptions defaults() {
    return DEFAULTS;
  }

  /** These options with {@code level}; {@code null} means the database's default level. */
  public TransactionOptions isolation(Isolation level) {
    return new TransactionOptions(level, readOnly, retry);
  }

  /** These options, read-only (see the class documentation). */
  public TransactionOptions readOnly() {
    return new TransactionOptions(isolation, true, retry);
  }

  /** These options with {@code policy} for {@code Database.inTransaction}. */
  public TransactionOptions retry(RetryPolicy policy) {
    return new TransactionOptions(isolation, readOnly, Objects.requireNonNull(policy, "policy"));
  }

  /** The isolation level, or {@code null} for the database's default. */
  public Isolation isolation() {
    return isolation;
  }

  /** Whether the session's transactions are read-only. */
  public boolean isReadOnly() {
    return readOnly;
  }

  /** The retry policy {@code Database.inTransaction} follows (a plain session ignores it). */
  public RetryPolicy retry() {
    return retry;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransactionOptions t
        && t.isolation == isolation
        && t.readOnly == readOnly
        && t.retry.equals(retry);
  }

  @Override
  public int hashCode() {
    return Objects.hash(isolation, readOnly, retry);
  }

  @Override
  public String toString() {
    return "TransactionOptions[isolation="
        + (isolation == null ? "default" : isolation.sql())
        + (readOnly ? ", read-only" : ", read-write")
        + ", retry="
        + retry
        + "]";
  }
}
