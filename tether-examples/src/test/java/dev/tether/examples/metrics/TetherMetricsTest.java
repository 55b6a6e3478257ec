package dev.tether.examples.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.IntegrityException;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.examples.BackPopulates.Child;
import dev.tether.examples.BackPopulates.Parent;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The Micrometer binding records what the database did, on every database. */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class TetherMetricsTest {
  @Parameter TestDatabase target;
  Database db;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  TetherMetrics metrics;

  @BeforeEach
  void open() {
    db = target.open(Registry.of(Parent.class, Child.class));
    metrics = TetherMetrics.bind(db, registry);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private long count(String name, String tag, String value, String outcome) {
    Timer t = registry.find(name).tag(tag, value).tag("outcome", outcome).timer();
    return t == null ? 0 : t.count();
  }

  @Test
  void statementsAndTransactionsAreTimedByKindAndOutcome() {
    Parent parent = new Parent();
    parent.children.add(new Child());
    parent.children.add(new Child());
    StatementRecorder recorder = new StatementRecorder();
    db.addStatementListener(recorder);
    try (Session s = db.session()) {
      s.add(parent);
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.select(Parent.class).list()).hasSize(1);
      s.rollback();
    }
    long inserted = recorder.statements().stream().filter(sql -> sql.startsWith("INSERT")).count();
    assertThat(inserted).as("one per table at least").isGreaterThanOrEqualTo(2);
    assertThat(count("tether.statements", "verb", "insert", "success")).isEqualTo(inserted);
    assertThat(count("tether.statements", "verb", "select", "success")).isEqualTo(1);
    assertThat(count("tether.transactions", "boundary", "begin", "success")).isEqualTo(2);
    assertThat(count("tether.transactions", "boundary", "commit", "success")).isEqualTo(1);
    assertThat(count("tether.transactions", "boundary", "rollback", "success")).isEqualTo(1);
    Timer inserts = registry.find("tether.statements").tag("verb", "insert").timer();
    assertThat(inserts.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();

    metrics.unbind();
    try (Session s = db.session()) {
      s.select(Parent.class).list();
    }
    assertThat(count("tether.statements", "verb", "select", "success")).isEqualTo(1);
  }

  @Test
  void aFailedStatementIsCountedAsAFailure() {
    Parent first = new Parent();
    try (Session s = db.session()) {
      s.add(first);
      s.commit();
    }
    Parent clash = new Parent();
    clash.id = first.id;
    try (Session s = db.session()) {
      s.add(clash);
      assertThatThrownBy(s::commit).isInstanceOf(IntegrityException.class);
    }
    assertThat(count("tether.statements", "verb", "insert", "failure")).isEqualTo(1);
    assertThat(count("tether.transactions", "boundary", "rollback", "success")).isEqualTo(1);
  }

  @Test
  void theVerbIsTheFirstWord() {
    assertThat(TetherMetrics.verbOf("  select 1")).isEqualTo("select");
    assertThat(TetherMetrics.verbOf("WITH t AS (SELECT 1) SELECT * FROM t")).isEqualTo("select");
    assertThat(TetherMetrics.verbOf("CREATE TABLE x (id INT)")).isEqualTo("ddl");
    assertThat(TetherMetrics.verbOf("SAVEPOINT s1")).isEqualTo("other");
  }
}
