package dev.tether;

/**
 * A savepoint inside a session's transaction, from {@link Session#beginNested()}. {@link #commit}
 * keeps what was done since (it is committed with the outer transaction); {@link #rollback} undoes
 * it in the database and in memory. Closing without either rolls back.
 *
 * <pre>{@code
 * try (NestedTransaction nested = session.beginNested()) {
 *   session.add(risky);
 *   nested.commit();       // a failure before this line rolls back to the savepoint only
 * }
 * }</pre>
 */
public interface NestedTransaction extends AutoCloseable {
  /** Flushes and releases the savepoint; its changes belong to the outer transaction now. */
  void commit();

  /**
   * Rolls the database back to the savepoint and memory back to the state it had then: objects
   * added since become transient, objects deleted since persistent again, column fields their
   * values at the savepoint, and relationships reload.
   */
  void rollback();

  /** Rolls back unless {@link #commit} or {@link #rollback} was called. */
  @Override
  void close();
}
