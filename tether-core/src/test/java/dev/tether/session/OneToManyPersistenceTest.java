package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.DetachedInstanceException;
import dev.tether.Session;
import dev.tether.SessionStateException;
import dev.tether.fixtures.BackPopulates;
import dev.tether.fixtures.BackPopulates.Child;
import dev.tether.fixtures.BackPopulates.Parent;
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
 * One-to-many / many-to-one with {@code backPopulates}, persisted: the seed scenarios and the
 * session scenarios of sqlalchemy-semantics.md (S05, S39, S41–S45, S47–S51, S56, S60), on every
 * database. Where Tether deliberately differs from SQLAlchemy the test says which improvement.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class OneToManyPersistenceTest {
  @Parameter TestDatabase target;
  Database db;
  final StatementRecorder sql = new StatementRecorder();

  @BeforeEach
  void open() {
    db = target.open(BackPopulates.registry());
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Integer saved(Parent p) {
    try (Session s = db.session()) {
      s.add(p);
      s.commit();
    }
    return p.id;
  }

  private Parent parentWith(String name, String... children) {
    Parent p = new Parent(name);
    for (String c : children) {
      p.children.add(new Child(c));
    }
    return p;
  }

  @Test
  void seedGraphInsertsParentFirstInTwoStatementsAndCopiesKeys() {
    Parent p = new Parent("p");
    Child c1 = new Child("c1");
    Child c2 = new Child("c2");
    c1.parent.set(p);
    p.children.add(c2);
    sql.clear();
    try (Session s = db.session()) {
      s.add(p);
      assertThat(s.contains(c1)).isTrue();
      assertThat(s.contains(c2)).isTrue();
      s.commit();
    }
    assertThat(sql.statements()).hasSize(2);
    assertThat(sql.statements().get(0)).startsWith("INSERT INTO").contains("bp_parent");
    assertThat(sql.statements().get(1)).startsWith("INSERT INTO").contains("bp_child");
    assertThat(p.id).isNotNull();
    assertThat(c1.parentId).isEqualTo(p.id);
    assertThat(c2.parentId).isEqualTo(p.id);
    assertThat(c1.id).isLessThan(c2.id);

    try (Session s = db.session()) {
      Parent loaded = s.get(Parent.class, p.id);
      assertThat(loaded).isNotSameAs(p);
      assertThat(loaded.children).extracting(c -> c.name).containsExactly("c1", "c2");
      assertThat(loaded.children.get(0).parent.get()).isSameAs(loaded);
    }
  }

  @Test
  void lazyLoadsOnFirstUseAndResolvesManyToOneFromTheIdentityMap() {
    Integer id = saved(parentWith("p", "a", "b"));
    try (Session s = db.session()) {
      sql.clear();
      Parent p = s.get(Parent.class, id);
      assertThat(sql.count()).isEqualTo(1);
      assertThat(p.children.isLoaded()).isFalse();
      assertThat(p.children).hasSize(2);
      assertThat(sql.count()).isEqualTo(2);
      sql.clear();
      assertThat(p.children.get(1).parent.get()).isSameAs(p);
      assertThat(s.get(Parent.class, id)).isSameAs(p);
      assertThat(s.get(Parent.class, Long.valueOf(id))).isSameAs(p);
      assertThat(sql.count()).isZero();
      assertThat(s.get(Parent.class, id + 1000)).isNull();
    }
  }

  /** Tether improvement 5; SQLAlchemy 2.0 skips c with a warning (S39). */
  @Test
  void childLinkedFromTheManyToOneSideIsSavedWithItsParent() {
    try (Session s = db.session()) {
      Parent p = new Parent("p");
      s.add(p);
      Child c = new Child("c");
      c.parent.set(p);
      assertThat(s.contains(c)).isTrue();
      s.commit();
      assertThat(c.id).isNotNull();
      assertThat(c.parentId).isEqualTo(p.id);
      assertThat(p.children).containsExactly(c);
    }
  }

  /** S41: setting c.parent on a session object brings the parent in. */
  @Test
  void parentAssignedToASessionChildIsSaved() {
    try (Session s = db.session()) {
      Child c = new Child("c");
      s.add(c);
      Parent p = new Parent("p");
      c.parent.set(p);
      assertThat(s.contains(p)).isTrue();
      s.commit();
      assertThat(c.parentId).isEqualTo(p.id).isNotNull();
    }
  }

  /** S42: no SQL to sync into an unloaded collection; the change is merged when it loads. */
  @Test
  void settingTheScalarSideQueuesIntoAnUnloadedCollectionWithoutSql() {
    Integer id = saved(parentWith("p", "old"));
    try (Session s = db.session()) {
      Parent p = s.get(Parent.class, id);
      Child c = new Child("c");
      s.add(c);
      sql.clear();
      c.parent.set(p);
      assertThat(sql.count()).isZero();
      assertThat(p.children.isLoaded()).isFalse();
      assertThat(p.children).extracting(x -> x.name).containsExactly("old", "c");
      assertThat(sql.statements().get(0)).startsWith("INSERT"); // autoflush before the lazy load
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.get(Parent.class, id).children)
          .extracting(x -> x.name)
          .containsExactly("old", "c");
    }
  }

  /** S44: moving a persistent child between unloaded parents issues no SQL until flush. */
  @Test
  void movingAChildBetweenUnloadedParentsIsCorrectOnLoad() {
    Integer id1 = saved(parentWith("p1", "c"));
    Integer id2 = saved(parentWith("p2"));
    try (Session s = db.session()) {
      Parent p1 = s.get(Parent.class, id1);
      Parent p2 = s.get(Parent.class, id2);
      p1.children.size();
      Child c = p1.children.get(0);
      sql.clear();
      c.parent.set(p2);
      assertThat(sql.count()).isZero();
      assertThat(p1.children).isEmpty();
      assertThat(p2.children.isLoaded()).isFalse();
      assertThat(p2.children).containsExactly(c);
      s.commit();
      assertThat(c.parentId).isEqualTo(id2);
    }
  }

  /**
   * S45: SQLAlchemy appends a duplicate when the old value is unknown; Tether cannot (improvement
   * 1).
   */
  @Test
  void reassigningTheSameParentNeverDuplicates() {
    Integer id = saved(parentWith("p", "c"));
    try (Session s = db.session()) {
      Parent p = s.get(Parent.class, id);
      Child c = p.children.get(0);
      c.parent.set(p);
      c.parent.set(null);
      c.parent.set(p);
      assertThat(p.children).containsExactly(c);
      s.commit();
      assertThat(p.children).containsExactly(c);
    }
  }

  @Test
  void commitExpiresRelationshipsSoTheyReload() {
    try (Session s = db.session()) {
      Parent p = parentWith("p", "a");
      s.add(p);
      s.commit();
      assertThat(p.children.isLoaded()).isFalse();
      sql.clear();
      assertThat(p.children).hasSize(1);
      assertThat(sql.count()).isEqualTo(1);
      assertThat(p.id).isNotNull(); // column fields keep their flushed values
    }
  }

  @Test
  void lazyLoadOnADetachedObjectNamesTheAttribute() {
    Integer id = saved(parentWith("p", "a"));
    Parent p;
    try (Session s = db.session()) {
      p = s.get(Parent.class, id);
    }
    assertThatThrownBy(() -> p.children.size())
        .isInstanceOf(DetachedInstanceException.class)
        .hasMessageContaining("Parent.children")
        .hasMessageContaining("detached")
        .hasMessageContaining("session");
    assertThat(p.children.isLoaded()).isFalse();
    assertThat(p.children.toString()).contains("not loaded");
  }

  @Test
  void detachedObjectCanBeAttachedToANewSession() {
    Integer id = saved(parentWith("p", "a"));
    Parent p;
    try (Session s = db.session()) {
      p = s.get(Parent.class, id);
    }
    try (Session s = db.session()) {
      s.add(p);
      assertThat(p.children).hasSize(1);
      p.name = "renamed";
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.get(Parent.class, id).name).isEqualTo("renamed");
    }
  }

  /** S47: foreign keys are copied at flush, not before. */
  @Test
  void foreignKeyIsCopiedAtFlush() {
    try (Session s = db.session()) {
      Parent p = new Parent("p");
      Child c = new Child("c");
      c.parent.set(p);
      s.add(p);
      assertThat(c.parentId).isNull();
      s.flush();
      assertThat(c.parentId).isEqualTo(p.id).isNotNull();
      c.parent.set(null);
      assertThat(c.parentId).isEqualTo(p.id);
      s.flush();
      assertThat(c.parentId).isNull();
      s.commit();
    }
  }

  /** S48, Tether improvement 6: a key written directly re-points the relationship at flush. */
  @Test
  void foreignKeyWrittenDirectlyRepointsTheRelationshipAtFlush() {
    Integer id1 = saved(parentWith("p1", "c"));
    Integer id2 = saved(parentWith("p2"));
    try (Session s = db.session()) {
      Parent p1 = s.get(Parent.class, id1);
      Parent p2 = s.get(Parent.class, id2);
      Child c = p1.children.get(0);
      p2.children.size();
      c.parentId = id2;
      assertThat(c.parent.get()).isSameAs(p1); // not before the flush
      s.flush();
      assertThat(c.parent.get()).isSameAs(p2);
      assertThat(p1.children).isEmpty();
      assertThat(p2.children).containsExactly(c);
      s.commit();
    }
  }

  /** S49: the relationship wins over a key written directly. */
  @Test
  void relationshipWinsOverADirectlyWrittenKey() {
    Integer id1 = saved(parentWith("p1"));
    Integer id2 = saved(parentWith("p2"));
    try (Session s = db.session()) {
      Parent p1 = s.get(Parent.class, id1);
      Child c = new Child("c");
      s.add(c);
      s.flush();
      c.parent.set(p1);
      c.parentId = id2;
      s.flush();
      assertThat(c.parentId).isEqualTo(id1);
      s.commit();
    }
  }

  /**
   * S50: a pending object does not load its many-to-one from the key; after the flush Tether shows
   * it, and the parent's already-loaded collection gains it (improvement 6; SQLAlchemy's stays
   * stale).
   */
  @Test
  void pendingChildWithAKeyJoinsTheLoadedCollectionAtFlush() {
    Integer id = saved(parentWith("p"));
    try (Session s = db.session()) {
      Parent p = s.get(Parent.class, id);
      assertThat(p.children).isEmpty();
      Child c = new Child("c");
      c.parentId = id;
      s.add(c);
      sql.clear();
      assertThat(c.parent.get()).isNull();
      assertThat(sql.count()).isZero();
      s.flush();
      assertThat(c.parent.get()).isSameAs(p);
      assertThat(p.children).containsExactly(c);
      s.commit();
    }
  }

  /** S51: default cascade nulls the children's keys; Tether also clears their loaded reference. */
  @Test
  void deletingAParentNullsItsChildrenAndTheyForgetIt() {
    Integer id = saved(parentWith("p", "c1", "c2"));
    try (Session s = db.session()) {
      Parent p = s.get(Parent.class, id);
      Child c1 = p.children.get(0);
      Child c2 = p.children.get(1);
      assertThat(c1.parent.get()).isSameAs(p);
      sql.clear();
      s.delete(p);
      s.flush();
      assertThat(sql.statements()).anyMatch(x -> x.startsWith("UPDATE"));
      assertThat(sql.statements().get(sql.count() - 1)).startsWith("DELETE");
      assertThat(c1.parentId).isNull();
      assertThat(c1.parent.get()).isNull(); // SQLAlchemy: still p until expired
      assertThat(c2.parent.get()).isNull();
      assertThat(s.get(Parent.class, id)).isNull();
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.get(Parent.class, id)).isNull();
    }
  }

  /** A child moved to a parent that is then deleted in the same flush is left without a parent. */
  @Test
  void childMovedToAParentDeletedInTheSameFlushHasNoParent() {
    Integer q = saved(parentWith("q", "c"));
    Integer p = saved(parentWith("p"));
    try (Session s = db.session()) {
      Parent from = s.get(Parent.class, q);
      Parent to = s.get(Parent.class, p);
      Child c = from.children.get(0);
      to.children.add(c);
      s.delete(to);
      s.flush();
      assertThat(c.parentId).isNull();
      assertThat(c.parent.get()).isNull();
      assertThat(from.children).isEmpty();
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.get(Parent.class, q).children).isEmpty();
      assertThat(s.get(Parent.class, p)).isNull();
    }
  }

  /** S56, Tether improvement 6: a deleted child leaves the loaded collection at flush. */
  @Test
  void deletedChildLeavesTheLoadedCollection() {
    Integer id = saved(parentWith("p", "c1", "c2"));
    try (Session s = db.session()) {
      Parent p = s.get(Parent.class, id);
      Child c1 = p.children.get(0);
      s.delete(c1);
      s.flush();
      assertThat(p.children).extracting(c -> c.name).containsExactly("c2");
      s.commit();
    }
  }

  /** S60: an object of another session is refused before anything changes. */
  @Test
  void objectOfAnotherSessionIsRefusedBeforeAnyChange() {
    try (Session s1 = db.session();
        Session s2 = db.session()) {
      Parent p = new Parent("p");
      s1.add(p);
      Child c = new Child("c");
      s2.add(c);
      assertThatThrownBy(() -> p.children.add(c))
          .isInstanceOf(SessionStateException.class)
          .hasMessageContaining("session");
      assertThat(p.children).isEmpty();
      assertThat(c.parent.get()).isNull();
    }
  }

  @Test
  void rollbackMakesNewObjectsTransientAndRestoresColumns() {
    Integer id = saved(parentWith("p", "a"));
    try (Session s = db.session()) {
      Parent p = s.get(Parent.class, id);
      p.name = "changed";
      Parent q = parentWith("q", "b");
      s.add(q);
      s.flush();
      assertThat(q.id).isNotNull();
      s.rollback();
      assertThat(q.id).isNull();
      assertThat(s.contains(q)).isFalse();
      assertThat(p.name).isEqualTo("p");
      assertThat(p.children).hasSize(1);
      p.name = "again";
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.get(Parent.class, id).name).isEqualTo("again");
      assertThat(s.get(Parent.class, id).children).hasSize(1);
    }
  }

  @Test
  void nothingChangedMeansNoStatements() {
    Integer id = saved(parentWith("p", "a"));
    try (Session s = db.session()) {
      Parent p = s.get(Parent.class, id);
      p.children.size();
      sql.clear();
      s.flush();
      assertThat(sql.count()).isZero();
      p.name = "new";
      s.flush();
      assertThat(sql.statements()).hasSize(1);
      assertThat(sql.statements().get(0)).startsWith("UPDATE").doesNotContain("parent_id");
      s.commit();
    }
  }

  @Test
  void manyChildrenInsertInFewStatements() {
    Parent p = new Parent("p");
    for (int i = 0; i < 250; i++) {
      p.children.add(new Child("c" + i));
    }
    sql.clear();
    Integer id = saved(p);
    assertThat(sql.count()).isLessThanOrEqualTo(4);
    try (Session s = db.session()) {
      List<Child> kids = s.get(Parent.class, id).children;
      assertThat(kids).hasSize(250);
      assertThat(kids.get(249).name).isEqualTo("c249");
    }
  }

  /** Issue 4, item 7: 1,000 children cost a handful of statements per kind of write, not 1,000. */
  @Test
  void thousandChildrenAreWrittenInBatches() {
    Parent p = new Parent("p");
    for (int i = 0; i < 1000; i++) {
      p.children.add(new Child("c" + i));
    }
    sql.clear();
    Integer id = saved(p);
    assertThat(sql.statements()).allMatch(x -> x.startsWith("INSERT"));
    assertThat(sql.count()).isBetween(2, 11); // 1,000 rows per INSERT; 100 on SQLite (fastest)
    try (Session s = db.session()) {
      Parent loaded = s.get(Parent.class, id);
      for (Child c : loaded.children) {
        c.name = c.name + "!";
      }
      sql.clear();
      s.flush();
      assertThat(sql.statements()).hasSize(1).allMatch(x -> x.startsWith("UPDATE"));
      assertThat(sql.batchRows()).containsExactly(1000);
      for (Child c : List.copyOf(loaded.children)) {
        s.delete(c);
      }
      sql.clear();
      s.commit();
      assertThat(sql.statements()).hasSize(1).allMatch(x -> x.startsWith("DELETE"));
    }
  }
}
