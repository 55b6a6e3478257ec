package dev.tether;

/**
 * A lifecycle hook ({@link BeforeInsert} and its siblings) or a listener ({@link ModelListener},
 * {@link SessionListener}) failed. The message names the hook or listener, the event and the
 * object; {@link #getCause()} is what it threw. Tether's own exceptions thrown inside a hook (a
 * {@link DatabaseException} of a query it ran, say) are not wrapped, so that {@link
 * Database#inTransaction} still retries a deadlock.
 *
 * <p>From an event of a flush the flush fails as any other would: the transaction is rolled back,
 * nothing is half-written, the changes stay pending and the session is usable. {@link #code()} is
 * {@code event-failed}, or {@code event-relationship} when a hook changed a relationship while the
 * flush was writing rows.
 */
public class EventException extends TetherException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code cause} is what the hook or listener threw, if anything. */
  public EventException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
