package dev.tether.course;

import dev.tether.Database;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.course.Views.AssignmentView;
import dev.tether.course.Views.CourseView;
import dev.tether.course.Views.Courses;
import dev.tether.course.Views.UserView;
import dev.tether.query.Load;
import dev.tether.query.Select;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson3;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The course's API on Tether and Javalin 7 (courses, users, assignments, and the authentication
 * chapter's endpoints in {@link Auth}): one Tether transaction per request ({@link
 * Database#callInTransaction}), so a request that fails writes nothing; every response is loaded
 * with {@code selectin}, a bounded number of statements whatever the data.
 *
 * <pre>{@code
 * Database db = Database.open("jdbc:sqlite:course.db", CourseApi.models());
 * db.createAll();
 * try (CourseApi api = CourseApi.start(db, "127.0.0.1", 8080)) {
 *   System.out.println("listening on " + api.url());
 * }
 * }</pre>
 *
 * <p>The caller owns {@code db}: {@link #close()} stops the server, not the database.
 */
public final class CourseApi implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CourseApi.class);

  private final Database db;
  private final JsonMapper json =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
  private final Javalin app;
  private final StatementCount statements = new StatementCount();

  private CourseApi(Database db, Clock clock) {
    this.db = db;
    Auth auth = new Auth(db, json, clock);
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.jsonMapper(new JavalinJackson3(json, false));
              routes(config.routes);
              auth.routes(config.routes);
            });
  }

  /** The models of the course's API, checked and configured. */
  public static Registry models() {
    return Registry.of(Course.class, User.class, Assignment.class, Account.class);
  }

  /** Serves the API for {@code db} on {@code host}:{@code port} (0: a free port). */
  public static CourseApi start(Database db, String host, int port) {
    return start(db, host, port, Clock.systemUTC());
  }

  /** {@link #start(Database, String, int)} with the clock sessions expire by (tests). */
  static CourseApi start(Database db, String host, int port, Clock clock) {
    CourseApi api = new CourseApi(db, clock);
    db.addStatementListener(api.statements);
    api.app.start(host, port);
    return api;
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** Stops the server; the database stays open. */
  @Override
  public void close() {
    app.stop();
    db.removeStatementListener(statements);
  }

  private void routes(RoutesConfig r) {
    r.before(ctx -> statements.reset());
    r.after(ctx -> ctx.header("X-Statements", Integer.toString(statements.get())));
    r.get("/api/courses/", ctx -> ok(ctx, 200, db.callInTransaction(this::courses)));
    r.post("/api/courses/", ctx -> createCourse(ctx, Body.parse(json, ctx.body())));
    r.get("/api/courses/{id}/", ctx -> ok(ctx, 200, db.callInTransaction(s -> course(s, ctx))));
    r.delete("/api/courses/{id}/", ctx -> ok(ctx, 200, db.callInTransaction(s -> delete(s, ctx))));
    r.post("/api/users/", ctx -> createUser(ctx, Body.parse(json, ctx.body())));
    r.get("/api/users/{id}/", ctx -> ok(ctx, 200, db.callInTransaction(s -> user(s, ctx))));
    r.post("/api/courses/{id}/add/", ctx -> addUser(ctx, Body.parse(json, ctx.body())));
    r.post("/api/courses/{id}/assignment/", ctx -> assign(ctx, Body.parse(json, ctx.body())));
    r.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
    r.exception(
        Exception.class,
        (e, ctx) -> {
          log.error("{} {} failed", ctx.method(), ctx.path(), e);
          error(ctx, 500, "internal error: " + e.getClass().getSimpleName());
        });
    r.error(404, ctx -> notFoundRoute(ctx));
  }

  // ---- courses

  private Courses courses(Session s) {
    return new Courses(
        withEverything(s.select(Course.class)).orderBy(Course_.id.asc()).list().stream()
            .map(CourseView::of)
            .toList());
  }

  private CourseView course(Session s, Context ctx) {
    return CourseView.of(loadCourse(s, ctx));
  }

  private void createCourse(Context ctx, Body body) {
    Course course = new Course(body.string("code"), body.string("name"));
    ok(
        ctx,
        201,
        db.callInTransaction(
            s -> {
              s.add(course);
              s.flush(); // the id; the new course's collections are known empty, no SQL
              return CourseView.of(course);
            }));
  }

  private CourseView delete(Session s, Context ctx) {
    Course course = loadCourse(s, ctx);
    CourseView deleted = CourseView.of(course);
    s.delete(course); // its assignments (cascade) and its rows in both association tables go too
    return deleted;
  }

  // ---- users

  private void createUser(Context ctx, Body body) {
    User user = new User(body.string("name"), body.string("netid"));
    ok(
        ctx,
        201,
        db.callInTransaction(
            s -> {
              s.add(user);
              s.flush();
              return UserView.of(user);
            }));
  }

  private UserView user(Session s, Context ctx) {
    int id = id(ctx, "user");
    User user =
        s.select(User.class)
            .where(User_.id.eq(id))
            .options(Load.selectin(User_.courses), Load.selectin(User_.teaching))
            .optional()
            .orElseThrow(() -> ApiError.notFound("user " + id));
    return UserView.of(user);
  }

  /** {@code course.students.add(user)}: {@code user.courses} has the course before any SQL. */
  private void addUser(Context ctx, Body body) {
    long userId = body.integer("user_id");
    String type = body.string("type");
    if (!type.equals("student") && !type.equals("instructor")) {
      throw ApiError.badRequest(
          "field 'type' must be \"student\" or \"instructor\", not \"" + type + "\"");
    }
    CourseView view =
        db.callInTransaction(
            s -> {
              Course course = loadCourse(s, ctx);
              User user = userId == (int) userId ? s.get(User.class, (int) userId) : null;
              if (user == null) {
                throw ApiError.notFound("user " + userId);
              }
              (type.equals("student") ? course.students : course.instructors).add(user);
              return CourseView.of(course); // written at commit: one INSERT into the pair's table
            });
    ok(ctx, 200, view);
  }

  private void assign(Context ctx, Body body) {
    String title = body.string("title");
    long due = body.integer("due_date");
    AssignmentView view =
        db.callInTransaction(
            s -> {
              int id = id(ctx, "course");
              Course course = s.get(Course.class, id);
              if (course == null) {
                throw ApiError.notFound("course " + id);
              }
              Assignment assignment = new Assignment(title, due);
              assignment.course.set(course); // course.assignments gains it (queued, not loaded)
              s.add(assignment);
              s.flush();
              return AssignmentView.of(assignment);
            });
    ok(ctx, 201, view);
  }

  // ---- shared

  private static Course loadCourse(Session s, Context ctx) {
    int id = id(ctx, "course");
    return withEverything(s.select(Course.class).where(Course_.id.eq(id)))
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

  /** The path's {@code {id}}; one that is not a number names no row (404). */
  private static int id(Context ctx, String what) {
    String raw = ctx.pathParam("id");
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw ApiError.notFound(what + " " + raw);
    }
  }

  private static void ok(Context ctx, int status, Object body) {
    ctx.status(status).json(body);
  }

  private static void error(Context ctx, int status, String message) {
    ctx.status(status).json(new Views.Error(message));
  }

  private static void notFoundRoute(Context ctx) {
    if (ctx.result() == null || !ctx.result().startsWith("{")) {
      error(ctx, 404, "no endpoint " + ctx.method() + " " + ctx.path());
    }
  }
}
