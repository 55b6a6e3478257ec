package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.MappingException;
import dev.tether.Registry;
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

/**
 * A second {@code Registry.of} of the same classes while a database is open (a test fixture, a tool
 * building DDL) must not make that database's writes vanish. Objects bind to the mapping of the
 * session that takes or loads them; one already bound to the other registry is refused with the
 * cause, never silently left out of the flush.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class SecondRegistryTest {
  @Parameter TestDatabase target;
  final StatementRecorder sql = new StatementRecorder();
  Database db;

  @BeforeEach
  void open() {
    db = target.open(BackPopulates.registry());
    db.addStatementListener(sql);
  }

  /** The same classes with one more: a registry of its own (the same set is cached). */
  static Registry otherRegistry() {
    return Registry.of(Parent.class, Child.class, OptimisticLockingTest.Account.class);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void anObjectMadeBeforeTheOtherRegistryIsWritten() {
    Parent p = new Parent("p");
    otherRegistry();
    try (Session s = db.session()) {
      s.add(p);
      assertThat(sql.assertStatements(1, s::commit).get(0)).contains("bp_parent");
    }
  }

  @Test
  void loadedObjectsAreUpdatedByTheirDatabase() {
    Integer id;
    try (Session s = db.session()) {
      Parent p = new Parent("old");
      s.add(p);
      s.commit();
      id = p.id;
    }
    otherRegistry(); // again, between the sessions
    try (Session s = db.session()) {
      s.get(Parent.class, id).name = "new";
      assertThat(sql.assertStatements(1, s::commit).get(0)).startsWith("UPDATE");
    }
    try (Session s = db.session()) {
      assertThat(s.get(Parent.class, id).name).isEqualTo("new");
    }
  }

  @Test
  void anObjectBoundToTheOtherRegistryIsRefusedNotLost() {
    Parent fresh = new Parent("fresh");
    otherRegistry();
    Parent bound = new Parent("other");
    bound.children.add(new Child("c")); // used: bound to the other registry's mapping
    try (Session s = db.session()) {
      s.add(fresh);
      assertThatThrownBy(() -> s.add(bound))
          .isInstanceOf(MappingException.class)
          .hasMessageContaining("another Registry.of(...)")
          .hasMessageContaining("Map each model class in one registry");
      sql.assertStatements(1, s::commit); // the session goes on: only the fresh object
    }
  }
}
