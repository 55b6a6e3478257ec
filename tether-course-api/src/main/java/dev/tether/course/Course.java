package dev.tether.course;

import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.Relationship;
import dev.tether.Table;

/**
 * A course: its assignments (one-to-many, deleted with it), its students and its instructors (two
 * many-to-many relationships to {@link User}, each paired with one of the user's).
 */
@Table("course")
public class Course extends Model {
  @Id public Integer id;
  public String code;
  public String name;

  /** The course's assignments; an assignment leaves the database with its course. */
  @Relationship(backPopulates = "course", orderBy = "id", cascade = "all, delete-orphan")
  public final Many<Assignment> assignments = many();

  /** Students, through {@code course_student}; {@code user.courses} is the other side. */
  @Relationship(secondary = "course_student", backPopulates = "courses", orderBy = "id")
  public final Many<User> students = many();

  /** Instructors, through {@code course_instructor}; {@code user.teaching} is the other side. */
  @Relationship(secondary = "course_instructor", backPopulates = "teaching", orderBy = "id")
  public final Many<User> instructors = many();

  /** For Tether, which creates instances when it loads rows. */
  public Course() {}

  /** A new course. */
  public Course(String code, String name) {
    this.code = code;
    this.name = name;
  }
}
