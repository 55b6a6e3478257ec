package dev.tether.course;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The relationships the handlers rely on, in memory: both sides of each pair are in step the moment
 * one changes, before any SQL (the course's {@code course.students.append(user)}).
 */
class CourseModelsTest {
  static {
    CourseApi.models(); // configures the pairs
  }

  @Test
  void addingAStudentAddsTheCourseToTheUsersCourses() {
    Course course = new Course("CS1998", "Intro");
    User ann = new User("Ann", "a1");
    course.students.add(ann);
    assertThat(ann.courses).containsExactly(course);
    assertThat(ann.teaching).isEmpty();
    course.instructors.add(ann);
    assertThat(ann.teaching).containsExactly(course);
    course.students.add(ann);
    assertThat(course.students).containsExactly(ann);
  }

  @Test
  void settingAnAssignmentsCourseAddsItToTheCourse() {
    Course course = new Course("CS1998", "Intro");
    Assignment pa1 = new Assignment("PA1", 1553354209L);
    pa1.course.set(course);
    assertThat(course.assignments).containsExactly(pa1);
    course.assignments.remove(pa1);
    assertThat(pa1.course.get()).isNull();
  }
}
