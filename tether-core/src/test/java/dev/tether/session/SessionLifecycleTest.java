package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.DatabaseException;
import dev.tether.ObjectState;
import dev.tether.Session;
import dev.tether.SessionStateException;
import dev.tether.fixtures.BackPopulates;
import dev.tether.fixtures.BackPopulates.Child;
import dev.tether.fixtures.BackPopulates.Parent;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The session lifecycle of issue 4: object states, expunge, refresh, expire, the autoflush and
 * expire-on-commit switches, and transactions with retry — on every database.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class SessionLifecycleTest {
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

  private static Parent parentWith(String name, String... children) {
    Parent p = new Parent(name);
    for (String c : children) {
      p.children.add(new Child(c));
    }
    return p;
  }

  @Test
  void statesFollowTheLifecycle() {
    Parent p = new Parent("p");
    try (Session s = db.session()) {
      assertThat(s.stateOf(p)).isEqualTo(ObjectState.TRANSIENT);
      s.add(p);
      assertThat(s.stateOf(p)).isEqualTo(ObjectState.PENDING);
      s.flush();
      assertThat(s.stateOf(p)).isEqualTo(ObjectState.PERSISTENT);
      s.commit();
      assertThat(s.stateOf(p)).isEqualTo(ObjectState.PERSISTENT);
      s.delete(p);
      s.flush();
      assertThat(s.stateOf(p)).isEqualTo(ObjectState.DELETED);
      s.commit();
      assertThat(s.stateOf(p)).isEqualTo(ObjectState.DETACHED);
    }
    Parent q = new Parent("q");
    try (Session s = db.session()) {
      s.add(q);
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.stateOf(q)).isEqualTo(ObjectState.DETACHED);
      s.add(q);
      assertThat(s.stateOf(q)).isEqualTo(ObjectState.PERSISTENT);
    }
  }

  @Test
  void expungeForgetsPendingAndPersistentObjects() {
    Integer id = saved(parentWith("p", "c"));
    try (Session s = db.session()) {
      Parent p = s.get(Parent.class, id);
      p.name = "unflushed";
      Parent fresh = new Parent("fresh");
      s.add(fresh);
      s.expunge(fresh);
      assertThat(s.stateOf(fresh)).isEqualTo(ObjectState.TRANSIENT);
      s.expunge(p);
      assertThat(s.stateOf(p)).isEqualTo(ObjectState.DETACHED);
      sql.clear();
      s.flush();
      assertThat(sql.count()).isZero();
      assertThat(s.get(Parent.class, id)).isNotSameAs(p);
      assertThatThrownBy(() -> s.expunge(fresh))
          .isInstanceOf(SessionStateException.class)
          .hasMessageContaining("transient")
          .hasMessageContaining("expunge");
    }
    try (Session s = db.session()) {
      assertThat(s.get(Parent.class, id).name).isEqualTo("p");
    }
  }

  @Test
  void refreshReadsTheRowAgainAndDiscardsUnflushedChanges() {
    Integer id = saved(parentWith("p", "c"));
    try (Session s = db.session()) {
      Parent p = s.get(Parent.class, id);
      assertThat(p.children).hasSize(1);
      s.commit();
      db.inTransaction(other -> other.get(Parent.class, id).name = "changed elsewhere");
      p.name = "mine, unflushed";
      s.refresh(p);
      assertThat(p.name).isEqualTo("changed elsewhere");
      assertThat(p.children.isLoaded()).isFalse();
      sql.clear();
      s.flush();
      assertThat(sql.count()).isZero();
      assertThatThrownBy(() -> s.refresh(new Parent("x")))
          .isInstanceOf(SessionStateException.class)
          .hasMessageContaining("transient");
    }
  }

  @Test
  void expireDiscardsUnflushedChangesAndTheNextLoadOverwrites() {
    Integer id = saved(parentWith("p"));
    try (Session s = db.session()) {
      Parent p = s.get(Parent.class, id);
      s.commit();
      p.name = "unflushed";
      s.expire(p);
      assertThat(p.name).isEqualTo("p");
      db.inTransaction(other -> other.get(Parent.class, id).name = "changed elsewhere");
      assertThat(p.name).isEqualTo("p"); // plain fields: not reloaded on read
      assertThat(s.get(Parent.class, id)).isSameAs(p);
      assertThat(p.name).isEqualTo("changed elsewhere");
      sql.clear();
      s.flush();
      assertThat(sql.count()).isZero();
    }
  }

  @Test
  void autoflushCanBeSwitchedOff() {
    Integer id = saved(parentWith("p", "old"));
    try (Session s = db.session()) {
      Parent p = s.get(Parent.class, id);
      s.setAutoflush(false);
      Child c = new Child("c");
      s.add(c);
      c.parent.set(p);
      sql.clear();
      assertThat(p.children).extracting(x -> x.name).containsExactly("old", "c");
      assertThat(sql.statements()).noneMatch(x -> x.startsWith("INSERT"));
      s.setAutoflush(true);
      s.commit();
      assertThat(c.id).isNotNull();
    }
  }

  @Test
  void expireOnCommitCanBeSwitchedOffSoObjectsAreUsableAfterClose() {
    Parent p = parentWith("p", "c");
    try (Session s = db.session()) {
      s.setExpireOnCommit(false);
      s.add(p);
      s.commit();
      sql.clear();
      assertThat(p.children).hasSize(1);
      assertThat(sql.count()).isZero();
    }
    assertThat(p.children.get(0).parent.get()).isSameAs(p); // detached, still loaded
  }

  @Test
  void inTransactionCommitsOrRollsBack() {
    Integer id =
        db.callInTransaction(
            s -> {
              Parent p = parentWith("p", "c");
              s.add(p);
              s.flush();
              return p.id;
            });
    db.inTransaction(s -> assertThat(s.get(Parent.class, id).children).hasSize(1));
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    s -> {
                      s.get(Parent.class, id).name = "never";
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(IllegalStateException.class);
    String name = db.callInTransaction(s -> s.get(Parent.class, id).name);
    assertThat(name).isEqualTo("p");
  }

  @Test
  void inTransactionRetriesSerializationFailuresOnly() {
    AtomicInteger attempts = new AtomicInteger();
    Integer id =
        db.callInTransaction(
            s -> {
              Parent p = new Parent("retried");
              s.add(p);
              s.flush();
              if (attempts.incrementAndGet() == 1) {
                throw new DatabaseException(
                    "serialization", "could not serialize access", "40001", null);
              }
              return p.id;
            });
    assertThat(attempts).hasValue(2);
    String name = db.callInTransaction(s -> s.get(Parent.class, id).name);
    assertThat(name).isEqualTo("retried");

    AtomicInteger failing = new AtomicInteger();
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    s -> {
                      failing.incrementAndGet();
                      throw new DatabaseException("serialization", "conflict", "40001", null);
                    }))
        .isInstanceOf(DatabaseException.class);
    assertThat(failing).hasValue(dev.tether.RetryPolicy.defaults().attempts());

    AtomicInteger other = new AtomicInteger();
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    s -> {
                      other.incrementAndGet();
                      throw new DatabaseException("database", "syntax", "42601", null);
                    }))
        .isInstanceOf(DatabaseException.class);
    assertThat(other).hasValue(1);
  }
}
