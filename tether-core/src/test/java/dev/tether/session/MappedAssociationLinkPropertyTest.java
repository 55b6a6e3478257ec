package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.Session;
import dev.tether.fixtures.TaggedLinks;
import dev.tether.fixtures.TaggedLinks.Label;
import dev.tether.fixtures.TaggedLinks.Post;
import dev.tether.fixtures.TaggedLinks.PostLabel;
import dev.tether.testing.ExistingSchema;
import dev.tether.testing.TestDatabase;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random link adds and removes, from either side, on a mapped association table with extra columns
 * ({@link TaggedLinks}: a NOT NULL default and a trigger), checked after every flush against a
 * model of the expected links: the table holds exactly those rows, each with the default {@code
 * role} and the trigger's {@code stamp}, and both sides' collections show them. On every available
 * database.
 */
class MappedAssociationLinkPropertyTest {
  private static final Map<TestDatabase, ExistingSchema> SCHEMAS =
      new EnumMap<>(TestDatabase.class);
  private static final Map<TestDatabase, Database> OPEN = new EnumMap<>(TestDatabase.class);

  @BeforeContainer
  static void open() {
    for (TestDatabase t : TestDatabase.values()) {
      if (!t.isAvailable() && !"true".equalsIgnoreCase(System.getenv("CI"))) {
        continue;
      }
      ExistingSchema schema = ExistingSchema.create(t, TaggedLinks.script(t.dialect().name()));
      SCHEMAS.put(t, schema);
      OPEN.put(t, schema.open(TaggedLinks.registry()));
    }
  }

  @AfterContainer
  static void close() {
    OPEN.values().forEach(Database::close);
    SCHEMAS.values().forEach(ExistingSchema::close);
    OPEN.clear();
    SCHEMAS.clear();
  }

  @Property(tries = 25)
  void theTableHoldsExactlyTheExpectedLinksAfterEveryFlush(@ForAll long seed) {
    assertThat(OPEN).containsKey(TestDatabase.SQLITE);
    for (Map.Entry<TestDatabase, Database> e : OPEN.entrySet()) {
      run(e.getValue(), SCHEMAS.get(e.getKey()), new Random(seed), e.getKey().name());
    }
  }

  private static void run(Database db, ExistingSchema schema, Random random, String where) {
    List<String> log = new ArrayList<>();
    Set<String> expected = new TreeSet<>();
    dev.tether.StatementListener listener = (sql, rows) -> log.add("  " + sql + " x" + rows);
    db.addStatementListener(listener);
    try (Session s = db.session()) {
      List<Post> posts = new ArrayList<>();
      List<Label> labels = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        posts.add(new Post("p" + i));
        labels.add(new Label("l" + i));
        s.add(posts.get(i));
        s.add(labels.get(i));
      }
      s.commit();
      for (int step = 0; step < 30; step++) {
        Post p = posts.get(random.nextInt(3));
        Label l = labels.get(random.nextInt(3));
        String link = p.id + "-" + l.id;
        switch (random.nextInt(5)) {
          case 0 -> {
            p.labels.add(l);
            expected.add(link);
            log.add("post" + p.id + ".labels.add(label" + l.id + ")");
          }
          case 1 -> {
            l.posts.add(p);
            expected.add(link);
            log.add("label" + l.id + ".posts.add(post" + p.id + ")");
          }
          case 2 -> {
            p.labels.remove(l);
            expected.remove(link);
            log.add("post" + p.id + ".labels.remove(label" + l.id + ")");
          }
          case 3 -> {
            l.posts.remove(p);
            expected.remove(link);
            log.add("label" + l.id + ".posts.remove(post" + p.id + ")");
          }
          default -> {
            boolean commit = random.nextBoolean();
            if (commit) {
              s.commit();
            } else {
              s.flush();
            }
            log.add(commit ? "commit" : "flush");
            check(s, commit ? schema : null, posts, labels, expected, where + " after " + log);
          }
        }
      }
      s.commit();
      check(s, schema, posts, labels, expected, where + " after " + log + ", commit");
    } finally {
      db.removeStatementListener(listener);
    }
  }

  /**
   * The rows as the session's transaction sees them, and after a commit ({@code schema} not null)
   * as another connection does, equal {@code expected}; so do both sides' collections.
   */
  private static void check(
      Session s,
      ExistingSchema schema,
      List<Post> posts,
      List<Label> labels,
      Set<String> expected,
      String what) {
    String sql =
        "SELECT post_id, label_id, role, stamp FROM tl_post_label WHERE post_id IN ("
            + posts.get(0).id
            + ", "
            + posts.get(1).id
            + ", "
            + posts.get(2).id
            + ")";
    Set<String> seen = new TreeSet<>();
    for (PostLabel r : s.selectSql(PostLabel.class, sql)) {
      assertThat(r.role).as(what).isEqualTo("member");
      assertThat(r.stamp).as(what).isEqualTo(r.postId * 1000 + r.labelId);
      seen.add(r.postId + "-" + r.labelId);
    }
    assertThat(seen).as(what).isEqualTo(expected);
    if (schema != null) {
      Set<String> committed = new TreeSet<>();
      for (List<String> r : schema.rows(sql)) {
        assertThat(r.get(2)).as(what).isEqualTo("member");
        committed.add(r.get(0) + "-" + r.get(1));
      }
      assertThat(committed).as(what).isEqualTo(expected);
    }
    Set<String> inMemory = new TreeSet<>();
    for (Post p : posts) {
      p.labels.forEach(l -> inMemory.add(p.id + "-" + l.id));
    }
    Set<String> fromLabels = new TreeSet<>();
    for (Label l : labels) {
      l.posts.forEach(p -> fromLabels.add(p.id + "-" + l.id));
    }
    assertThat(inMemory).as(what).isEqualTo(expected);
    assertThat(fromLabels).as(what).isEqualTo(expected);
  }
}
