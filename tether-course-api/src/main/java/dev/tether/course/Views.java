package dev.tether.course;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON the course's API returns (shared with the Spring Boot version, whose mapper also writes
 * {@code dueDate} as {@code due_date}), as records built from loaded models inside the request's
 * transaction (they never touch a session afterwards). Nested objects are the short forms, as the
 * course's {@code simple_serialize()} writes them; the mapper writes {@code dueDate} as {@code
 * due_date}.
 */
public final class Views {
  private Views() {}

  /** {@code {"courses": [...]}}. */
  public record Courses(List<CourseView> courses) {}

  /** A course with its assignments, students and instructors. */
  public record CourseView(
      int id,
      String code,
      String name,
      List<AssignmentShort> assignments,
      List<UserShort> students,
      List<UserShort> instructors) {
    public static CourseView of(Course c) {
      return new CourseView(
          c.id,
          c.code,
          c.name,
          c.assignments.stream().map(AssignmentShort::of).toList(),
          c.students.stream().map(UserShort::of).toList(),
          c.instructors.stream().map(UserShort::of).toList());
    }
  }

  /** A user with every course they take or teach (taken first, each once). */
  public record UserView(int id, String name, String netid, List<CourseShort> courses) {
    public static UserView of(User u) {
      Set<Course> all = new LinkedHashSet<>(u.courses);
      all.addAll(u.teaching);
      List<CourseShort> courses = new ArrayList<>();
      for (Course c : all) {
        courses.add(CourseShort.of(c));
      }
      return new UserView(u.id, u.name, u.netid, courses);
    }
  }

  /** An assignment with its course. */
  public record AssignmentView(int id, String title, long dueDate, CourseShort course) {
    public static AssignmentView of(Assignment a) {
      return new AssignmentView(a.id, a.title, a.dueDate, CourseShort.of(a.course.get()));
    }
  }

  /** {@code {"id", "code", "name"}}. */
  public record CourseShort(int id, String code, String name) {
    public static CourseShort of(Course c) {
      return new CourseShort(c.id, c.code, c.name);
    }
  }

  /** {@code {"id", "name", "netid"}}. */
  public record UserShort(int id, String name, String netid) {
    public static UserShort of(User u) {
      return new UserShort(u.id, u.name, u.netid);
    }
  }

  /** {@code {"id", "title", "due_date"}}. */
  public record AssignmentShort(int id, String title, long dueDate) {
    public static AssignmentShort of(Assignment a) {
      return new AssignmentShort(a.id, a.title, a.dueDate);
    }
  }

  /** {@code {"error": message}}. */
  public record Error(String error) {}
}
