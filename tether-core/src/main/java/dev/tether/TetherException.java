package dev.tether;

/**
 * The root of every exception Tether throws. Each subclass names the action that failed; {@link
 * #code()} is a stable identifier for documentation and log searches.
 */
public class TetherException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;

  /** Creates an exception with a stable code and a message that says what to do. */
  public TetherException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** Creates an exception with a stable code, a message and the underlying cause. */
  public TetherException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** A stable, short identifier of the kind of failure, e.g. {@code "mapping"}. */
  public String code() {
    return code;
  }
}
