package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.Session;
import dev.tether.fixtures.BackPopulates;
import dev.tether.fixtures.BackPopulates.Child;
import dev.tether.fixtures.BackPopulates.Parent;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 4 item 2: dirty checking. Column fields are plain fields, so a flush compares each
 * persistent object with its snapshot once (allocation-free, no statement for a clean object), and
 * the autoflush before lazy loads and {@code get} compares nothing at all unless something
 * structural is pending: a run of lazy loads no longer rescans the whole session each time.
 * Comparisons are counted by {@link SessionImpl#dirtyChecks()}.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class DirtyCheckingTest {
  private static final int PARENTS = 200;
  private static final int CHILDREN_EACH = 10;

  @Parameter TestDatabase target;
  Database db;
  final StatementRecorder sql = new StatementRecorder();

  @BeforeEach
  void open() {
    db = target.open(BackPopulates.registry());
    try (Session s = db.session()) {
      for (int i = 0; i < PARENTS; i++) {
        Parent p = new Parent("p" + i);
        for (int j = 0; j < CHILDREN_EACH; j++) {
          p.children.add(new Child("c" + j));
        }
        s.add(p);
      }
      s.commit();
    }
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static List<Parent> every(Session s) {
    List<Parent> out = new ArrayList<>();
    for (int id = 1; id <= PARENTS; id++) {
      out.add(s.get(Parent.class, id));
    }
    return out;
  }

  @Test
  void lazyLoadsOfACleanSessionCompareNoObject() {
    try (Session s = db.session()) {
      SessionImpl impl = (SessionImpl) s;
      List<Parent> parents = every(s);
      sql.clear();
      for (Parent p : parents) {
        assertThat(p.children).hasSize(CHILDREN_EACH);
      }
      assertThat(sql.count()).isEqualTo(PARENTS); // one SELECT per lazy load, no flush SQL
      assertThat(impl.dirtyChecks()).isZero(); // 2,200 objects in the session, none compared
    }
  }

  @Test
  void aFlushComparesEachPersistentObjectOnceAndWritesOnlyTheChangedColumn() {
    try (Session s = db.session()) {
      SessionImpl impl = (SessionImpl) s;
      List<Parent> parents = every(s);
      for (Parent p : parents) {
        p.children.size();
      }
      int objects = PARENTS * (1 + CHILDREN_EACH);
      long before = impl.dirtyChecks();
      sql.assertNoStatements(s::flush);
      assertThat(impl.dirtyChecks() - before).isEqualTo(objects);

      parents.get(7).children.get(3).name = "renamed";
      List<String> sent = sql.assertStatements(1, s::flush);
      assertThat(sent.get(0)).startsWith("UPDATE").contains("name").doesNotContain("parent_id");
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.get(Parent.class, 8).children.get(3).name).isEqualTo("renamed");
    }
  }

  @Test
  void aColumnChangeWaitsForTheFlushWhileARelationshipChangeIsFlushedBeforeTheLoad() {
    try (Session s = db.session()) {
      SessionImpl impl = (SessionImpl) s;
      Parent first = s.get(Parent.class, 1);
      Parent second = s.get(Parent.class, 2);
      first.name = "changed";
      sql.clear();
      second.children.size(); // column change only: no flush, no comparison
      assertThat(sql.statements()).singleElement().asString().startsWith("SELECT");
      assertThat(impl.dirtyChecks()).isZero();

      Child moved = first.children.get(0); // loads first.children (still no flush)
      second.children.add(moved); // structural: the next load flushes first
      sql.clear();
      Parent third = s.get(Parent.class, 3);
      third.children.size();
      assertThat(sql.statements().get(0)).startsWith("UPDATE");
      assertThat(String.join("\n", sql.statements())).contains("name");
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.get(Parent.class, 1).name).isEqualTo("changed");
      assertThat(s.get(Parent.class, 2).children).hasSize(CHILDREN_EACH + 1);
    }
  }

  @Test
  void aForeignKeyWrittenOnTheFieldIsSeenAfterTheFlushWhichRepointsLoadedCollections() {
    try (Session s = db.session()) {
      Parent first = s.get(Parent.class, 1);
      Parent second = s.get(Parent.class, 2);
      Child c = first.children.get(0);
      c.parentId = second.id;
      assertThat(second.children).doesNotContain(c); // not flushed by the lazy load
      s.flush();
      assertThat(second.children).contains(c);
      assertThat(first.children).doesNotContain(c);
      assertThat(c.parent.get()).isSameAs(second);
    }
  }
}
