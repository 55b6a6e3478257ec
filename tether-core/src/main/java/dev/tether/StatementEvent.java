package dev.tether;

import java.time.Duration;

/**
 * How one statement went, as {@link StatementListener#afterStatement} hears it: for metrics and
 * tracing (a Micrometer timer per statement kind, an OpenTelemetry span).
 *
 * @param sql the SQL, with {@code ?} for every value (values are never included)
 * @param parameterSets how many parameter sets ran (above 1 for a JDBC batch)
 * @param duration from just before the statement was sent until its result was read (for a query
 *     read row by row, as {@code Select.stream} does, until the stream closed: other statements may
 *     run meanwhile, and are reported first)
 * @param rows the rows a query read or a write changed; -1 when unknown (DDL, a driver that does
 *     not report batch counts, a failure)
 * @param failure what ended the statement, or {@code null} when it succeeded
 */
public record StatementEvent(
    String sql, int parameterSets, Duration duration, long rows, RuntimeException failure) {
  /** Whether the statement succeeded. */
  public boolean succeeded() {
    return failure == null;
  }
}
