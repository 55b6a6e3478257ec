package dev.tether.session;

import static dev.tether.testing.SqlText.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.Session;
import dev.tether.fixtures.Enrollments;
import dev.tether.fixtures.Enrollments.Course;
import dev.tether.fixtures.Enrollments.Enrollment;
import dev.tether.fixtures.Enrollments.Student;
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
 * The association-object pattern persisted on every database: {@code Enrollment} keyed by its two
 * foreign keys (a composite primary key) with a grade of its own. Keys are copied from both
 * many-to-one sides at insert; both navigations load; {@code session.get(Enrollment.class, sid,
 * cid)} finds a row by both parts; UPDATE and DELETE name both key columns.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class AssociationObjectPersistenceTest {
  static final String LAZY = "SELECT t0.student_id, t0.course_id, t0.grade FROM enr_enrollment t0";
  // a get renders like every other load of rows (one SELECT renderer)
  static final String BY_KEY = LAZY + " WHERE t0.student_id = ? AND t0.course_id = ?";
  static final String OF_STUDENT =
      LAZY + " WHERE t0.student_id = ? ORDER BY t0.student_id, t0.course_id";
  static final String OF_COURSE =
      LAZY + " WHERE t0.course_id = ? ORDER BY t0.student_id, t0.course_id";

  @Parameter TestDatabase target;
  Database db;
  final StatementRecorder sql = new StatementRecorder();

  @BeforeEach
  void open() {
    db = target.open(Enrollments.registry());
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void assertSql(Runnable action, String... expected) {
    assertThat(plain(sql.record(action))).containsExactly(expected);
  }

  /** Ann in math (A) and art; Bob in math. Returns {ann, bob, math, art}. */
  private Object[] school() {
    Student ann = new Student("ann");
    Student bob = new Student("bob");
    Course math = new Course("math");
    Course art = new Course("art");
    new Enrollment(ann, math).grade = "A";
    new Enrollment(ann, art);
    new Enrollment(bob, math);
    try (Session s = db.session()) {
      s.addAll(List.of(ann, bob));
      s.commit();
    }
    return new Object[] {ann, bob, math, art};
  }

  /** Both endpoints first, then the enrollments with both key parts copied from them. */
  @Test
  void enrollmentsInsertAfterBothEndpointsWithTheirKeys() {
    Student ann = new Student("ann");
    Course math = new Course("math");
    Course art = new Course("art");
    Enrollment e1 = new Enrollment(ann, math);
    Enrollment e2 = new Enrollment(ann, art);
    e1.grade = "A";
    assertThat(ann.enrollments).containsExactly(e1, e2);
    assertThat(math.enrollments).containsExactly(e1);
    try (Session s = db.session()) {
      s.add(ann);
      assertThat(s.contains(math) && s.contains(art) && s.contains(e2)).isTrue();
      assertSql(
          s::commit,
          "INSERT INTO enr_student (name) VALUES (?) RETURNING id",
          "INSERT INTO enr_course (title) VALUES (?), (?) RETURNING id",
          "INSERT INTO enr_enrollment (student_id, course_id, grade) VALUES (?, ?, ?), (?, ?, ?)");
    }
    assertThat(e1.studentId).isEqualTo(ann.id).isNotNull();
    assertThat(e1.courseId).isEqualTo(math.id).isNotNull();
    assertThat(e2.courseId).isEqualTo(art.id).isNotNull();
  }

  /** session.get by both key parts: one SELECT naming both, then the identity map. */
  @Test
  void getByCompositeKey() {
    Object[] school = school();
    Student ann = (Student) school[0];
    Course math = (Course) school[2];
    Course art = (Course) school[3];
    try (Session s = db.session()) {
      Enrollment[] e = new Enrollment[1];
      assertSql(() -> e[0] = s.get(Enrollment.class, ann.id, math.id), BY_KEY);
      assertThat(e[0].grade).isEqualTo("A");
      assertThat(e[0].studentId).isEqualTo(ann.id);
      assertThat(e[0].courseId).isEqualTo(math.id);
      assertSql(() -> assertThat(s.get(Enrollment.class, ann.id, math.id)).isSameAs(e[0]));
      assertSql(
          () ->
              assertThat(s.get(Enrollment.class, Long.valueOf(ann.id), Long.valueOf(math.id)))
                  .isSameAs(e[0]));
      assertSql(() -> assertThat(s.get(Enrollment.class, List.of(ann.id, math.id))).isSameAs(e[0]));
      assertThat(s.get(Enrollment.class, math.id, ann.id + 100)).isNull();
      assertThat(s.get(Enrollment.class, ann.id, art.id).grade).isNull();
    }
  }

  /** A composite key given with the wrong number of parts is refused before any SQL. */
  @Test
  void getWithPartOfACompositeKeyIsRefused() {
    try (Session s = db.session()) {
      assertThatThrownBy(() -> sql.assertNoStatements(() -> s.get(Enrollment.class, 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("studentId, courseId")
          .hasMessageContaining("session.get(Enrollment.class, studentId, courseId)");
      assertThatThrownBy(() -> s.get(Enrollment.class, 1, 2, 3))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(sql.count()).isZero();
    }
  }

  /** From the student to its courses and from a course to its students, lazily, each one SELECT. */
  @Test
  void bothNavigationsLoad() {
    Object[] school = school();
    Student ann = (Student) school[0];
    Course math = (Course) school[2];
    try (Session s = db.session()) {
      s.setBatchLazyLoads(false); // this test is about one lazy load per object
      Student a = s.get(Student.class, ann.id);
      assertSql(() -> assertThat(a.enrollments).hasSize(2), OF_STUDENT);
      Enrollment first = a.enrollments.get(0);
      assertSql(() -> assertThat(first.student.get()).isSameAs(a));
      assertSql(
          () -> assertThat(first.course.get().title).isEqualTo("math"),
          "SELECT t0.id, t0.title FROM enr_course t0 WHERE t0.id = ?");
      Course m = first.course.get();
      assertSql(
          () ->
              assertThat(m.enrollments.stream().map(e -> e.student.get().name).toList())
                  .containsExactly("ann", "bob"),
          OF_COURSE,
          "SELECT t0.id, t0.name FROM enr_student t0 WHERE t0.id = ?");
      assertThat(m.enrollments.get(0)).isSameAs(first);
      assertThat(s.get(Enrollment.class, ann.id, math.id)).isSameAs(first);
      assertThat(a.enrollments.stream().map(e -> e.course.get().title).toList())
          .containsExactly("math", "art");
    }
  }

  /** A grade change is one UPDATE whose WHERE names both key columns. */
  @Test
  void updatingTheGradeNamesBothKeyColumns() {
    Object[] school = school();
    Student ann = (Student) school[0];
    Course art = (Course) school[3];
    try (Session s = db.session()) {
      Enrollment e = s.get(Enrollment.class, ann.id, art.id);
      e.grade = "B";
      assertSql(
          s::flush, "UPDATE enr_enrollment SET grade = ? WHERE student_id = ? AND course_id = ?");
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.get(Enrollment.class, ann.id, art.id).grade).isEqualTo("B");
      assertThat(s.get(Enrollment.class, ((Student) school[1]).id, art.id)).isNull();
      assertThat(
              s.get(Student.class, ((Student) school[1]).id).enrollments.stream()
                  .map(x -> x.grade)
                  .toList())
          .containsOnlyNulls();
    }
  }

  /**
   * Deleting an enrollment: one DELETE naming both key columns, and it leaves both loaded
   * collections (improvement 6).
   */
  @Test
  void deletingAnEnrollment() {
    Object[] school = school();
    Student ann = (Student) school[0];
    Course math = (Course) school[2];
    try (Session s = db.session()) {
      Student a = s.get(Student.class, ann.id);
      Course m = s.get(Course.class, math.id);
      assertThat(a.enrollments).hasSize(2);
      assertThat(m.enrollments).hasSize(2);
      Enrollment e = s.get(Enrollment.class, ann.id, math.id);
      assertThat(a.enrollments).contains(e);
      s.delete(e);
      assertSql(s::flush, "DELETE FROM enr_enrollment WHERE student_id = ? AND course_id = ?");
      assertThat(a.enrollments).extracting(x -> x.course.get().title).containsExactly("art");
      assertThat(m.enrollments).extracting(x -> x.student.get().name).containsExactly("bob");
      assertThat(s.get(Enrollment.class, ann.id, math.id)).isNull();
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.get(Enrollment.class, ann.id, math.id)).isNull();
      assertThat(s.get(Course.class, math.id).enrollments).hasSize(1);
    }
  }

  /** Enrolling persistent objects: the new enrollment joins the session, one INSERT. */
  @Test
  void enrollingPersistentObjects() {
    Object[] school = school();
    Student bob = (Student) school[1];
    Course art = (Course) school[3];
    try (Session s = db.session()) {
      Student b = s.get(Student.class, bob.id);
      Course a = s.get(Course.class, art.id);
      Enrollment e = new Enrollment(b, a);
      assertThat(s.contains(e)).isTrue();
      assertThat(b.enrollments.isLoaded()).isFalse();
      e.grade = "C";
      assertSql(
          s::flush, "INSERT INTO enr_enrollment (student_id, course_id, grade) VALUES (?, ?, ?)");
      assertThat(s.get(Enrollment.class, bob.id, art.id)).isSameAs(e);
      assertThat(b.enrollments).hasSize(2).contains(e);
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.get(Enrollment.class, bob.id, art.id).grade).isEqualTo("C");
    }
  }
}
