package dev.tether.course.spring;

import dev.tether.course.ApiError;
import dev.tether.course.Assignment;
import dev.tether.course.Body;
import dev.tether.course.Course;
import dev.tether.course.Views.CourseView;
import dev.tether.course.Views.Courses;
import dev.tether.course.Views.UserView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The course's endpoints. Bodies are read into a {@link Body} ({@link BodyArguments}) before any
 * transaction starts, so a bad one is a 400 naming the field and sends no SQL; the work is one
 * {@link CourseService} call.
 */
@RestController
class CourseController {
  private final CourseService courses;

  CourseController(CourseService courses) {
    this.courses = courses;
  }

  @GetMapping("/api/courses/")
  Courses courses() {
    return courses.courses();
  }

  @PostMapping("/api/courses/")
  @ResponseStatus(HttpStatus.CREATED)
  Course createCourse(Body body) {
    return courses.createCourse(body.string("code"), body.string("name"));
  }

  @GetMapping("/api/courses/{id}/")
  CourseView course(@PathVariable String id) {
    return courses.course(id(id, "course"));
  }

  @DeleteMapping("/api/courses/{id}/")
  CourseView delete(@PathVariable String id) {
    return courses.delete(id(id, "course"));
  }

  @PostMapping("/api/users/")
  @ResponseStatus(HttpStatus.CREATED)
  UserView createUser(Body body) {
    return courses.createUser(body.string("name"), body.string("netid"));
  }

  @GetMapping("/api/users/{id}/")
  UserView user(@PathVariable String id) {
    return courses.user(id(id, "user"));
  }

  @PostMapping("/api/courses/{id}/add/")
  CourseView addUser(@PathVariable String id, Body body) {
    long userId = body.integer("user_id");
    String type = body.string("type");
    if (!type.equals("student") && !type.equals("instructor")) {
      throw ApiError.badRequest(
          "field 'type' must be \"student\" or \"instructor\", not \"" + type + "\"");
    }
    return courses.addUser(id(id, "course"), userId, type.equals("student"));
  }

  @PostMapping("/api/courses/{id}/assignment/")
  @ResponseStatus(HttpStatus.CREATED)
  Assignment assign(@PathVariable String id, Body body) {
    String title = body.string("title");
    long due = body.integer("due_date");
    return courses.assign(id(id, "course"), title, due);
  }

  /** The path's {@code {id}}; one that is not a number names no row (404). */
  private static int id(String raw, String what) {
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw ApiError.notFound(what + " " + raw);
    }
  }
}
