package dev.tether;

/**
 * {@code select(...).one()} found no row. Use {@code optional()} or {@code first()} when none is a
 * normal outcome.
 */
public class NoResultException extends QueryException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with its message. */
  public NoResultException(String message) {
    super("no-result", message);
  }
}
