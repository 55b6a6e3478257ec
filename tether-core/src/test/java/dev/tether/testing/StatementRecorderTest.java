package dev.tether.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Self-test of {@link StatementRecorder}, fed by hand (no database). */
class StatementRecorderTest {
  private final StatementRecorder sql = new StatementRecorder();

  @Test
  void recordsCountsAndClears() {
    sql.onStatement("SELECT 1", 1);
    sql.onStatement("INSERT INTO t VALUES (?)", 3);

    assertThat(sql.count()).isEqualTo(2);
    assertThat(sql.statements()).containsExactly("SELECT 1", "INSERT INTO t VALUES (?)");

    sql.clear();
    assertThat(sql.count()).isZero();
    assertThat(sql.statements()).isEmpty();
  }

  @Test
  void assertStatementsCountsOnlyWhatTheActionSent() {
    sql.onStatement("SELECT before", 1);

    List<String> sent =
        sql.assertStatements(
            2,
            () -> {
              sql.onStatement("INSERT INTO parent (id) VALUES (?)", 1);
              sql.onStatement("INSERT INTO child (id, parent_id) VALUES (?, ?)", 1);
            });

    assertThat(sent).hasSize(2).allMatch(s -> s.startsWith("INSERT"));
    assertThat(sql.count()).isEqualTo(3);
  }

  @Test
  void aWrongCountListsTheStatementsSent() {
    assertThatThrownBy(
            () ->
                sql.assertStatements(
                    1,
                    () -> {
                      sql.onStatement("SELECT * FROM parent", 1);
                      sql.onStatement("SELECT * FROM child WHERE parent_id = ?", 1);
                    }))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "Expected 1 statement but the action sent 2 statements:\n"
                + "  1. SELECT * FROM parent\n"
                + "  2. SELECT * FROM child WHERE parent_id = ?");
  }

  @Test
  void assertNoStatementsFailsOnAnyStatement() {
    sql.assertNoStatements(() -> {});
    assertThatThrownBy(() -> sql.assertNoStatements(() -> sql.onStatement("SELECT 1", 1)))
        .hasMessageContaining("Expected 0 statements")
        .hasMessageContaining("1. SELECT 1");
  }

  @Test
  void assertStatementsByTextShowsBothLists() {
    sql.assertStatements(List.of("SELECT 1"), () -> sql.onStatement("SELECT 1", 1));
    assertThatThrownBy(
            () -> sql.assertStatements(List.of("SELECT 1"), () -> sql.onStatement("SELECT 2", 1)))
        .hasMessage("Expected 1 statement:\n  1. SELECT 1\nbut got:\n  1. SELECT 2");
  }

  @Test
  void anActionThatClearsTheRecorderStillReportsWhatFollowed() {
    sql.onStatement("SELECT before", 1);
    assertThat(
            sql.record(
                () -> {
                  sql.clear();
                  sql.onStatement("SELECT after", 1);
                }))
        .containsExactly("SELECT after");
  }
}
