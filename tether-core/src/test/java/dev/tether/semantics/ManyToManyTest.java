package dev.tether.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Registry;
import dev.tether.RegistryInternals;
import dev.tether.Relationship;
import dev.tether.Table;
import dev.tether.fixtures.ManyToManyWiring;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many-to-many in memory (S33, the in-memory part of S35), on both wirings of {@link
 * ManyToManyWiring}: every write to either collection is mirrored on the other, with no
 * displacement (rule 12: a tag stays on its other articles). Tether's improvement 1 (DESIGN §2):
 * both collections are ordered sets, so SQLAlchemy's duplicates ({@code [t1, t1]}, and the
 * duplicated association row that fails at flush in S35) cannot arise.
 */
class ManyToManyTest {

  /** The objects of one transcript, on one wiring. */
  private static final class Scene {
    final ManyToManyWiring w;

    Scene(ManyToManyWiring w) {
      this.w = w;
      w.registry();
    }

    Model article(String name) {
      return w.newArticle(name);
    }

    Model tag(String name) {
      return w.newTag(name);
    }

    Many<Model> tags(Model article) {
      return w.tags(article);
    }

    Many<Model> articles(Model tag) {
      return w.articles(tag);
    }

    /** Python's {@code article.tags = [...]}: keep the listed, drop the rest, add the new. */
    void replaceTags(Model article, List<Model> tags) {
      tags(article).retainAll(tags);
      tags(article).addAll(tags);
    }
  }

  // ---- S33 -------------------------------------------------------------------------------------

  /**
   * S33, step by step. The transcript ends with {@code t1.articles.append(a2)} when a2 is already
   * there: SQLAlchemy answers {@code ([t1, t1], [a2, a2])}; in Tether the add is a no-op.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(ManyToManyWiring.class)
  void s33_writes_on_either_side_are_mirrored(ManyToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model a1 = s.article("a1");
    Model a2 = s.article("a2");
    Model t1 = s.tag("t1");
    Model t2 = s.tag("t2");

    s.tags(a1).add(t1);
    assertThat(s.articles(t1)).containsExactly(a1);

    s.articles(t2).add(a1);
    assertThat(s.tags(a1)).containsExactly(t1, t2);

    s.tags(a1).remove(t1);
    assertThat(s.articles(t1)).isEmpty();

    s.replaceTags(a2, List.of(t1, t2)); // a2.tags = [t1, t2]
    assertThat(s.articles(t1)).containsExactly(a2);
    assertThat(s.articles(t2)).containsExactly(a1, a2);

    s.replaceTags(a2, List.of(t1)); // a2.tags = [t1]
    assertThat(s.articles(t2)).containsExactly(a1);

    assertThat(s.articles(t1).add(a2)).isFalse();
    assertThat(s.tags(a2)).containsExactly(t1); // SQLAlchemy: [t1, t1]
    assertThat(s.articles(t1)).containsExactly(a2); // SQLAlchemy: [a2, a2]
  }

  /** Rule 12: no displacement. A tag added to a second article stays on the first. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(ManyToManyWiring.class)
  void adding_to_a_second_owner_moves_nothing(ManyToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model a1 = s.article("a1");
    Model a2 = s.article("a2");
    Model t = s.tag("t");

    s.tags(a1).add(t);
    s.tags(a2).add(t);
    assertThat(s.tags(a1)).containsExactly(t);
    assertThat(s.tags(a2)).containsExactly(t);
    assertThat(s.articles(t)).containsExactly(a1, a2);
  }

  // ---- S35 -------------------------------------------------------------------------------------

  /**
   * S35 in memory: {@code a1.tags.append(t1)} twice gives SQLAlchemy {@code ([t1, t1], [a1, a1])},
   * and the flush then writes the association row twice (IntegrityError). Tether's second add, from
   * either side and through every adding method, changes nothing, so there is one row to write.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(ManyToManyWiring.class)
  void s35_a_duplicate_add_is_a_no_op_on_both_sides(ManyToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model a1 = s.article("a1");
    Model t1 = s.tag("t1");

    assertThat(s.tags(a1).add(t1)).isTrue();
    assertThat(s.tags(a1).add(t1)).isFalse();
    assertThat(s.articles(t1).add(a1)).isFalse();
    s.tags(a1).add(0, t1);
    s.articles(t1).addAll(List.of(a1, a1));
    s.tags(a1).addAll(0, List.of(t1));
    s.tags(a1).listIterator().add(t1);

    assertThat(s.tags(a1)).containsExactly(t1); // SQLAlchemy: [t1, t1]
    assertThat(s.articles(t1)).containsExactly(a1); // SQLAlchemy: [a1, a1]

    s.articles(t1).remove(a1); // one remove is enough
    assertThat(s.tags(a1)).isEmpty();
    assertThat(s.articles(t1)).isEmpty();
  }

  // ---- every List write, from either side ------------------------------------------------------

  /** Every removal path on one side takes the owner out of the other side's collection. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(ManyToManyWiring.class)
  void every_removal_path_is_mirrored(ManyToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model a = s.article("a");
    List<Model> ts = List.of(s.tag("t0"), s.tag("t1"), s.tag("t2"), s.tag("t3"), s.tag("t4"));
    Many<Model> tags = s.tags(a);
    tags.addAll(ts);
    assertThat(ts).allMatch(t -> s.articles(t).contains(a));

    tags.remove(0); // t0
    tags.subList(0, 1).clear(); // t1
    Iterator<Model> it = tags.iterator();
    it.next();
    it.remove(); // t2
    tags.removeIf(t -> t == ts.get(3));
    assertThat(tags).containsExactly(ts.get(4));
    assertThat(ts.subList(0, 4)).allMatch(t -> s.articles(t).isEmpty());

    tags.retainAll(Set.of());
    assertThat(s.articles(ts.get(4))).isEmpty();

    tags.addAll(ts);
    tags.clear();
    assertThat(ts).allMatch(t -> s.articles(t).isEmpty());
  }

  /**
   * {@code set(i, x)} replaces: the old element loses the owner, the new one gains it (at the end
   * of its own collection). With x already present the two swap places and nothing else changes.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(ManyToManyWiring.class)
  void set_at_an_index_replaces_or_swaps(ManyToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model a1 = s.article("a1");
    Model a2 = s.article("a2");
    Model t1 = s.tag("t1");
    Model t2 = s.tag("t2");
    Model t3 = s.tag("t3");
    s.articles(t3).add(a2);
    s.tags(a1).addAll(List.of(t1, t2));

    assertThat(s.tags(a1).set(0, t3)).isSameAs(t1);
    assertThat(s.tags(a1)).containsExactly(t3, t2);
    assertThat(s.articles(t1)).isEmpty();
    assertThat(s.articles(t3)).containsExactly(a2, a1);

    s.tags(a1).set(0, t2);
    assertThat(s.tags(a1)).containsExactly(t2, t3);
    assertThat(s.articles(t2)).containsExactly(a1);
    assertThat(s.articles(t3)).containsExactly(a2, a1);
  }

  /**
   * Each collection keeps its own order: the reverse side appends in the order the links were made,
   * and reordering one side (swap, reverse, sort) never reorders the other.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(ManyToManyWiring.class)
  void each_side_keeps_its_own_order(ManyToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model a1 = s.article("a1");
    Model a2 = s.article("a2");
    Model a3 = s.article("a3");
    Model t = s.tag("t");
    Model u = s.tag("u");

    s.tags(a3).add(t);
    s.articles(t).add(0, a1);
    s.tags(a2).add(t);
    assertThat(s.articles(t)).containsExactly(a1, a3, a2);

    s.tags(a1).add(u);
    s.tags(a1).add(0, t); // already there: a no-op, t stays after u
    assertThat(s.tags(a1)).containsExactly(t, u);

    Collections.reverse(s.articles(t));
    assertThat(s.articles(t)).containsExactly(a2, a3, a1);
    assertThat(s.tags(a1)).containsExactly(t, u);

    s.tags(a3).remove(t);
    s.tags(a3).add(t); // re-added: at the end of t.articles
    assertThat(s.articles(t)).containsExactly(a2, a1, a3);
  }

  /** Moving every tag of one article to another: both sides of every tag follow. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(ManyToManyWiring.class)
  void add_all_of_another_collection_links_without_unlinking(ManyToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model a1 = s.article("a1");
    Model a2 = s.article("a2");
    List<Model> ts = List.of(s.tag("t0"), s.tag("t1"), s.tag("t2"));
    s.tags(a1).addAll(ts);

    s.tags(a2).addAll(s.tags(a1));
    assertThat(s.tags(a1)).containsExactlyElementsOf(ts);
    assertThat(s.tags(a2)).containsExactlyElementsOf(ts);
    assertThat(ts).allMatch(t -> s.articles(t).equals(List.of(a1, a2)));

    s.tags(a1).clear();
    assertThat(ts).allMatch(t -> s.articles(t).equals(List.of(a2)));
  }

  // ---- self-referential many-to-many ----------------------------------------------------------

  /**
   * A self-referential many-to-many needs a mapped association table with a key per role and {@code
   * foreignKeys} on each side naming its own column (a table defined by convention would have two
   * columns of one name: {@code secondary-self}).
   */
  static final class Follows {
    @Table("m2m_user")
    public static class User extends Model {
      @Id public Integer id;

      @Relationship(
          secondary = "m2m_follow",
          foreignKeys = "followerId",
          backPopulates = "followers")
      public final Many<User> following = many();

      @Relationship(
          secondary = "m2m_follow",
          foreignKeys = "followedId",
          backPopulates = "following")
      public final Many<User> followers = many();
    }

    @Table("m2m_follow")
    public static class Follow extends Model {
      @Id
      @ForeignKey("m2m_user.id")
      public Integer followerId;

      @Id
      @ForeignKey("m2m_user.id")
      public Integer followedId;
    }
  }

  /** Following is mirrored as a follower, a user may follow itself, and unfollowing is mirrored. */
  @Test
  void self_referential_many_to_many_through_a_mapped_table() {
    Registry.of(Follows.User.class, Follows.Follow.class);
    Follows.User ann = new Follows.User();
    Follows.User bob = new Follows.User();
    Follows.User cat = new Follows.User();

    ann.following.add(bob);
    cat.following.add(bob);
    bob.followers.add(ann); // already there
    bob.following.add(ann);
    assertThat(bob.followers).containsExactly(ann, cat);
    assertThat(ann.followers).containsExactly(bob);
    assertThat(ann.following).containsExactly(bob);

    ann.following.add(ann);
    assertThat(ann.followers).containsExactly(bob, ann);

    bob.followers.clear();
    assertThat(ann.following).containsExactly(ann);
    assertThat(cat.following).isEmpty();
    assertThat(bob.following).containsExactly(ann);
  }

  // ---- the association-object pattern ---------------------------------------------------------

  /**
   * The association-object pattern: {@code Enrollment} maps the association table, keyed by its two
   * foreign keys (a composite primary key), with a many-to-one to each side. Each side is an
   * ordinary one-to-many pair.
   */
  static final class Enrollments {
    @Table("m2m_student")
    public static class Student extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "student")
      public final Many<Enrollment> enrollments = many();
    }

    @Table("m2m_course")
    public static class Course extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "course")
      public final Many<Enrollment> enrollments = many();
    }

    @Table("m2m_enrollment")
    public static class Enrollment extends Model {
      @Id
      @ForeignKey("m2m_student.id")
      public Integer studentId;

      @Id
      @ForeignKey("m2m_course.id")
      public Integer courseId;

      public String grade;

      @Relationship(backPopulates = "enrollments")
      public final One<Student> student = one();

      @Relationship(backPopulates = "enrollments")
      public final One<Course> course = one();
    }
  }

  /** An enrollment joins one student and one course; moving it moves it out of the old list. */
  @Test
  void an_association_object_with_a_composite_key_syncs_both_of_its_pairs() {
    Registry models = Registry.of(Enrollments.Student.class);
    assertThat(RegistryInternals.metadata(models).model(Enrollments.Enrollment.class).keyColumns())
        .hasSize(2);
    Enrollments.Student ann = new Enrollments.Student();
    Enrollments.Student bob = new Enrollments.Student();
    Enrollments.Course math = new Enrollments.Course();
    Enrollments.Enrollment e = new Enrollments.Enrollment();

    e.student.set(ann);
    math.enrollments.add(e);
    assertThat(ann.enrollments).containsExactly(e);
    assertThat(e.course.get()).isSameAs(math);

    bob.enrollments.add(e);
    assertThat(ann.enrollments).isEmpty();
    assertThat(e.student.get()).isSameAs(bob);
    assertThat(math.enrollments).containsExactly(e);

    e.course.set(null);
    assertThat(math.enrollments).isEmpty();
  }
}
