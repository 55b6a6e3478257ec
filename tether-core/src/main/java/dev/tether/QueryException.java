package dev.tether;

/**
 * A query could not be built or run as written: a column of a model the query does not include, a
 * loading option on a relationship of another model, raw SQL that lacks a mapped column. The
 * message says what to change.
 */
public class QueryException extends TetherException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a stable code and its message. */
  public QueryException(String code, String message) {
    super(code, message);
  }
}
