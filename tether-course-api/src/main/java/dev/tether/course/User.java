package dev.tether.course;

import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.Relationship;
import dev.tether.Table;

/**
 * A user of the course's API: the courses they take ({@code courses}, the other side of {@code
 * Course.students}) and those they teach ({@code teaching}, the other side of {@code
 * Course.instructors}). The API's {@code "courses"} lists both.
 */
@Table("user")
public class User extends Model {
  @Id public Integer id;
  public String name;
  public String netid;

  /** The courses this user takes; {@code course.students.add(user)} adds to it. */
  @Relationship(secondary = "course_student", backPopulates = "students", orderBy = "id")
  public final Many<Course> courses = many();

  /** The courses this user teaches; {@code course.instructors.add(user)} adds to it. */
  @Relationship(secondary = "course_instructor", backPopulates = "instructors", orderBy = "id")
  public final Many<Course> teaching = many();

  /** For Tether, which creates instances when it loads rows. */
  public User() {}

  /** A new user. */
  public User(String name, String netid) {
    this.name = name;
    this.netid = netid;
  }
}
