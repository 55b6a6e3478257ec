package dev.tether;

/**
 * {@code select(...).one()} or {@code optional()} found several rows where at most one was
 * expected. Narrow the {@code where}, or use {@code first()} to take the first of an ordered
 * result.
 */
public class NonUniqueResultException extends QueryException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with its message. */
  public NonUniqueResultException(String message) {
    super("non-unique-result", message);
  }
}
