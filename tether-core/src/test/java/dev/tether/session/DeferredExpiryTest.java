package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.Session;
import dev.tether.fixtures.BackPopulates;
import dev.tether.fixtures.BackPopulates.Child;
import dev.tether.fixtures.BackPopulates.Parent;
import dev.tether.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loading, committing or rolling back objects whose relationships were never used binds none of
 * their containers: the expiry waits for the first use. What the user sees must not change: a
 * relationship used after the commit or rollback reads what the database holds then.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class DeferredExpiryTest {
  @Parameter TestDatabase target;
  Database db;
  Integer p1;
  Integer p2;

  @BeforeEach
  void open() {
    db = target.open(BackPopulates.registry());
    try (Session s = db.session()) {
      Parent a = new Parent("a");
      a.children.add(new Child("a1"));
      Parent b = new Parent("b");
      s.add(a);
      s.add(b);
      s.commit();
      p1 = a.id;
      p2 = b.id;
    }
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Another session's committed change, made while {@code s}'s objects stay in memory. */
  private void elsewhere(java.util.function.Consumer<Session> change) {
    try (Session other = db.session()) {
      change.accept(other);
      other.commit();
    }
  }

  @Test
  void loadedObjectsBindNothingAndTheirRelationshipsStillReadTheDatabase() {
    try (Session s = db.session()) {
      List<Parent> parents = s.select(Parent.class).list();
      List<Child> children = s.select(Child.class).list();
      s.commit();
      // X1
      // X2

      elsewhere(
          o -> {
            o.get(Parent.class, p1).children.add(new Child("a2"));
            o.get(Parent.class, p2).children.add(new Child("b1"));
          });

      Parent a = s.get(Parent.class, p1);
      assertThat(a.children.isLoaded()).isFalse();
      assertThat(a.children).extracting(c -> c.name).containsExactly("a1", "a2");
      assertThat(children.get(0).parent.get()).isSameAs(a);
      assertThat(s.get(Parent.class, p2).children).extracting(c -> c.name).containsExactly("b1");
    }
  }

  @Test
  void anObjectSavedWithoutTouchingItsRelationshipsLoadsThemAfterCommit() {
    try (Session s = db.session()) {
      Parent fresh = new Parent("fresh");
      s.add(fresh);
      s.commit();
      // X3
      elsewhere(
          o -> {
            Child c = new Child("f1");
            c.parentId = fresh.id;
            o.add(c);
          });
      assertThat(fresh.children).extracting(c -> c.name).containsExactly("f1");
      assertThat(fresh.children.get(0).parent.get()).isSameAs(fresh);
    }
  }

  @Test
  void aRollbackAlsoDefersTheExpiry() {
    try (Session s = db.session()) {
      Parent b = s.get(Parent.class, p2);
      s.rollback();
      elsewhere(
          o -> {
            Child c = new Child("b1");
            c.parentId = p2;
            o.add(c);
          });
      assertThat(b.children.isLoaded()).isFalse();
      assertThat(b.children).extracting(c -> c.name).containsExactly("b1");
    }
  }

  @Test
  void aLoadedCollectionIsExpiredAtCommitAsBefore() {
    try (Session s = db.session()) {
      Parent a = s.get(Parent.class, p1);
      assertThat(a.children).hasSize(1);
      s.commit();
      // X4
      assertThat(a.children.isLoaded()).isFalse();
      elsewhere(o -> o.get(Parent.class, p1).children.add(new Child("a2")));
      assertThat(a.children).extracting(c -> c.name).containsExactlyInAnyOrder("a1", "a2");
    }
  }
}
