package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.Session;
import dev.tether.fixtures.Neither;
import dev.tether.fixtures.Neither.Child;
import dev.tether.fixtures.Neither.Parent;
import dev.tether.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seed scenario 1 persisted: without backPopulates or backref the two sides meet only through the
 * database. SQLAlchemy leaves a side that holds a value stale until it is expired (S02, S03);
 * Tether brings every loaded side in line at flush (improvement 6).
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class NeitherPersistenceTest {
  @Parameter TestDatabase target;
  Database db;

  @BeforeEach
  void open() {
    db = target.open(Neither.registry());
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static Parent parent(String name) {
    Parent p = new Parent();
    p.name = name;
    return p;
  }

  private static Child child(String name) {
    Child c = new Child();
    c.name = name;
    return c;
  }

  /** S02: the sides meet at flush; a side already holding something is corrected too. */
  @Test
  void sidesMeetAtFlush() {
    try (Session s = db.session()) {
      Parent p = parent("p");
      Child c = child("c");
      c.parent.set(p);
      assertThat(p.children).isEmpty();
      s.add(p);
      assertThat(s.contains(c)).isFalse(); // nothing reaches c from p
      s.add(c);
      s.flush();
      assertThat(c.parentId).isEqualTo(p.id);
      assertThat(p.children).containsExactly(c);

      Parent p2 = parent("p2");
      Child c0 = child("c0");
      p2.children.add(c0);
      s.add(p2);
      Child c5 = child("c5");
      s.add(c5);
      c5.parent.set(p2);
      s.flush();
      assertThat(p2.children).containsExactly(c0, c5); // SQLAlchemy: [c0] until refresh

      Child c2 = child("c2");
      p.children.add(c2);
      assertThat(c2.parent.get()).isNull();
      s.flush();
      assertThat(c2.parent.get()).isSameAs(p); // SQLAlchemy too, since it was never loaded
      s.commit();
    }
  }

  /** S03: contradictory sides; the collection's value is written, and memory follows it. */
  @Test
  void collectionWinsWhenTheSidesDisagree() {
    try (Session s = db.session()) {
      Parent p1 = parent("p1");
      Parent p2 = parent("p2");
      Child c = child("c");
      c.parent.set(p1);
      p2.children.add(c);
      s.add(p1);
      s.add(p2);
      s.add(c);
      s.flush();
      assertThat(c.parentId).isEqualTo(p2.id);
      assertThat(c.parent.get()).isSameAs(p2); // SQLAlchemy: p1 until expired
      assertThat(p1.children).isEmpty();
      assertThat(p2.children).containsExactly(c);
      s.commit();
      assertThat(c.parent.get()).isSameAs(p2);
    }
  }
}
