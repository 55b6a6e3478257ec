package dev.tether.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Many;
import dev.tether.One;
import dev.tether.Registry;
import dev.tether.jackson.School.Assignment;
import dev.tether.jackson.School.Course;
import dev.tether.jackson.School.Member;
import dev.tether.jackson.School.Node;
import dev.tether.jackson.School.Student;
import dev.tether.jackson.School.Team;
import dev.tether.jackson.TetherModule.Reference;
import dev.tether.jackson.TetherModule.Reverse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The writing rules on transient graphs built in memory (no database): two-way sync makes both
 * sides of each pair loaded, so every rule about pairs shows without SQL. Each test asserts the
 * whole document.
 */
class WriteGraphTest {
  static final Registry MODELS = School.registry();
  final JsonMapper json = JsonMapper.builder().addModule(TetherModule.of(MODELS)).build();

  /** Course 3 with students 1 and 2 and assignment 10, linked from either side. */
  static Course course() {
    Course c = new Course(3, "CS1998", "Intro");
    c.students.add(new Student(1, "Ann", "a1"));
    c.students.add(new Student(2, "Bob", "b2"));
    Assignment a = new Assignment(10, "HW1", LocalDate.of(2026, 9, 1));
    a.course.set(c); // the other side: c.assignments gains it
    return c;
  }

  @Test
  void reverseSideOfEachPairIsWrittenAsTheKeyOfWhereTheWalkCameFrom() {
    assertThat(json.writeValueAsString(course()))
        .isEqualTo(
            "{\"id\":3,\"code\":\"CS1998\",\"name\":\"Intro\",\"students\":["
                + "{\"id\":1,\"name\":\"Ann\",\"netid\":\"a1\",\"courses\":[3]},"
                + "{\"id\":2,\"name\":\"Bob\",\"netid\":\"b2\",\"courses\":[3]}],"
                + "\"assignments\":[{\"id\":10,\"title\":\"HW1\",\"dueDate\":\"2026-09-01\","
                + "\"courseId\":null,\"course\":3}]}");
  }

  @Test
  void manyToOneRootWritesItsTargetInFullAndThatTargetsCollectionAsKeys() {
    Course c = course();
    Assignment a = c.assignments.get(0);
    new Assignment(11, "HW2", null).course.set(c);
    assertThat(json.writeValueAsString(a))
        .isEqualTo(
            "{\"id\":10,\"title\":\"HW1\",\"dueDate\":\"2026-09-01\",\"courseId\":null,"
                + "\"course\":{\"id\":3,\"code\":\"CS1998\",\"name\":\"Intro\",\"students\":["
                + "{\"id\":1,\"name\":\"Ann\",\"netid\":\"a1\",\"courses\":[3]},"
                + "{\"id\":2,\"name\":\"Bob\",\"netid\":\"b2\",\"courses\":[3]}],"
                + "\"assignments\":[10,11]}}");
  }

  @Test
  void anObjectMetAgainInTheSameDocumentIsWrittenAsItsKey() {
    Course c1 = new Course(3, "CS1998", "Intro");
    Course c2 = new Course(4, "CS2110", "OOP");
    Student ann = new Student(1, "Ann", "a1");
    c1.students.add(ann);
    c2.students.add(ann);
    assertThat(json.writeValueAsString(Map.of("courses", List.of(c1, c2))))
        .isEqualTo(
            "{\"courses\":["
                + "{\"id\":3,\"code\":\"CS1998\",\"name\":\"Intro\",\"students\":["
                + "{\"id\":1,\"name\":\"Ann\",\"netid\":\"a1\",\"courses\":[3,4]}],"
                + "\"assignments\":[]},"
                + "{\"id\":4,\"code\":\"CS2110\",\"name\":\"OOP\",\"students\":[1],"
                + "\"assignments\":[]}]}");
    // a new document starts afresh
    assertThat(json.writeValueAsString(c2)).contains("\"students\":[{\"id\":1,");
  }

  @Test
  void optionsOmitTheReverseSideOrWriteReferencesAsObjects() {
    JsonMapper omit =
        JsonMapper.builder()
            .addModule(TetherModule.builder(MODELS).reverse(Reverse.OMIT).build())
            .build();
    assertThat(omit.writeValueAsString(course()))
        .isEqualTo(
            "{\"id\":3,\"code\":\"CS1998\",\"name\":\"Intro\",\"students\":["
                + "{\"id\":1,\"name\":\"Ann\",\"netid\":\"a1\"},"
                + "{\"id\":2,\"name\":\"Bob\",\"netid\":\"b2\"}],"
                + "\"assignments\":[{\"id\":10,\"title\":\"HW1\",\"dueDate\":\"2026-09-01\","
                + "\"courseId\":null}]}");
    JsonMapper objects =
        JsonMapper.builder()
            .addModule(TetherModule.builder(MODELS).reference(Reference.OBJECT).build())
            .build();
    assertThat(objects.writeValueAsString(course().assignments.get(0)))
        .isEqualTo(
            "{\"id\":10,\"title\":\"HW1\",\"dueDate\":\"2026-09-01\",\"courseId\":null,"
                + "\"course\":{\"id\":3,\"code\":\"CS1998\",\"name\":\"Intro\",\"students\":["
                + "{\"id\":1,\"name\":\"Ann\",\"netid\":\"a1\",\"courses\":[{\"id\":3}]},"
                + "{\"id\":2,\"name\":\"Bob\",\"netid\":\"b2\",\"courses\":[{\"id\":3}]}],"
                + "\"assignments\":[{\"id\":10}]}}");
  }

  @Test
  void aOneOrManyOnItsOwnIsWrittenAsItsRelationshipWouldBe() {
    Course c = course();
    // the members are entered through Course.students: their side of the pair is a reference
    assertThat(json.writeValueAsString(Map.of("students", c.students)))
        .isEqualTo(
            "{\"students\":[{\"id\":1,\"name\":\"Ann\",\"netid\":\"a1\",\"courses\":[3]},"
                + "{\"id\":2,\"name\":\"Bob\",\"netid\":\"b2\",\"courses\":[3]}]}");
    assertThat(json.writeValueAsString(c.assignments.get(0).course))
        .isEqualTo(
            "{\"id\":3,\"code\":\"CS1998\",\"name\":\"Intro\",\"students\":["
                + "{\"id\":1,\"name\":\"Ann\",\"netid\":\"a1\",\"courses\":[3]},"
                + "{\"id\":2,\"name\":\"Bob\",\"netid\":\"b2\",\"courses\":[3]}],"
                + "\"assignments\":[10]}");
    assertThat(json.writeValueAsString(new Assignment().course)).isEqualTo("null");
    assertThat(json.writeValueAsString(new Course().students)).isEqualTo("[]");
  }

  @Test
  void foreignKeyFieldsCanBeLeftToTheRelationship() {
    JsonMapper noKeys =
        JsonMapper.builder()
            .addModule(TetherModule.builder(MODELS).foreignKeys(false).build())
            .build();
    Course c = course();
    c.assignments.get(0).courseId = 3;
    assertThat(noKeys.writeValueAsString(c.assignments.get(0)))
        .isEqualTo(
            "{\"id\":10,\"title\":\"HW1\",\"dueDate\":\"2026-09-01\","
                + "\"course\":{\"id\":3,\"code\":\"CS1998\",\"name\":\"Intro\",\"students\":["
                + "{\"id\":1,\"name\":\"Ann\",\"netid\":\"a1\",\"courses\":[3]},"
                + "{\"id\":2,\"name\":\"Bob\",\"netid\":\"b2\",\"courses\":[3]}],"
                + "\"assignments\":[10]}}");
    Node leaf = new Node(4, "leaf");
    leaf.parentId = 1;
    assertThat(noKeys.writeValueAsString(leaf))
        .isEqualTo("{\"id\":4,\"name\":\"leaf\",\"parent\":null,\"children\":[]}");
  }

  @Test
  void propertyNamesFollowTheMappersNamingStrategy() {
    JsonMapper snake =
        JsonMapper.builder()
            .addModule(TetherModule.of(MODELS))
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    Assignment a = new Assignment(10, "HW1", LocalDate.of(2026, 9, 1));
    a.courseId = 3;
    assertThat(snake.writeValueAsString(a))
        .isEqualTo(
            "{\"id\":10,\"title\":\"HW1\",\"due_date\":\"2026-09-01\",\"course_id\":3,"
                + "\"course\":null}");
  }

  @Test
  void selfReferentialTreeRecursesDownAndReferencesUp() {
    Node root = new Node(1, "root");
    Node a = new Node(2, "a");
    Node b = new Node(3, "b");
    Node leaf = new Node(4, "leaf");
    root.children.addAll(List.of(a, b));
    leaf.parent.set(a);
    assertThat(json.writeValueAsString(root))
        .isEqualTo(
            "{\"id\":1,\"name\":\"root\",\"parentId\":null,\"parent\":null,\"children\":["
                + "{\"id\":2,\"name\":\"a\",\"parentId\":null,\"parent\":1,\"children\":["
                + "{\"id\":4,\"name\":\"leaf\",\"parentId\":null,\"parent\":2,\"children\":[]}]},"
                + "{\"id\":3,\"name\":\"b\",\"parentId\":null,\"parent\":1,\"children\":[]}]}");
    // from a leaf: up in full, and each parent's children as keys
    assertThat(json.writeValueAsString(leaf))
        .isEqualTo(
            "{\"id\":4,\"name\":\"leaf\",\"parentId\":null,\"parent\":"
                + "{\"id\":2,\"name\":\"a\",\"parentId\":null,\"parent\":"
                + "{\"id\":1,\"name\":\"root\",\"parentId\":null,\"parent\":null,"
                + "\"children\":[2,3]},"
                + "\"children\":[4]},\"children\":[]}");
  }

  @Test
  void backrefPairsBehaveLikeBackPopulatesPairs() {
    Team t = new Team(5, "Blue");
    Member m = new Member(7, "Mia");
    One<Team> team = m.related("team");
    team.set(t); // the backref side; t.members follows
    assertThat(json.writeValueAsString(t))
        .isEqualTo(
            "{\"id\":5,\"name\":\"Blue\",\"members\":["
                + "{\"id\":7,\"name\":\"Mia\",\"teamId\":null,\"team\":5}]}");
    Many<Member> members = t.related("members");
    assertThat(members).containsExactly(m);
    assertThat(json.writeValueAsString(m))
        .isEqualTo(
            "{\"id\":7,\"name\":\"Mia\",\"teamId\":null,"
                + "\"team\":{\"id\":5,\"name\":\"Blue\",\"members\":[7]}}");
  }

  @Test
  void anObjectWithoutAKeyIsReferencedAsNull() {
    Course c = new Course(null, "CS1998", "Intro");
    c.students.add(new Student(null, "Ann", "a1"));
    assertThat(json.writeValueAsString(c))
        .isEqualTo(
            "{\"id\":null,\"code\":\"CS1998\",\"name\":\"Intro\",\"students\":["
                + "{\"id\":null,\"name\":\"Ann\",\"netid\":\"a1\",\"courses\":[null]}],"
                + "\"assignments\":[]}");
  }
}
