package dev.tether;

/**
 * An operation was asked of a session or an object in a state that does not allow it (a closed
 * session, an object owned by another session, deleting a transient object, ...). The message names
 * the state it found and the one it needed.
 */
public class SessionStateException extends TetherException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with its message. */
  public SessionStateException(String message) {
    super("session-state", message);
  }

  /**
   * Creates the exception with a more specific code than {@code session-state} ({@code
   * read-only-session}: a read-only session was asked to write).
   */
  public SessionStateException(String code, String message) {
    super(code, message);
  }
}
