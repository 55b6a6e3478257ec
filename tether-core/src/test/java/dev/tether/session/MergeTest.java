package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.ObjectState;
import dev.tether.Session;
import dev.tether.fixtures.BackPopulates;
import dev.tether.fixtures.BackPopulates.Child;
import dev.tether.fixtures.BackPopulates.Parent;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** session.merge (issue 4, item 1): a detached object's state onto this session's copy. */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class MergeTest {
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

  private Parent loadedDetached(Integer id) {
    try (Session s = db.session()) {
      s.setExpireOnCommit(false);
      Parent p = s.get(Parent.class, id);
      p.children.size();
      return p;
    }
  }

  @Test
  void aDetachedObjectEditedOutsideAnySessionIsMergedIntoItsRow() {
    Parent original = new Parent("p");
    original.children.add(new Child("a"));
    try (Session s = db.session()) {
      s.add(original);
      s.commit();
    }
    Parent edited = loadedDetached(original.id);
    edited.name = "renamed";
    edited.children.get(0).name = "a!";
    edited.children.add(new Child("b"));
    try (Session s = db.session()) {
      Parent managed = s.merge(edited);
      assertThat(managed).isNotSameAs(edited);
      assertThat(s.stateOf(managed)).isEqualTo(ObjectState.PERSISTENT);
      assertThat(s.stateOf(edited)).isEqualTo(ObjectState.DETACHED);
      assertThat(managed.name).isEqualTo("renamed");
      assertThat(managed.children).extracting(c -> c.name).containsExactly("a!", "b");
      assertThat(managed.children.get(1).parent.get()).isSameAs(managed);
      s.commit();
    }
    try (Session s = db.session()) {
      Parent reloaded = s.get(Parent.class, original.id);
      assertThat(reloaded.name).isEqualTo("renamed");
      assertThat(reloaded.children).extracting(c -> c.name).containsExactly("a!", "b");
    }
  }

  @Test
  void mergingIntoTheIdentityMapReusesTheSessionsObject() {
    Parent original = new Parent("p");
    try (Session s = db.session()) {
      s.add(original);
      s.commit();
    }
    Parent edited = loadedDetached(original.id);
    edited.name = "edited";
    try (Session s = db.session()) {
      Parent here = s.get(Parent.class, original.id);
      sql.clear();
      assertThat(s.merge(edited)).isSameAs(here);
      // the row is in the identity map: no SELECT of bp_parent (its children load to be merged)
      assertThat(sql.statements())
          .noneMatch(x -> x.startsWith("SELECT") && x.contains("bp_parent"));
      assertThat(here.name).isEqualTo("edited");
      s.commit();
    }
  }

  @Test
  void anObjectWithoutAKeyOrWithoutARowBecomesANewPendingCopy() {
    Parent fresh = new Parent("fresh");
    fresh.children.add(new Child("c"));
    try (Session s = db.session()) {
      Parent copy = s.merge(fresh);
      assertThat(copy).isNotSameAs(fresh);
      assertThat(s.stateOf(copy)).isEqualTo(ObjectState.PENDING);
      assertThat(s.stateOf(fresh)).isEqualTo(ObjectState.TRANSIENT);
      s.commit();
      assertThat(copy.id).isNotNull();
      assertThat(fresh.id).isNull();
      assertThat(copy.children).extracting(c -> c.name).containsExactly("c");
    }
  }
}
