package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.DatabaseException;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.session.ConcurrentWritersTest.Account;
import dev.tether.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A statement of a batch that the database refuses gives an exception whose message names the SQL
 * and the database's reason, never the bound values ({@code DatabaseException}'s contract), on
 * every database. PostgreSQL's driver words a failed batch as "Batch entry 1 UPDATE … ('…'::int4) …
 * was aborted" with every value of the row; Tether reads the server's own error behind it. Found by
 * the serializable soak, whose failures printed balances.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class BatchFailureMessageTest {
  /** A value that no message may carry: it is bound, and not what the database refuses. */
  private static final int BALANCE = 987_654_321;

  @Parameter TestDatabase target;
  Database db;

  @BeforeEach
  void open() {
    db = target.open(Registry.of(Account.class));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aRefusedBatchNamesTheSqlAndTheReasonButNoBoundValue() {
    try (Session s = db.session()) {
      s.add(new Account(1, "one"));
      s.add(new Account(2, "two"));
      s.commit();
    }
    try (Session s = db.session()) {
      Account first = s.get(Account.class, 1);
      Account second = s.get(Account.class, 2);
      first.balance = BALANCE;
      first.owner = "fits";
      second.balance = BALANCE;
      second.owner = "eleven-char"; // longer than its column: the batch's second UPDATE fails
      assertThatThrownBy(s::commit)
          .isInstanceOfSatisfying(
              DatabaseException.class,
              e ->
                  assertThat(e.getMessage())
                      .contains("[SQL: UPDATE")
                      .doesNotContain(String.valueOf(BALANCE)));
    }
  }
}
