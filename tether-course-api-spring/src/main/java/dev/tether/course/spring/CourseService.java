package dev.tether.course.spring;

import dev.tether.Session;
import dev.tether.course.ApiError;
import dev.tether.course.Assignment;
import dev.tether.course.Course;
import dev.tether.course.Course_;
import dev.tether.course.User;
import dev.tether.course.User_;
import dev.tether.course.Views.CourseView;
import dev.tether.course.Views.Courses;
import dev.tether.course.Views.UserView;
import dev.tether.query.Load;
import dev.tether.query.Select;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The course's operations, each one Spring transaction: the injected {@link Session} is the current
 * transaction's (the starter's proxy), flushed before Spring commits and rolled back with it, so a
 * request that fails with an {@link ApiError} writes nothing. Every response is loaded with {@code
 * selectin}, a bounded number of statements whatever the data, as in the Javalin server.
 */
@Service
public class CourseService {
  private final Session session;

  CourseService(Session session) {
    this.session = session;
  }

  /** Every course with its three collections: 4 statements (1 with no courses). */
  @Transactional(readOnly = true)
  public Courses courses() {
    return new Courses(
        withEverything(session.select(Course.class)).orderBy(Course_.id.asc()).list().stream()
            .map(CourseView::of)
            .toList());
  }

  /** The course, then one {@code selectin} query per collection. */
  @Transactional(readOnly = true)
  public CourseView course(int id) {
    return CourseView.of(loadCourse(id));
  }

  /**
   * A new course, returned as the model for {@code TetherModule}: its three collections are known
   * empty (no SQL) and stay loaded after the commit, so they are written as {@code []}.
   */
  @Transactional
  public Course createCourse(String code, String name) {
    session.setExpireOnCommit(false); // the response is written after Spring's commit
    Course course = new Course(code, name);
    session.add(course);
    session.flush(); // the id
    return course;
  }

  /** Deletes the course with its assignments and its rows in both association tables. */
  @Transactional
  public CourseView delete(int id) {
    Course course = loadCourse(id);
    CourseView deleted = CourseView.of(course);
    session.delete(course);
    return deleted;
  }

  /** A new user. */
  @Transactional
  public UserView createUser(String name, String netid) {
    User user = new User(name, netid);
    session.add(user);
    session.flush();
    return UserView.of(user);
  }

  /** The user with the courses taken and taught: 3 statements. */
  @Transactional(readOnly = true)
  public UserView user(int id) {
    User user =
        session
            .select(User.class)
            .where(User_.id.eq(id))
            .options(Load.selectin(User_.courses), Load.selectin(User_.teaching))
            .optional()
            .orElseThrow(() -> ApiError.notFound("user " + id));
    return UserView.of(user);
  }

  /** {@code course.students.add(user)}: {@code user.courses} has the course before any SQL. */
  @Transactional
  public CourseView addUser(int courseId, long userId, boolean student) {
    Course course = loadCourse(courseId);
    User user = userId == (int) userId ? session.get(User.class, (int) userId) : null;
    if (user == null) {
      throw ApiError.notFound("user " + userId);
    }
    (student ? course.students : course.instructors).add(user);
    return CourseView.of(course); // written at commit: one INSERT into the pair's table
  }

  /**
   * A new assignment of the course, returned as the model for {@code TetherModule}: its {@code
   * course} is loaded, the course's collections are not (left out), and writing loads nothing.
   */
  @Transactional
  public Assignment assign(int courseId, String title, long due) {
    session.setExpireOnCommit(false); // keeps assignment.course loaded for the response
    Course course = session.get(Course.class, courseId);
    if (course == null) {
      throw ApiError.notFound("course " + courseId);
    }
    Assignment assignment = new Assignment(title, due);
    assignment.course.set(course); // course.assignments gains it (queued, not loaded)
    session.add(assignment);
    session.flush();
    return assignment;
  }

  private Course loadCourse(int id) {
    return withEverything(session.select(Course.class).where(Course_.id.eq(id)))
        .optional()
        .orElseThrow(() -> ApiError.notFound("course " + id));
  }

  /** A course's response needs its three collections: one IN query each, whatever the count. */
  private static Select<Course> withEverything(Select<Course> select) {
    return select.options(
        Load.selectin(Course_.assignments),
        Load.selectin(Course_.students),
        Load.selectin(Course_.instructors));
  }
}
