package dev.tether.course.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The course's API on Spring Boot end to end, with the Javalin server's expectations ({@code
 * tether-course-api}'s {@code CourseApiTest}: the same bodies and statement counts). One subclass
 * per database.
 */
abstract class CourseApiContract extends BootApiTest {
  @Test
  void theCourseWalkThrough() {
    http.post("/api/courses/", "{\"code\": \"CS1998\", \"name\": \"Intro to Backend\"}")
        .is(
            201,
            """
            {"id": 1, "code": "CS1998", "name": "Intro to Backend",
             "assignments": [], "students": [], "instructors": []}""")
        .statements(1);
    http.post("/api/courses/", "{\"code\": \"CS2110\", \"name\": \"OOP\"}").statements(1);
    http.post("/api/users/", "{\"name\": \"Ann\", \"netid\": \"a1\"}")
        .is(201, "{\"id\": 1, \"name\": \"Ann\", \"netid\": \"a1\", \"courses\": []}")
        .statements(1);
    http.post("/api/users/", "{\"name\": \"Bob\", \"netid\": \"b2\"}").statements(1);

    // the course with its three collections (4 SELECTs), the user (1), one INSERT
    http.post("/api/courses/1/add/", "{\"user_id\": 1, \"type\": \"student\"}")
        .is(
            200,
            """
            {"id": 1, "code": "CS1998", "name": "Intro to Backend", "assignments": [],
             "students": [{"id": 1, "name": "Ann", "netid": "a1"}], "instructors": []}""")
        .statements(6);
    http.post("/api/courses/1/add/", "{\"user_id\": 2, \"type\": \"instructor\"}").statements(6);
    http.post("/api/courses/2/add/", "{\"user_id\": 2, \"type\": \"student\"}").statements(6);
    // Bob came with the course (an instructor): session.get finds him in the identity map
    http.post("/api/courses/1/add/", "{\"user_id\": 2, \"type\": \"student\"}").statements(5);
    // adding a member again changes nothing (a Many is an ordered set): no INSERT either
    http.post("/api/courses/1/add/", "{\"user_id\": 1, \"type\": \"student\"}").statements(4);

    // the course (1), one INSERT
    http.post("/api/courses/1/assignment/", "{\"title\": \"PA1\", \"due_date\": 1553354209}")
        .is(
            201,
            """
            {"id": 1, "title": "PA1", "due_date": 1553354209,
             "course": {"id": 1, "code": "CS1998", "name": "Intro to Backend"}}""")
        .statements(2);
    http.post("/api/courses/1/assignment/", "{\"title\": \"PA2\", \"due_date\": 1554354209}")
        .statements(2);

    String course1 =
        """
        {"id": 1, "code": "CS1998", "name": "Intro to Backend",
         "assignments": [{"id": 1, "title": "PA1", "due_date": 1553354209},
                         {"id": 2, "title": "PA2", "due_date": 1554354209}],
         "students": [{"id": 1, "name": "Ann", "netid": "a1"},
                      {"id": 2, "name": "Bob", "netid": "b2"}],
         "instructors": [{"id": 2, "name": "Bob", "netid": "b2"}]}""";
    String course2 =
        """
        {"id": 2, "code": "CS2110", "name": "OOP", "assignments": [],
         "students": [{"id": 2, "name": "Bob", "netid": "b2"}], "instructors": []}""";
    // the course, then one selectin query per collection
    http.get("/api/courses/1/").is(200, course1).statements(4);
    // as many statements for two courses as for one
    http.get("/api/courses/").is(200, "{\"courses\": [" + course1 + ", " + course2 + "]}");
    assertThat(sql.count()).isEqualTo(4);

    // Bob takes both courses and teaches CS1998: listed once, taken ones first
    http.get("/api/users/2/")
        .is(
            200,
            """
            {"id": 2, "name": "Bob", "netid": "b2",
             "courses": [{"id": 1, "code": "CS1998", "name": "Intro to Backend"},
                         {"id": 2, "code": "CS2110", "name": "OOP"}]}""")
        .statements(3);

    // loads it as GET does (4), then the assignments, both association tables' rows, the course
    var deleted = http.delete("/api/courses/1/").is(200, course1).statements(8);
    assertThat(deleted.statements().get(deleted.statements().size() - 1))
        .startsWith("DELETE FROM " + quote("course"));
    http.get("/api/courses/1/").is(404, "{\"error\": \"course 1 not found\"}");
    http.get("/api/users/2/")
        .is(
            200,
            """
            {"id": 2, "name": "Bob", "netid": "b2",
             "courses": [{"id": 2, "code": "CS2110", "name": "OOP"}]}""");
    http.get("/api/courses/").is(200, "{\"courses\": [" + course2 + "]}");
  }

  /** {@code curl -d '{...}'} says the body is a form: it is read as the JSON it is all the same. */
  @Test
  void aJsonBodySentAsAFormIsReadAsJson() {
    http.send(
            "POST",
            "/api/courses/",
            "{\"code\": \"CS1998\", \"name\": \"Intro & more\"}",
            null,
            "application/x-www-form-urlencoded")
        .is(
            201,
            """
            {"id": 1, "code": "CS1998", "name": "Intro & more",
             "assignments": [], "students": [], "instructors": []}""")
        .statements(1);
  }

  @Test
  void anEmptyListCostsOneStatement() {
    http.get("/api/courses/").is(200, "{\"courses\": []}").statements(1);
  }

  @Test
  void badBodiesAre400sNamingTheFieldAndSendNoSql() {
    http.post("/api/courses/", "{\"code\": \"CS1998\"}")
        .is(400, "{\"error\": \"missing field 'name'\"}")
        .statements(0);
    http.post("/api/courses/", "{\"code\": 1998, \"name\": \"Intro\"}")
        .is(400, "{\"error\": \"field 'code' must be a non-empty string\"}")
        .statements(0);
    var malformed = http.post("/api/courses/", "{\"code\": \"CS1998\", ").statements(0);
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body().get("error").asString()).startsWith("malformed JSON: Unexpected");
    assertThat(malformed.body().propertyNames()).containsExactly("error");
    http.post("/api/courses/", "[1, 2]")
        .is(400, "{\"error\": \"the body must be a JSON object\"}")
        .statements(0);
    http.post("/api/users/", "{\"name\": \"Ann\", \"netid\": null}")
        .is(400, "{\"error\": \"missing field 'netid'\"}")
        .statements(0);
    http.post("/api/courses/1/add/", "{\"user_id\": \"1\", \"type\": \"student\"}")
        .is(400, "{\"error\": \"field 'user_id' must be an integer\"}")
        .statements(0);
    http.post("/api/courses/1/add/", "{\"user_id\": 1, \"type\": \"ta\"}")
        .is(
            400,
            "{\"error\": \"field 'type' must be \\\"student\\\" or \\\"instructor\\\", not"
                + " \\\"ta\\\"\"}")
        .statements(0);
    http.post("/api/courses/1/assignment/", "{\"title\": \"PA1\", \"due_date\": 1.5}")
        .is(400, "{\"error\": \"field 'due_date' must be an integer\"}")
        .statements(0);
    http.post("/api/courses/1/assignment/", "{\"due_date\": 1}")
        .is(400, "{\"error\": \"missing field 'title'\"}")
        .statements(0);
    http.get("/api/courses/").is(200, "{\"courses\": []}");
  }

  @Test
  void unknownIdsAre404sAndWriteNothing() {
    http.post("/api/courses/", "{\"code\": \"CS1998\", \"name\": \"Intro\"}");
    http.post("/api/users/", "{\"name\": \"Ann\", \"netid\": \"a1\"}");
    http.get("/api/courses/7/").is(404, "{\"error\": \"course 7 not found\"}").statements(1);
    http.get("/api/courses/x/").is(404, "{\"error\": \"course x not found\"}").statements(0);
    http.delete("/api/courses/7/").is(404, "{\"error\": \"course 7 not found\"}");
    http.get("/api/users/7/").is(404, "{\"error\": \"user 7 not found\"}").statements(1);
    http.post("/api/courses/7/add/", "{\"user_id\": 1, \"type\": \"student\"}")
        .is(404, "{\"error\": \"course 7 not found\"}");
    http.post("/api/courses/1/add/", "{\"user_id\": 7, \"type\": \"student\"}")
        .is(404, "{\"error\": \"user 7 not found\"}");
    http.post("/api/courses/1/add/", "{\"user_id\": 4294967297, \"type\": \"student\"}")
        .is(404, "{\"error\": \"user 4294967297 not found\"}")
        .statements(4); // the course; no id that large (it is user 1 cut to 32 bits)
    http.post("/api/courses/7/assignment/", "{\"title\": \"PA1\", \"due_date\": 1}")
        .is(404, "{\"error\": \"course 7 not found\"}")
        .statements(1);
    http.get("/api/nowhere/").is(404, "{\"error\": \"no endpoint GET /api/nowhere/\"}");
    http.get("/api/users/1/")
        .is(200, "{\"id\": 1, \"name\": \"Ann\", \"netid\": \"a1\", \"courses\": []}");
    http.get("/api/courses/")
        .is(
            200,
            """
            {"courses": [{"id": 1, "code": "CS1998", "name": "Intro",
                          "assignments": [], "students": [], "instructors": []}]}""");
  }
}
