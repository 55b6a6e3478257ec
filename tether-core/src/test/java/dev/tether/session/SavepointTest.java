package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.IntegrityException;
import dev.tether.NestedTransaction;
import dev.tether.ObjectState;
import dev.tether.Session;
import dev.tether.SessionStateException;
import dev.tether.fixtures.BackPopulates;
import dev.tether.fixtures.BackPopulates.Child;
import dev.tether.fixtures.BackPopulates.Parent;
import dev.tether.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Savepoints (issue 4, item 5): undo part of a transaction, in the database and in memory. */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class SavepointTest {
  @Parameter TestDatabase target;
  Database db;

  @BeforeEach
  void open() {
    db = target.open(BackPopulates.registry());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void rollbackToASavepointUndoesOnlyWhatCameAfterIt() {
    Parent kept = new Parent("kept");
    Parent existing = new Parent("existing");
    existing.children.add(new Child("c"));
    try (Session s = db.session()) {
      s.add(existing);
      s.commit();
      s.add(kept);
      existing.name = "renamed before";
      Parent dropped;
      Child child;
      try (NestedTransaction nested = s.beginNested()) {
        assertThat(kept.id).isNotNull(); // beginNested flushes
        dropped = new Parent("dropped");
        s.add(dropped);
        existing.name = "renamed inside";
        child = existing.children.get(0);
        s.delete(child);
        s.flush();
        nested.rollback();
      }
      assertThat(s.stateOf(dropped)).isEqualTo(ObjectState.TRANSIENT);
      assertThat(dropped.id).isNull();
      assertThat(existing.name).isEqualTo("renamed before");
      assertThat(s.stateOf(child)).isEqualTo(ObjectState.PERSISTENT);
      assertThat(existing.children).containsExactly(child);
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.get(Parent.class, kept.id)).isNotNull();
      Parent e = s.get(Parent.class, existing.id);
      assertThat(e.name).isEqualTo("renamed before");
      assertThat(e.children).hasSize(1);
    }
  }

  @Test
  void committedSavepointsStayAndAFailureInsideRollsBackOnlyThePart() {
    try (Session s = db.session()) {
      Parent a = new Parent("a");
      s.add(a);
      try (NestedTransaction nested = s.beginNested()) {
        s.add(new Parent("b"));
        nested.commit();
      }
      Parent b = s.get(Parent.class, a.id + 1);
      Child orphan = new Child("orphan");
      try (NestedTransaction nested = s.beginNested()) {
        orphan.parentId = -1; // no such parent: the flush fails on the foreign key
        s.add(orphan);
        assertThatThrownBy(s::flush).isInstanceOf(IntegrityException.class);
        assertThatThrownBy(nested::commit)
            .isInstanceOf(SessionStateException.class)
            .hasMessageContaining("rolled back to its savepoint");
        nested.rollback(); // already rolled back: nothing more happens
      }
      assertThat(s.stateOf(orphan)).isEqualTo(ObjectState.TRANSIENT);
      org.assertj.core.api.Assertions.assertThatCode(() -> s.beginNested().commit())
          .doesNotThrowAnyException();
      s.commit();
      assertThat(a.id).isNotNull();
      assertThat(b).isNotNull();
    }
    try (Session s = db.session()) {
      assertThat(s.get(Parent.class, 1)).isNotNull();
    }
  }

  @Test
  void aClosedNestedTransactionCannotBeUsedAgain() {
    try (Session s = db.session()) {
      NestedTransaction nested = s.beginNested();
      nested.commit();
      assertThatThrownBy(nested::rollback)
          .isInstanceOf(SessionStateException.class)
          .hasMessageContaining("already");
    }
  }
}
