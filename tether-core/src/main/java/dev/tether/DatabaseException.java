package dev.tether;

/**
 * The database rejected a statement or could not be reached. The message carries the SQL (never the
 * bound values) and the driver's text; {@link #sqlState()} the SQLSTATE when known. A failed flush
 * has been rolled back when this reaches you, and the session is usable.
 */
public class DatabaseException extends TetherException {
  private static final long serialVersionUID = 1L;
  private final String sqlState;

  /** Creates the exception. */
  public DatabaseException(String code, String message, String sqlState, Throwable cause) {
    super(code, message, cause);
    this.sqlState = sqlState;
  }

  /** The SQLSTATE the driver reported, or {@code null}. */
  public String sqlState() {
    return sqlState;
  }
}
