package dev.tether;

/**
 * The database refused a write because it breaks a constraint (NOT NULL, UNIQUE, FOREIGN KEY,
 * CHECK). {@link #constraint()} names the constraint or column when the database reports it.
 */
public class IntegrityException extends DatabaseException {
  private static final long serialVersionUID = 1L;
  private final String constraint;

  /** Creates the exception. */
  public IntegrityException(String message, String sqlState, String constraint, Throwable cause) {
    super("integrity", message, sqlState, cause);
    this.constraint = constraint;
  }

  /** The violated constraint or column as the database named it, or {@code null}. */
  public String constraint() {
    return constraint;
  }
}
