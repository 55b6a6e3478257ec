package dev.tether.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.Session;
import dev.tether.SessionStateException;
import dev.tether.TetherException;
import dev.tether.TransactionOptions;
import dev.tether.fixtures.BackPopulates.Parent;
import dev.tether.testing.StatementRecorder;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What {@link TetherTransactionManager} promises, run by one subclass per database in Spring's test
 * context ({@link SpringTestApp}): commit, rollback on an exception, one transaction shared with
 * {@code JdbcTemplate}, read-only, {@code REQUIRES_NEW} and {@code NESTED}.
 */
abstract class SpringTransactionsContract {
  @Autowired Shop shop;
  @Autowired JdbcTemplate jdbc;
  @Autowired Database db;
  @Autowired Session session;
  @Autowired StatementRecorder sql;

  @BeforeEach
  void empty() {
    jdbc.update("DELETE FROM bp_child");
    jdbc.update("DELETE FROM bp_parent");
    sql.clear();
  }

  private List<String> names() {
    return jdbc.queryForList("SELECT name FROM bp_parent ORDER BY name", String.class);
  }

  private long children() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM bp_child", Long.class);
  }

  private static String code(Throwable e) {
    return ((TetherException) e).code();
  }

  @Test
  void aTransactionalMethodCommitsItsSessionsChanges() {
    Parent p = shop.add("p");
    assertThat(sql.statements()) // flushed before COMMIT: parent, then child
        .hasSize(2)
        .allSatisfy(statement -> assertThat(statement).startsWith("INSERT INTO"));

    assertThat(names()).containsExactly("p");
    assertThat(children()).isEqualTo(1);
    assertThat(p.id).isNotNull();
    assertThat(jdbc.queryForObject("SELECT parent_id FROM bp_child", Integer.class))
        .isEqualTo(p.id);
  }

  @Test
  void anExceptionRollsBackTheSessionsChanges() {
    assertThatThrownBy(() -> shop.addThenFail("p")).isInstanceOf(IllegalStateException.class);

    assertThat(names()).isEmpty();
    assertThat(children()).isZero();
  }

  @Test
  void changesToLoadedObjectsAreFlushedAtCommit() {
    int id = shop.add("before").id;
    shop.rename(id, "after");
    assertThat(names()).containsExactly("after");
  }

  @Test
  void jdbcTemplateAndTetherShareOneTransactionThatCommits() {
    Parent p = shop.withJdbc("tether", false);

    assertThat(shop.seenBeforeFlush()).isEqualTo(1); // JdbcTemplate's own insert
    assertThat(shop.seenAfterFlush()).isEqualTo(2); // Tether's flush, on the same connection
    assertThat(names()).containsExactly("tether", "tether by jdbc");
    assertThat(p.id).isNotNull();
  }

  @Test
  void jdbcTemplateAndTetherShareOneTransactionThatRollsBack() {
    assertThatThrownBy(() -> shop.withJdbc("tether", true))
        .isInstanceOf(IllegalStateException.class);

    assertThat(shop.seenAfterFlush()).isEqualTo(2);
    assertThat(names()).isEmpty(); // both inserts undone
  }

  @Test
  void aReadOnlyTransactionReadsAndRefusesToWrite() {
    int id = shop.add("p").id;
    assertThat(shop.read(id)).isEqualTo("p");

    assertThatThrownBy(() -> shop.renameInReadOnly(id, "changed"))
        .isInstanceOf(SessionStateException.class)
        .extracting(SpringTransactionsContract::code)
        .isEqualTo("read-only-session");
    assertThat(names()).containsExactly("p");
  }

  @Test
  void requiresNewCommitsTheInnerTransactionWhileTheOuterRollsBack() {
    assertThatThrownBy(() -> shop.requiresNewThenFail("outer", "inner"))
        .isInstanceOf(IllegalStateException.class);

    assertThat(names()).containsExactly("inner");
    assertThat(shop.sameSessionAfterInner()).isTrue(); // the outer session was resumed
  }

  @Test
  void nestedRollsBackToItsSavepointAndTheOuterTransactionCommits() {
    Parent dropped = new Parent("dropped");
    Parent kept = shop.nested("kept", dropped);

    assertThat(names()).containsExactly("kept");
    assertThat(kept.id).isNotNull();
    assertThat(dropped.id).isNull(); // transient again, as after a Tether savepoint rollback
  }

  @Test
  void aFailedFlushTheApplicationSwallowedCannotCommitHalfOfIt() {
    int taken = shop.add("taken").id;

    assertThatThrownBy(() -> shop.swallowAFailedFlush(taken))
        .isInstanceOf(SessionStateException.class)
        .extracting(SpringTransactionsContract::code)
        .isEqualTo("external-transaction-rollback-only");
    assertThat(names()).containsExactly("taken"); // neither the JDBC row nor "fine"
  }

  @Test
  void aFailedFlushInsideNestedRollsBackOnlyTheNested() {
    int taken = shop.add("taken").id;

    Parent kept = shop.nestedFlushFails("kept", taken);

    assertThat(names()).containsExactly("kept", "taken");
    assertThat(kept.id).isNotNull();
  }

  @Test
  void committingTheTransactionsSessionByHandIsRefused() {
    assertThatThrownBy(shop::commitItself)
        .isInstanceOf(SessionStateException.class)
        .extracting(SpringTransactionsContract::code)
        .isEqualTo("external-transaction");
    assertThat(names()).isEmpty();
  }

  @Test
  void theInjectedSessionFailsClearlyOutsideATransaction() {
    assertThatThrownBy(() -> session.get(Parent.class, 1))
        .isInstanceOf(SessionStateException.class)
        .hasMessageContaining("@Transactional")
        .extracting(SpringTransactionsContract::code)
        .isEqualTo("no-transaction");
    session.close(); // the proxy's close does nothing
    try (Session own = db.session(TransactionOptions.defaults().readOnly())) {
      assertThat(own.select(Parent.class).count()).isZero(); // Tether's own sessions still work
    }
  }
}
