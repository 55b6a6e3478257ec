package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.Session;
import dev.tether.fixtures.BackPopulates;
import dev.tether.fixtures.BackPopulates.Child;
import dev.tether.fixtures.BackPopulates.Parent;
import dev.tether.sql.Executor;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A flush that updates or deletes more rows than {@link Executor#MAX_BATCH} sends them as several
 * JDBC batches of at most that many rows (F12), and every row is still written exactly once.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class BatchSizeTest {
  static final int ROWS = 2 * Executor.MAX_BATCH + 345;

  @Parameter TestDatabase target;
  final StatementRecorder sql = new StatementRecorder();
  Database db;
  Integer parentId;

  @BeforeEach
  void open() {
    db = target.open(BackPopulates.registry());
    try (Session s = db.session()) {
      Parent p = new Parent("p");
      for (int i = 0; i < ROWS; i++) {
        p.children.add(new Child("c" + i));
      }
      s.add(p);
      s.commit();
      parentId = p.id;
    }
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void dirtyRowsAreUpdatedInBatchesOfAtMostMaxBatch() {
    try (Session s = db.session()) {
      List<Child> children = s.select(Child.class).list();
      for (Child c : children) {
        c.name = c.name + "!";
      }
      sql.clear();
      s.commit();
    }
    assertThat(sql.statements()).allMatch(q -> q.startsWith("UPDATE"));
    assertThat(sql.batchRows())
        .containsExactly(Executor.MAX_BATCH, Executor.MAX_BATCH, ROWS - 2 * Executor.MAX_BATCH);
    try (Session s = db.session()) {
      List<Child> children = s.select(Child.class).list();
      assertThat(children).hasSize(ROWS).allMatch(c -> c.name.matches("c\\d+!"));
    }
  }

  @Test
  void deletedRowsAreDeletedInBatchesOfAtMostMaxBatch() {
    try (Session s = db.session()) {
      Parent p = s.get(Parent.class, parentId);
      List<Child> children = List.copyOf(p.children);
      for (int i = 0; i < children.size(); i += 2) {
        s.delete(children.get(i));
      }
      sql.clear();
      s.commit();
    }
    int deleted = (ROWS + 1) / 2;
    assertThat(sql.statements()).allMatch(q -> q.startsWith("DELETE"));
    assertThat(sql.batchRows())
        .containsExactly(Executor.MAX_BATCH, deleted - Executor.MAX_BATCH)
        .allMatch(n -> n <= Executor.MAX_BATCH);
    try (Session s = db.session()) {
      assertThat(s.get(Parent.class, parentId).children)
          .hasSize(ROWS - deleted)
          .allMatch(c -> Integer.parseInt(c.name.substring(1)) % 2 == 1);
    }
  }
}
