package dev.tether;

/**
 * A value could not be converted between its Java type and its column: text in a date column that
 * is not a date, a name that no constant of the enum has, a converter or JSON mapping that failed,
 * a parameter of the wrong type. The message names the model, field and column (or, for a computed
 * result column, its position and label), the value and the Java type, and {@link #code()} is
 * always {@code "value-conversion"}.
 *
 * <pre>{@code
 * try {
 *   session.get(Event.class, 1);
 * } catch (ValueConversionException e) {
 *   // Cannot read Event.startsAt (event.starts_at): the database holds '07/12/2026',
 *   // which is not a LocalDateTime ...
 * }
 * }</pre>
 */
public class ValueConversionException extends TetherException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with its message and the failure underneath (may be null). */
  public ValueConversionException(String message, Throwable cause) {
    super("value-conversion", message, cause);
  }
}
