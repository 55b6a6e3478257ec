package dev.tether;

/**
 * A flush was refused before any SQL ran because the pending changes cannot be written as they are:
 * a primary key that is missing or changed, a NOT NULL foreign key that deleting a parent would
 * empty, a cycle of NOT NULL foreign keys. The message names the objects and the fix; the session
 * is unchanged and usable.
 */
public class FlushException extends TetherException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code code} identifies the rule that refused the flush. */
  public FlushException(String code, String message) {
    super(code, message);
  }
}
