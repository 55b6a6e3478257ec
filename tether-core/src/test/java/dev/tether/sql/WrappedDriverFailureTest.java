package dev.tether.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.DatabaseException;
import dev.tether.IntegrityException;
import dev.tether.RetryPolicy;
import dev.tether.sql.mariadb.MariadbDialect;
import dev.tether.sql.postgresql.PostgresqlDialect;
import dev.tether.sql.sqlite.SqliteDialect;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A driver failure wrapped without its SQLSTATE is read by what it wraps, in every dialect. MariaDB
 * Connector/J reports a batch whose connection died ("Socket error", a broken pipe) as a {@code
 * BatchUpdateException} with no state around the {@code SQLNonTransientConnectionException} of
 * state 08000: read as it was, the lost connection was a plain {@code database} failure with no
 * SQLSTATE, and {@code inTransaction} did not retry it (the kill-storm soak showed 4–6 such failed
 * transfers per run). The exceptions here are the driver's shapes, built by hand, since the race
 * that produces them (the socket closed before the batch is written) cannot be timed from a test.
 */
class WrappedDriverFailureTest {
  static Stream<Dialect> dialects() {
    return Stream.of(new SqliteDialect(), new PostgresqlDialect(), new MariadbDialect());
  }

  private static BatchUpdateException batchAround(SQLException driverFailure) {
    return new BatchUpdateException(driverFailure); // message: the cause's toString; no state
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void aLostConnectionInsideABatchFailureIsAConnectionFailureThatIsRetried(Dialect dialect) {
    BatchUpdateException e =
        batchAround(new SQLNonTransientConnectionException("(conn=7) Socket error", "08000"));
    assertThat(e.getSQLState()).isNull();

    DatabaseException translated = dialect.translate(e, "UPDATE a SET b = ?");

    assertThat(translated.sqlState()).isEqualTo("08000");
    assertThat(translated.getMessage())
        .isEqualTo("(conn=7) Socket error [SQL: UPDATE a SET b = ?]");
    assertThat(translated.getCause()).isSameAs(e);
    assertThat(dialect.isConnectionFailure(e)).isTrue();
    assertThat(RetryPolicy.defaults().retries(translated, 1)).isTrue();
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void aConnectionExceptionWithoutAnyStateIsStillAConnectionFailure(Dialect dialect) {
    assertThat(dialect.isConnectionFailure(batchAround(new SQLNonTransientConnectionException())))
        .isTrue();
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void aConstraintViolationInsideABatchFailureStaysAnIntegrityFailure(Dialect dialect) {
    BatchUpdateException e =
        batchAround(
            new SQLIntegrityConstraintViolationException(
                "UNIQUE constraint failed: a.b (Duplicate entry)", "23000"));
    DatabaseException translated = dialect.translate(e, "INSERT INTO a VALUES (?)");
    assertThat(translated).isInstanceOf(IntegrityException.class);
    assertThat(translated.sqlState()).isEqualTo("23000");
    assertThat(RetryPolicy.defaults().retries(translated, 1)).isFalse();
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void aFailureThatCarriesItsOwnStateIsReadAsItIs(Dialect dialect) {
    SQLException outer =
        new SQLException("deadlock", "40001", new SQLNonTransientConnectionException("x", "08000"));
    DatabaseException translated = dialect.translate(outer, null);
    assertThat(translated.sqlState()).isEqualTo("40001");
    assertThat(translated.code()).isEqualTo("serialization");
    assertThat(translated.getMessage()).isEqualTo("deadlock");
  }
}
