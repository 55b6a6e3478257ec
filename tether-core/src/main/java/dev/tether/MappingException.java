package dev.tether;

/**
 * A model declaration is wrong. Thrown by {@link Registry#of} before any object is used; the
 * message names the class and field, says what is wrong and how to fix it.
 */
public class MappingException extends TetherException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code code} identifies the rule that failed. */
  public MappingException(String code, String message) {
    super(code, message);
  }
}
