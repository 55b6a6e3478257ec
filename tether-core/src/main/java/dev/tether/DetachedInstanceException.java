package dev.tether;

/**
 * A relationship that is not loaded was used on an object that belongs to no open session, so it
 * cannot be loaded. The message names the attribute and says how to avoid it.
 */
public class DetachedInstanceException extends TetherException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with its message. */
  public DetachedInstanceException(String message) {
    super("detached", message);
  }
}
