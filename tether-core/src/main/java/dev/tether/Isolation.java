package dev.tether;

/**
 * A transaction isolation level, as the SQL standard names them; set per database ({@code
 * Database.builder(url).isolation(...)}) or per transaction ({@link TransactionOptions#isolation}).
 *
 * <p>Each database runs a level at least as strict as asked, as the standard allows: PostgreSQL
 * runs {@code READ UNCOMMITTED} as {@code READ COMMITTED}, and its {@code REPEATABLE READ} is
 * snapshot isolation; MariaDB's {@code SERIALIZABLE} takes shared locks on every row read; SQLite
 * runs every transaction serializable (one writer at a time), whatever is asked. Under {@code
 * REPEATABLE READ} and {@code SERIALIZABLE} a transaction may fail with a serialization failure
 * (SQLSTATE 40001) that only a new attempt cures: {@code Database.inTransaction} retries it.
 * Without a level, a transaction runs at the database's default: {@code READ COMMITTED} on
 * PostgreSQL, {@code REPEATABLE READ} on MariaDB.
 */
public enum Isolation {
  /** Each statement sees the rows committed before it began. */
  READ_COMMITTED("READ COMMITTED"),
  /** Every read of a transaction sees the same snapshot (PostgreSQL) or locked rows (MariaDB). */
  REPEATABLE_READ("REPEATABLE READ"),
  /** The transactions' outcome is that of some serial order; conflicts fail with SQLSTATE 40001. */
  SERIALIZABLE("SERIALIZABLE");

  private final String sql;

  Isolation(String sql) {
    this.sql = sql;
  }

  /** The level as SQL writes it ({@code READ COMMITTED}). */
  public String sql() {
    return sql;
  }
}
