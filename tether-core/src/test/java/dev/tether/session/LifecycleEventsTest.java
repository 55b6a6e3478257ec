package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.Model;
import dev.tether.Session;
import dev.tether.fixtures.Blog;
import dev.tether.fixtures.Blog.Comment;
import dev.tether.fixtures.Blog.Post;
import dev.tether.sql.Executor;
import dev.tether.testing.SqlText;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13 item 5: the row events of a flush and of loads fire in the flush's order, exactly once
 * per row, with the statements between them where they belong. Every test records events and SQL in
 * one list ({@link EventLog}) and asserts the whole of it.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class LifecycleEventsTest {
  @Parameter TestDatabase target;
  @TempDir Path dir;
  Database db;
  final EventLog log = new EventLog();

  @BeforeEach
  void open() {
    db = target.open(Blog.registry(), target.sharedUrl(dir));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void listen() {
    db.addModelListener(Model.class, log);
    db.addSessionListener(log);
    db.addStatementListener(log);
  }

  /** p1 (c1, c2) and p2 (c3), committed: ids 1 and 2, comments 1 to 3. */
  private void twoPosts() {
    try (Session s = db.session()) {
      s.add(new Post("p1", "c1", "c2"));
      s.add(new Post("p2", "c3"));
      s.commit();
    }
  }

  @Test
  void insertsFireParentsFirstEachRowOnceAroundItsStatement() {
    listen();
    try (Session s = db.session()) {
      s.add(new Post("p1", "c1", "c2"));
      s.add(new Post("p2", "c3"));
      s.commit();
    }
    assertThat(log.entries())
        .containsExactly(
            "beforeFlush",
            "beforeInsert p1 id=null stamped",
            "beforeInsert p2 id=null stamped",
            "SQL INSERT post",
            "afterInsert p1 id=1 stamped",
            "afterInsert p2 id=2 stamped",
            "beforeInsert c1 id=null post=1 stamped",
            "beforeInsert c2 id=null post=1 stamped",
            "beforeInsert c3 id=null post=2 stamped",
            "SQL INSERT comment",
            "afterInsert c1 id=1 post=1 stamped",
            "afterInsert c2 id=2 post=1 stamped",
            "afterInsert c3 id=3 post=2 stamped",
            "afterFlush",
            "afterCommit");
  }

  @Test
  void updatesFireForRowsWhoseColumnsChanged() {
    twoPosts();
    try (Session s = db.session()) {
      s.get(Post.class, 1).title = "p1'";
      s.get(Post.class, 2).title = "p2'";
      s.get(Comment.class, 1).text = "c1'";
      listen();
      s.commit();
    }
    assertThat(log.entries())
        .containsExactly(
            "beforeFlush",
            "beforeUpdate p1' id=1 stamped",
            "beforeUpdate p2' id=2 stamped",
            "SQL UPDATE post",
            "afterUpdate p1' id=1 stamped",
            "afterUpdate p2' id=2 stamped",
            "beforeUpdate c1' id=1 post=1 stamped",
            "SQL UPDATE comment",
            "afterUpdate c1' id=1 post=1 stamped",
            "afterFlush",
            "afterCommit");
  }

  @Test
  void aRelationshipChangeUpdatesOnlyTheRowWhoseKeyMoves() {
    twoPosts();
    try (Session s = db.session()) {
      Post p1 = s.get(Post.class, 1);
      Comment c3 = s.get(Comment.class, 3);
      p1.comments.size(); // loaded before the log starts
      p1.comments.add(new Comment("c4")); // p1's row does not change: no UPDATE, no event
      c3.post.set(p1); // c3's key moves to p1: c3 is updated
      listen();
      s.commit();
    }
    assertThat(log.entries())
        .containsExactly(
            "beforeFlush",
            "beforeInsert c4 id=null post=1 stamped",
            "SQL INSERT comment",
            "afterInsert c4 id=4 post=1 stamped",
            "beforeUpdate c3 id=3 post=1 stamped",
            "SQL UPDATE comment",
            "afterUpdate c3 id=3 post=1 stamped",
            "afterFlush",
            "afterCommit");
  }

  @Test
  void deletesFireChildrenFirstForCascadesAndOrphans() {
    twoPosts();
    try (Session s = db.session()) {
      Post p1 = s.get(Post.class, 1);
      Post p2 = s.get(Post.class, 2);
      Comment c3 = p2.comments.get(0);
      listen();
      p2.comments.remove(c3); // delete-orphan
      s.delete(p1); // its comments by cascade, loaded during the flush
      s.commit();
    }
    assertThat(log.entries())
        .containsExactly(
            "beforeFlush",
            "SQL SELECT comment",
            "afterLoad c1 id=1 post=1 stamped",
            "afterLoad c2 id=2 post=1 stamped",
            // the orphan joins the cascade's batch: one DELETE, each row's events once
            "beforeDelete c2 id=2 post=1 stamped",
            "beforeDelete c1 id=1 post=1 stamped",
            "beforeDelete c3 id=3 post=2 stamped",
            "SQL DELETE comment",
            "afterDelete c2 id=2 post=1 stamped",
            "afterDelete c1 id=1 post=1 stamped",
            "afterDelete c3 id=3 post=2 stamped",
            "beforeDelete p1 id=1 stamped",
            "SQL DELETE post",
            "afterDelete p1 id=1 stamped",
            "afterFlush",
            "afterCommit");
  }

  @Test
  void afterLoadRunsWhenARowSetsTheFieldsNotOnIdentityHits() {
    twoPosts();
    listen();
    try (Session s = db.session()) {
      List<Post> posts = s.select(Post.class).list();
      assertThat(posts).hasSize(2);
      assertThat(s.select(Post.class).list()).isEqualTo(posts); // identity-map hits
      assertThat(s.get(Post.class, 1)).isSameAs(posts.get(0)); // no SQL
      assertThat(posts.get(0).comments).hasSize(2); // lazy, batched across the two posts
      assertThat(posts.get(1).comments).hasSize(1);
      s.refresh(posts.get(0));
      s.expire(posts.get(1));
      assertThat(s.get(Post.class, 2).title).isEqualTo("p2"); // an expired object read again
    }
    assertThat(log.entries())
        .containsExactly(
            "SQL SELECT post",
            "afterLoad p1 id=1 stamped",
            "afterLoad p2 id=2 stamped",
            "SQL SELECT post",
            "SQL SELECT comment",
            "afterLoad c1 id=1 post=1 stamped",
            "afterLoad c2 id=2 post=1 stamped",
            "afterLoad c3 id=3 post=2 stamped",
            "SQL SELECT post", // refresh, and its refresh-expire cascade to the loaded comments
            "afterLoad p1 id=1 stamped",
            "SQL SELECT comment",
            "afterLoad c1 id=1 post=1 stamped",
            "SQL SELECT comment",
            "afterLoad c2 id=2 post=1 stamped",
            "SQL SELECT post", // the expired p2 read again
            "afterLoad p2 id=2 stamped",
            "afterRollback"); // close() ends the reading transaction
  }

  @Test
  void eachRowOnceWhenTheFlushBatchesItsStatements() {
    int n = target.dialect().insertRowsPerStatement() + 5; // two INSERT statements
    Post post = new Post("p");
    for (int i = 0; i < n; i++) {
      post.comments.add(new Comment("c" + i));
    }
    listen();
    try (Session s = db.session()) {
      s.add(post);
      s.commit();
      assertBatched("Insert", "SQL INSERT comment", n, 2);
      log.clear();
      post.comments.forEach(c -> c.text += "'");
      s.commit();
      int batches = (n + Executor.MAX_BATCH - 1) / Executor.MAX_BATCH; // JDBC batches
      assertBatched("Update", "SQL UPDATE comment", n, batches);
      log.clear();
      s.delete(post);
      s.commit();
      assertBatched("Delete", "SQL DELETE comment", n, batches);
    }
  }

  /**
   * Each of the {@code n} comments had one before- and one after-event, all before-events ahead of
   * the first of the {@code statements} statements and all after-events behind the last.
   */
  private void assertBatched(String event, String sql, int n, int statements) {
    List<String> entries = log.entries();
    List<String> before = log.only("before" + event + " c");
    List<String> after = log.only("after" + event + " c");
    assertThat(before).hasSize(n).doesNotHaveDuplicates();
    assertThat(after).hasSize(n).doesNotHaveDuplicates();
    assertThat(log.only(sql)).hasSize(statements);
    int firstStatement = entries.indexOf(sql);
    int lastStatement = entries.lastIndexOf(sql);
    assertThat(entries.indexOf(before.get(n - 1))).isLessThan(firstStatement);
    assertThat(entries.indexOf(after.get(0))).isGreaterThan(lastStatement);
    assertThat(entries.subList(firstStatement, lastStatement + 1)).allMatch(e -> e.equals(sql));
  }

  // ---- the README example: timestamps written by the same statements ---------------------------

  @Test
  void hookValuesAreWrittenByTheSameStatement() throws SQLException {
    StatementRecorder sql = new StatementRecorder();
    db.addStatementListener(sql);
    Post post = new Post("hello", "first");
    try (Session s = db.session()) {
      s.add(post);
      List<String> sent = SqlText.plain(sql.record(s::commit));
      assertThat(sent).hasSize(2);
      assertThat(sent.get(0)).startsWith("INSERT INTO post (created_at, updated_at, title)");
      assertThat(sent.get(1)).startsWith("INSERT INTO comment (created_at, updated_at, post_id");
      assertThat(post.createdAt).isNotNull().isEqualTo(post.updatedAt);
      assertThat(rows("SELECT created_at, updated_at FROM post"))
          .containsExactly(List.of(post.createdAt, post.createdAt));

      Instant created = post.createdAt;
      post.title = "hello, world";
      sent = SqlText.plain(sql.record(s::commit));
      assertThat(sent).containsExactly("UPDATE post SET updated_at = ?, title = ? WHERE id = ?");
      assertThat(post.updatedAt).isAfter(created);
      assertThat(post.createdAt).isEqualTo(created);
      assertThat(rows("SELECT created_at, updated_at, title FROM post"))
          .containsExactly(List.of(created, post.updatedAt, "hello, world"));

      Instant updated = post.updatedAt;
      post.comments.add(new Comment("second")); // the post's row does not change
      sent = SqlText.plain(sql.record(s::commit));
      assertThat(sent).hasSize(1).allMatch(q -> q.startsWith("INSERT INTO comment"));
      assertThat(post.updatedAt).isEqualTo(updated);
    }
  }

  /** The rows of {@code query}, read by a connection of the test's own; instants as Instant. */
  private List<List<Object>> rows(String query) throws SQLException {
    try (Connection c = DriverManager.getConnection(target.sharedUrl(dir));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(query)) {
      List<List<Object>> out = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          String label = rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
          row.add(label.endsWith("_at") ? instant(rs.getString(i)) : rs.getObject(i));
        }
        out.add(row);
      }
      return out;
    }
  }

  /** A stored UTC date-time, as any of the three databases prints it. */
  private static Instant instant(String text) {
    String t = text.replace(' ', 'T');
    int plus = t.indexOf('+', 10);
    t = plus > 0 ? t.substring(0, plus) : t.replace("Z", "");
    return java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC);
  }
}
