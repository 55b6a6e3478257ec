package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.Session;
import dev.tether.fixtures.ManyToManyCatalog;
import dev.tether.fixtures.ManyToManyCatalog.Article;
import dev.tether.fixtures.ManyToManyCatalog.Tag;
import dev.tether.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Tether improvement 6 for many-to-many, as a property: after random adds and removes on either
 * side — of loaded and unloaded collections, with new objects on either side, deletes of either
 * endpoint and intermediate flushes — and a final flush, the two sides agree in memory and equal
 * what a fresh session loads. Runs on every available database.
 *
 * <p>Named {@code *Test} so that Surefire's default includes run it with {@code mvn verify}; a
 * class named {@code *Properties} is not picked up.
 */
class ManyToManyFlushPropertyTest {
  private static final Map<TestDatabase, Database> OPEN = new HashMap<>();

  @BeforeContainer
  static void open() {
    OPEN.putAll(TestDatabase.openEveryAvailable(ManyToManyCatalog.registry()));
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

  @Property(tries = 30)
  void memoryEqualsAFreshLoadAfterFlush(@ForAll("seeds") long seed) {
    assertThat(OPEN).containsKey(TestDatabase.SQLITE);
    for (Map.Entry<TestDatabase, Database> e : OPEN.entrySet()) {
      new Run(e.getValue(), new Random(seed), e.getKey().name()).check();
    }
  }

  /** One random sequence of operations on one database. */
  private static final class Run {
    final Database db;
    final Random random;
    final String where;
    final List<Article> articles = new ArrayList<>();
    final List<Tag> tags = new ArrayList<>();
    final List<Object> deleted = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    Session s;

    Run(Database db, Random random, String where) {
      this.db = db;
      this.random = random;
      this.where = where;
    }

    void check() {
      try (Session session = db.session()) {
        s = session;
        for (int i = 0; i < 3; i++) {
          articles.add(new Article("a" + i));
          tags.add(new Tag("t" + i));
        }
        for (Article a : articles) {
          for (Tag t : tags) {
            if (random.nextInt(3) == 0) {
              a.tags.add(t);
            }
          }
        }
        s.addAll(articles);
        s.addAll(tags);
        s.commit(); // everything expired: collections start unloaded
        int steps = 4 + random.nextInt(14);
        for (int step = 0; step < steps; step++) {
          step(step);
        }
        s.flush();
        compare();
      }
    }

    private <T> T pick(List<T> from, Predicate<T> alive) {
      List<T> live = from.stream().filter(alive).toList();
      return live.isEmpty() ? null : live.get(random.nextInt(live.size()));
    }

    private boolean alive(Object o) {
      return !deleted.contains(o);
    }

    private void step(int step) {
      Article a = pick(articles, this::alive);
      Tag t = pick(tags, this::alive);
      if (a == null || t == null) {
        return;
      }
      switch (random.nextInt(14)) {
        case 0, 1 -> {
          a.tags.add(t);
          log.add(a.name + ".tags.add(" + t.name + ")");
        }
        case 2 -> {
          a.tags.remove(t);
          log.add(a.name + ".tags.remove(" + t.name + ")");
        }
        case 3, 4 -> {
          t.articles.add(a);
          log.add(t.name + ".articles.add(" + a.name + ")");
        }
        case 5 -> {
          t.articles.remove(a);
          log.add(t.name + ".articles.remove(" + a.name + ")");
        }
        case 6 -> {
          if (random.nextBoolean()) {
            a.tags.size();
            log.add("load " + a.name + ".tags");
          } else {
            t.articles.size();
            log.add("load " + t.name + ".articles");
          }
        }
        case 7 -> {
          s.flush();
          log.add("flush");
        }
        case 8 -> {
          Object victim = random.nextBoolean() ? a : t;
          if ((victim instanceof Article x ? x.id : ((Tag) victim).id) == null) {
            // deleting a pending object expunges it, and the save-update cascade brings it back
            // while a session object still links it: only rows are deleted here
            s.flush();
            log.add("flush");
          }
          s.delete(victim);
          deleted.add(victim);
          log.add("delete(" + victim + ")");
        }
        case 9 -> {
          Tag n = new Tag("nt" + step);
          tags.add(n);
          if (random.nextBoolean()) {
            a.tags.add(n);
          } else {
            n.articles.add(a);
          }
          log.add("new " + n.name + " on " + a.name);
        }
        case 10 -> {
          Article n = new Article("na" + step);
          articles.add(n);
          if (random.nextBoolean()) {
            t.articles.add(n);
          } else {
            n.tags.add(t);
          }
          log.add("new " + n.name + " on " + t.name);
        }
        case 11 -> {
          a.tags.clear();
          log.add(a.name + ".tags.clear()");
        }
        case 12 -> {
          if (t.articles.isEmpty()) {
            t.articles.add(a);
          } else if (!t.articles.contains(a)) {
            t.articles.set(0, a);
          } else {
            t.articles.removeIf(x -> x != a);
          }
          log.add(t.name + ".articles.set/removeIf(" + a.name + ")");
        }
        default -> {
          s.commit();
          log.add("commit");
        }
      }
    }

    private void compare() {
      Map<Integer, List<Integer>> tagsOf = new HashMap<>();
      Map<Integer, List<Integer>> articlesOf = new HashMap<>();
      for (Article a : articles) {
        if (alive(a) && s.contains(a)) {
          assertThat(a.id).as("%s: %s has a key after %s", where, a.name, log).isNotNull();
          for (Tag t : a.tags) {
            assertThat(alive(t))
                .as("%s: %s.tags holds deleted %s after %s", where, a, t, log)
                .isTrue();
            assertThat(t.articles)
                .as("%s: %s.articles vs %s.tags after %s", where, t.name, a.name, log)
                .contains(a);
          }
          tagsOf.put(a.id, a.tags.stream().map(t -> t.id).sorted().toList());
        }
      }
      for (Tag t : tags) {
        if (alive(t) && s.contains(t)) {
          for (Article a : t.articles) {
            assertThat(alive(a))
                .as("%s: %s.articles holds deleted %s after %s", where, t, a, log)
                .isTrue();
            assertThat(a.tags)
                .as("%s: %s.tags vs %s.articles after %s", where, a.name, t.name, log)
                .contains(t);
          }
          articlesOf.put(t.id, t.articles.stream().map(a -> a.id).sorted().toList());
        }
      }
      s.commit();
      try (Session fresh = db.session()) {
        for (Map.Entry<Integer, List<Integer>> e : tagsOf.entrySet()) {
          Article a = fresh.get(Article.class, e.getKey());
          assertThat(a.tags.stream().map(t -> t.id).sorted().toList())
              .as("%s: tags of article %d after %s", where, e.getKey(), log)
              .isEqualTo(e.getValue());
        }
        for (Map.Entry<Integer, List<Integer>> e : articlesOf.entrySet()) {
          Tag t = fresh.get(Tag.class, e.getKey());
          assertThat(t.articles.stream().map(a -> a.id).sorted().toList())
              .as("%s: articles of tag %d after %s", where, e.getKey(), log)
              .isEqualTo(e.getValue());
        }
      }
    }
  }
}
