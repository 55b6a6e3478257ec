package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.IntegrityException;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.StatementEvent;
import dev.tether.StatementListener;
import dev.tether.TransactionEvent;
import dev.tether.TransactionEvent.Boundary;
import dev.tether.query.ColumnAttribute;
import dev.tether.session.ConcurrentWritersTest.Account;
import dev.tether.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a statement listener hears besides the SQL, on every database: each statement's duration,
 * rows and failure ({@link StatementListener#afterStatement}), and each transaction's boundaries
 * ({@link StatementListener#onTransaction}) — what a Micrometer or OpenTelemetry binding feeds on.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class StatementEventsTest {
  static final ColumnAttribute<Account, Integer> BALANCE =
      ColumnAttribute.of(Account.class, "balance", Integer.class);

  @Parameter TestDatabase target;
  Database db;
  final Recorder recorder = new Recorder();

  /** Everything it hears, in order, as text. */
  static final class Recorder implements StatementListener {
    final List<String> heard = new ArrayList<>();
    final List<StatementEvent> statements = new ArrayList<>();
    final List<TransactionEvent> transactions = new ArrayList<>();

    @Override
    public synchronized void onStatement(String sql, int rows) {
      heard.add("before " + sql);
    }

    @Override
    public synchronized void afterStatement(StatementEvent e) {
      heard.add("after " + e.sql());
      statements.add(e);
    }

    @Override
    public synchronized void onTransaction(TransactionEvent e) {
      heard.add(e.boundary().name());
      transactions.add(e);
    }

    synchronized void clear() {
      heard.clear();
      statements.clear();
      transactions.clear();
    }
  }

  @BeforeEach
  void open() {
    db = target.open(Registry.of(Account.class));
    db.addStatementListener(recorder);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void everyStatementIsFollowedByItsOutcomeInsideItsTransactionsBoundaries() {
    try (Session s = db.session()) {
      s.add(new Account(1, "one"));
      s.add(new Account(2, "two"));
      s.commit();
      assertThat(s.select(Account.class).list()).hasSize(2);
      assertThat(s.bulkUpdate(Account.class).set(BALANCE, 5).execute()).isEqualTo(2);
      s.rollback();
    }
    List<String> heard = recorder.heard;
    assertThat(heard.get(0)).isEqualTo("BEGIN");
    assertThat(heard).containsSubsequence("BEGIN", "COMMIT", "BEGIN", "ROLLBACK");
    assertThat(heard.stream().filter(h -> h.equals("COMMIT") || h.equals("ROLLBACK")))
        .containsExactly("COMMIT", "ROLLBACK");
    // each "before" is followed at once by its "after"
    for (int i = 0; i < heard.size(); i++) {
      if (heard.get(i).startsWith("before ")) {
        assertThat(heard.get(i + 1)).isEqualTo("after " + heard.get(i).substring(7));
      }
    }
    List<StatementEvent> events = recorder.statements;
    assertThat(events).allSatisfy(e -> assertThat(e.succeeded()).isTrue());
    assertThat(events)
        .allSatisfy(e -> assertThat(e.duration()).isBetween(Duration.ZERO, Duration.ofSeconds(10)));
    // the query, then the bulk update's read of the keys it will change (to sync the session)
    assertThat(events.stream().filter(e -> e.sql().startsWith("SELECT")))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.rows()).isEqualTo(2));
    StatementEvent update = only(events, "UPDATE");
    assertThat(update.rows()).isEqualTo(2);
    long inserted =
        events.stream()
            .filter(e -> e.sql().startsWith("INSERT"))
            .mapToLong(StatementEvent::rows)
            .sum();
    assertThat(inserted).as("rows inserted, in one multi-row INSERT or several").isEqualTo(2);
    assertThat(recorder.transactions).allSatisfy(t -> assertThat(t.succeeded()).isTrue());
  }

  private static StatementEvent only(List<StatementEvent> events, String verb) {
    List<StatementEvent> matching = events.stream().filter(e -> e.sql().startsWith(verb)).toList();
    assertThat(matching).as(verb).hasSize(1);
    return matching.get(0);
  }

  @Test
  void aFailedStatementIsReportedWithItsFailureAndTheRollbackFollows() {
    try (Session s = db.session()) {
      s.add(new Account(1, "one"));
      s.commit();
    }
    recorder.clear();
    try (Session s = db.session()) {
      s.add(new Account(1, "again"));
      assertThatThrownBy(s::commit).isInstanceOf(IntegrityException.class);
    }
    StatementEvent failed = recorder.statements.get(recorder.statements.size() - 1);
    assertThat(failed.sql()).startsWith("INSERT");
    assertThat(failed.succeeded()).isFalse();
    assertThat(failed.failure()).isInstanceOf(IntegrityException.class);
    assertThat(failed.rows()).isEqualTo(-1);
    assertThat(recorder.transactions)
        .extracting(TransactionEvent::boundary)
        .containsExactly(Boundary.BEGIN, Boundary.ROLLBACK);
  }

  @Test
  void aListenerThatThrowsDoesNotChangeTheOutcome() {
    db.addStatementListener(
        new StatementListener() {
          @Override
          public void onStatement(String sql, int rows) {}

          @Override
          public void afterStatement(StatementEvent event) {
            throw new IllegalStateException("metrics backend down");
          }

          @Override
          public void onTransaction(TransactionEvent event) {
            throw new IllegalStateException("metrics backend down");
          }
        });
    try (Session s = db.session()) {
      s.add(new Account(1, "one"));
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.get(Account.class, 1).owner).isEqualTo("one");
    }
  }
}
