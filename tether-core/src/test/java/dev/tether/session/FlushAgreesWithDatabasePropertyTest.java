package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.Session;
import dev.tether.fixtures.BackPopulates;
import dev.tether.fixtures.BackPopulates.Child;
import dev.tether.fixtures.BackPopulates.Parent;
import dev.tether.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Tether improvement 6 as a property: after any sequence of in-memory operations — on either side,
 * on loaded and unloaded collections, with keys written directly, deletes and intermediate flushes
 * — and a flush, the graph in memory equals what a fresh session loads. Runs on every available
 * database.
 */
class FlushAgreesWithDatabasePropertyTest {
  private static final Map<TestDatabase, Database> OPEN = new HashMap<>();

  @BeforeContainer
  static void open() {
    OPEN.putAll(TestDatabase.openEveryAvailable(BackPopulates.registry()));
  }

  @AfterContainer
  static void close() {
    OPEN.values().forEach(Database::close);
    OPEN.clear();
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Property(tries = 40)
  void memoryEqualsAFreshLoadAfterFlush(@ForAll("seeds") long seed) {
    assertThat(OPEN).containsKey(TestDatabase.SQLITE);
    for (Map.Entry<TestDatabase, Database> e : OPEN.entrySet()) {
      check(e.getValue(), new Random(seed), e.getKey().name());
    }
  }

  private static void check(Database db, Random random, String where) {
    List<Integer> parentIds = new ArrayList<>();
    List<Integer> childIds = new ArrayList<>();
    try (Session s = db.session()) {
      List<Parent> parents = new ArrayList<>();
      List<Child> children = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Parent p = new Parent("p" + i);
        parents.add(p);
        s.add(p);
      }
      for (int i = 0; i < 5; i++) {
        Child c = new Child("c" + i);
        if (random.nextBoolean()) {
          c.parent.set(parents.get(random.nextInt(3)));
        }
        children.add(c);
        s.add(c);
      }
      s.commit(); // everything expired: collections start unloaded
      List<String> log = new ArrayList<>();
      java.util.Set<Child> deleted = new java.util.HashSet<>();
      int steps = 4 + random.nextInt(12);
      for (int step = 0; step < steps; step++) {
        Parent p = parents.get(random.nextInt(parents.size()));
        List<Child> alive =
            children.stream().filter(c -> s.contains(c) && !deleted.contains(c)).toList();
        if (alive.isEmpty()) {
          break;
        }
        Child c = alive.get(random.nextInt(alive.size()));
        switch (random.nextInt(9)) {
          case 0 -> {
            c.parent.set(p);
            log.add(c.name + ".parent=" + p.name);
          }
          case 1 -> {
            c.parent.set(null);
            log.add(c.name + ".parent=null");
          }
          case 2 -> {
            p.children.add(c);
            log.add(p.name + ".add(" + c.name + ")");
          }
          case 3 -> {
            p.children.remove(c);
            log.add(p.name + ".remove(" + c.name + ")");
          }
          case 4 -> {
            c.parentId = p.id;
            log.add(c.name + ".parentId=" + p.name);
          }
          case 5 -> {
            s.delete(c);
            deleted.add(c);
            log.add("delete(" + c.name + ")");
          }
          case 6 -> {
            p.children.size();
            log.add("load " + p.name + ".children");
          }
          case 7 -> {
            s.flush();
            log.add("flush");
          }
          default -> {
            Child n = new Child("n" + step);
            children.add(n);
            if (random.nextBoolean()) {
              n.parent.set(p);
            } else {
              p.children.add(n);
            }
            log.add("new " + n.name + " under " + p.name);
          }
        }
      }
      s.flush();
      Map<Integer, Integer> memoryParentOf = new HashMap<>();
      Map<Integer, List<Integer>> memoryChildren = new HashMap<>();
      for (Parent p : parents) {
        parentIds.add(p.id);
        memoryChildren.put(p.id, p.children.stream().map(c -> c.id).sorted().toList());
      }
      for (Child c : children) {
        if (s.contains(c) && !deleted.contains(c) && c.id != null) {
          childIds.add(c.id);
          Parent shown = c.parent.get();
          memoryParentOf.put(c.id, shown == null ? null : shown.id);
          assertThat(shown == null ? null : shown.id)
              .as("%s: %s.parent vs its key after %s", where, c.name, log)
              .isEqualTo(c.parentId);
        }
      }
      s.commit();
      try (Session fresh = db.session()) {
        for (Integer id : parentIds) {
          assertThat(fresh.get(Parent.class, id).children.stream().map(c -> c.id).sorted().toList())
              .as("%s: children of parent %d after %s", where, id, log)
              .isEqualTo(memoryChildren.get(id));
        }
        for (Integer id : childIds) {
          Parent p = fresh.get(Child.class, id).parent.get();
          assertThat(p == null ? null : p.id)
              .as("%s: parent of child %d after %s", where, id, log)
              .isEqualTo(memoryParentOf.get(id));
        }
      }
    }
  }
}
