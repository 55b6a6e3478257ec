package dev.tether;

/**
 * A relationship declared {@code lazy = "raise"} was used before it was loaded: Tether refuses the
 * lazy load instead of running one query per object (the N+1 guard). The message names the
 * attribute and how to load it.
 */
public class LazyLoadException extends TetherException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with its message. */
  public LazyLoadException(String message) {
    super("lazy-raise", message);
  }
}
