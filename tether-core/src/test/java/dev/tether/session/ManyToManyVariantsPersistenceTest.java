package dev.tether.session;

import static dev.tether.testing.SqlText.plain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.Relationship;
import dev.tether.Session;
import dev.tether.Table;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two less common many-to-many wirings persisted on every database:
 *
 * <ul>
 *   <li>two <em>unlinked</em> relationships over one association table (no backPopulates): in
 *       memory they do not meet, but after a flush each loaded side shows the rows the other wrote
 *       (improvement 6; SQLAlchemy's stays stale until expired, S02);
 *   <li>a self-referential many-to-many through a table a model maps, each side naming its column
 *       with {@code foreignKeys} (followers / following).
 * </ul>
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class ManyToManyVariantsPersistenceTest {
  /** {@code mv_post(id, title)}; {@code labels} is not linked to {@code Label.posts}. */
  @Table("mv_post")
  public static class Post extends Model {
    @Id public Integer id;
    public String title;

    @Relationship(secondary = "mv_post_label")
    public final Many<Label> labels = many();

    public Post() {}

    Post(String title) {
      this.title = title;
    }
  }

  /** {@code mv_label(id, name)}; {@code posts} reads and writes the same table, unlinked. */
  @Table("mv_label")
  public static class Label extends Model {
    @Id public Integer id;
    public String name;

    @Relationship(secondary = "mv_post_label")
    public final Many<Post> posts = many();

    public Label() {}

    Label(String name) {
      this.name = name;
    }
  }

  /** {@code mv_user(id, name)} following and followed by users. */
  @Table("mv_user")
  public static class User extends Model {
    @Id public Integer id;
    public String name;

    @Relationship(secondary = "mv_follow", foreignKeys = "followerId", backPopulates = "followers")
    public final Many<User> following = many();

    @Relationship(secondary = "mv_follow", foreignKeys = "followedId", backPopulates = "following")
    public final Many<User> followers = many();

    public User() {}

    User(String name) {
      this.name = name;
    }
  }

  /** {@code mv_follow(follower_id, followed_id)}, both → {@code mv_user.id}, both the key. */
  @Table("mv_follow")
  public static class Follow extends Model {
    @Id
    @ForeignKey("mv_user.id")
    public Integer followerId;

    @Id
    @ForeignKey("mv_user.id")
    public Integer followedId;
  }

  @Parameter TestDatabase target;
  Database db;
  final StatementRecorder sql = new StatementRecorder();

  @BeforeEach
  void open() {
    db = target.open(Registry.of(Post.class, Label.class, User.class, Follow.class));
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void assertSql(Runnable action, String... expected) {
    assertThat(plain(sql.record(action))).containsExactly(expected);
  }

  private void saved(Object... models) {
    try (Session s = db.session()) {
      s.addAll(List.of(models));
      s.commit();
    }
  }

  private static List<String> names(List<User> users) {
    return users.stream().map(u -> u.name).toList();
  }

  /**
   * Unlinked sides meet at flush: the loaded Label.posts gains and loses what Post.labels wrote.
   */
  @Test
  void unlinkedLoadedSideFollowsTheRowsTheOtherWrote() {
    Post p = new Post("p");
    Label l = new Label("l");
    saved(p, l);
    try (Session s = db.session()) {
      Post post = s.get(Post.class, p.id);
      Label label = s.get(Label.class, l.id);
      assertThat(label.posts).isEmpty();
      post.labels.add(label);
      assertThat(label.posts).isEmpty(); // unlinked: nothing in memory before the flush
      assertSql(s::flush, "INSERT INTO mv_post_label (mv_post_id, mv_label_id) VALUES (?, ?)");
      assertThat(label.posts).containsExactly(post); // SQLAlchemy: [] until expired
      post.labels.remove(label);
      assertSql(s::flush, "DELETE FROM mv_post_label WHERE mv_post_id = ? AND mv_label_id = ?");
      assertThat(label.posts).isEmpty();
      s.commit();
    }
  }

  /** Both unlinked sides writing the same link: one row. */
  @Test
  void unlinkedSidesWritingTheSameLinkMakeOneRow() {
    Post p = new Post("p");
    Label l = new Label("l");
    p.labels.add(l);
    l.posts.add(p);
    try (Session s = db.session()) {
      s.add(p);
      List<String> sent = plain(sql.record(s::commit));
      assertThat(sent).hasSize(3).last().asString().startsWith("INSERT INTO mv_post_label");
    }
    try (Session s = db.session()) {
      assertThat(s.get(Post.class, p.id).labels).hasSize(1);
      assertThat(s.get(Label.class, l.id).posts).hasSize(1);
    }
  }

  /** A deleted label leaves the loaded unlinked collection of its posts. */
  @Test
  void deletedEndpointLeavesUnlinkedLoadedCollections() {
    Post p = new Post("p");
    Label l1 = new Label("l1");
    Label l2 = new Label("l2");
    p.labels.addAll(List.of(l1, l2));
    saved(p);
    try (Session s = db.session()) {
      Post post = s.get(Post.class, p.id);
      Label label1 = post.labels.get(0);
      s.delete(label1);
      assertSql(
          s::flush,
          "DELETE FROM mv_post_label WHERE mv_label_id = ?",
          "DELETE FROM mv_label WHERE id = ?");
      assertThat(post.labels).extracting(x -> x.name).containsExactly("l2");
      s.commit();
    }
  }

  /** Self-referential many-to-many: one row per follow, each side loading through its column. */
  @Test
  void followersAndFollowing() {
    User ann = new User("ann");
    User bob = new User("bob");
    User cy = new User("cy");
    ann.following.addAll(List.of(bob, cy));
    bob.following.add(ann);
    assertThat(names(bob.followers)).containsExactly("ann");
    assertThat(names(ann.followers)).containsExactly("bob");
    try (Session s = db.session()) {
      s.add(ann);
      assertSql(
          s::commit,
          "INSERT INTO mv_user (name) VALUES (?), (?), (?) RETURNING id",
          "INSERT INTO mv_follow (follower_id, followed_id) VALUES (?, ?)");
    }
    try (Session s = db.session()) {
      User a = s.get(User.class, ann.id);
      assertSql(
          () -> assertThat(names(a.following)).containsExactly("bob", "cy"),
          "SELECT t1.follower_id, t0.id, t0.name FROM mv_user t0 JOIN mv_follow t1"
              + " ON t1.followed_id = t0.id WHERE t1.follower_id = ? ORDER BY t0.id");
      assertSql(
          () -> assertThat(names(a.followers)).containsExactly("bob"),
          "SELECT t1.followed_id, t0.id, t0.name FROM mv_user t0 JOIN mv_follow t1"
              + " ON t1.follower_id = t0.id WHERE t1.followed_id = ? ORDER BY t0.id");
      assertThat(a.followers.get(0)).isSameAs(a.following.get(0));
      assertThat(s.get(Follow.class, cy.id, ann.id)).isNull();
      assertThat(s.get(Follow.class, ann.id, cy.id)).isNotNull();
    }
  }

  /** Deleting a user deletes its follows in both directions first; the others forget it. */
  @Test
  void deletingAUserDeletesItsFollowsBothWays() {
    User ann = new User("ann");
    User bob = new User("bob");
    User cy = new User("cy");
    ann.following.addAll(List.of(bob, cy));
    bob.following.addAll(List.of(ann, cy));
    saved(ann);
    try (Session s = db.session()) {
      User a = s.get(User.class, ann.id);
      User c = s.get(User.class, cy.id);
      User b = a.following.get(0);
      assertThat(names(a.followers)).containsExactly("bob");
      assertThat(names(c.followers)).containsExactly("ann", "bob");
      s.delete(b);
      List<String> sent = plain(sql.record(s::flush));
      assertThat(sent.subList(0, 2))
          .containsExactlyInAnyOrder(
              "DELETE FROM mv_follow WHERE follower_id = ?",
              "DELETE FROM mv_follow WHERE followed_id = ?");
      assertThat(sent.subList(2, sent.size())).containsExactly("DELETE FROM mv_user WHERE id = ?");
      assertThat(names(a.following)).containsExactly("cy");
      assertThat(a.followers).isEmpty();
      assertThat(names(c.followers)).containsExactly("ann");
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(names(s.get(User.class, cy.id).followers)).containsExactly("ann");
      assertThat(s.get(User.class, ann.id).followers).isEmpty();
    }
  }
}
