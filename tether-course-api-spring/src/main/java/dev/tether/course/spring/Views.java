package dev.tether.course.spring;

import dev.tether.course.Assignment;
import dev.tether.course.Course;
import dev.tether.course.User;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The responses {@link dev.tether.jackson.TetherModule}'s rules cannot write in the course's
 * shapes, as records built inside the transaction: a course lists a user who is both student and
 * instructor in both arrays (the module writes an object once per document, then its key), and a
 * user's {@code "courses"} merges two relationships ({@code courses} and {@code teaching}).
 */
final class Views {
  private Views() {}

  /** {@code {"courses": [...]}}. */
  record Courses(List<CourseView> courses) {}

  /** A course with its assignments, students and instructors. */
  record CourseView(
      int id,
      String code,
      String name,
      List<AssignmentShort> assignments,
      List<UserShort> students,
      List<UserShort> instructors) {
    static CourseView of(Course c) {
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
  record UserView(int id, String name, String netid, List<CourseShort> courses) {
    static UserView of(User u) {
      Set<Course> all = new LinkedHashSet<>(u.courses);
      all.addAll(u.teaching);
      List<CourseShort> courses = new ArrayList<>();
      for (Course c : all) {
        courses.add(new CourseShort(c.id, c.code, c.name));
      }
      return new UserView(u.id, u.name, u.netid, courses);
    }
  }

  /** {@code {"id", "code", "name"}}. */
  record CourseShort(int id, String code, String name) {}

  /** {@code {"id", "name", "netid"}}. */
  record UserShort(int id, String name, String netid) {
    static UserShort of(User u) {
      return new UserShort(u.id, u.name, u.netid);
    }
  }

  /** {@code {"id", "title", "due_date"}}. */
  record AssignmentShort(int id, String title, long dueDate) {
    static AssignmentShort of(Assignment a) {
      return new AssignmentShort(a.id, a.title, a.dueDate);
    }
  }

  /** {@code {"error": message}}. */
  record Error(String error) {}
}
