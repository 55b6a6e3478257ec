package dev.tether.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.Session;
import dev.tether.jackson.School.Assignment;
import dev.tether.jackson.School.Course;
import dev.tether.jackson.School.Node;
import dev.tether.jackson.School.Sample;
import dev.tether.jackson.School.Student;
import dev.tether.jackson.TetherModule.Unloaded;
import dev.tether.query.ColumnAttribute;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The module on graphs a session loaded, on every database: the course's school loaded selectin and
 * written as one exact document with no statement, the same after the session closed, unloaded
 * relationships left out (or keys from the foreign key) without a lazy load, a self-referential
 * tree, and JSON read into new models that a session saves and loads back equal.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class JsonOnDatabaseTest {
  static final ColumnAttribute<Course, Integer> COURSE_ID =
      ColumnAttribute.of(Course.class, "id", Integer.class);

  /** Both courses as loaded by one select: students and assignments selectin, in id order. */
  static final String COURSES =
      "{\"courses\":["
          + "{\"id\":1,\"code\":\"CS1998\",\"name\":\"Intro\",\"students\":["
          + "{\"id\":1,\"name\":\"Ann\",\"netid\":\"a1\"},"
          + "{\"id\":2,\"name\":\"Bob\",\"netid\":\"b2\"}],"
          + "\"assignments\":["
          + "{\"id\":1,\"title\":\"HW1\",\"dueDate\":\"2026-09-01\",\"courseId\":1,\"course\":1},"
          + "{\"id\":2,\"title\":\"HW2\",\"dueDate\":\"2026-09-15\",\"courseId\":1,\"course\":1}]},"
          + "{\"id\":2,\"code\":\"CS2110\",\"name\":\"OOP\",\"students\":["
          + "2,{\"id\":3,\"name\":\"Cat\",\"netid\":\"c3\"}],"
          + "\"assignments\":[]}]}";

  @Parameter TestDatabase target;
  final StatementRecorder sql = new StatementRecorder();
  final JsonMapper json =
      JsonMapper.builder().addModule(TetherModule.of(WriteGraphTest.MODELS)).build();
  Database db;

  @BeforeEach
  void open() {
    db = target.open(School.registry());
    db.addStatementListener(sql);
    try (Session s = db.session()) {
      Course intro = new Course(null, "CS1998", "Intro");
      Course oop = new Course(null, "CS2110", "OOP");
      Student ann = new Student(null, "Ann", "a1");
      Student bob = new Student(null, "Bob", "b2");
      Student cat = new Student(null, "Cat", "c3");
      s.add(intro);
      s.add(oop);
      s.add(ann);
      s.add(bob);
      s.add(cat);
      s.flush();
      intro.students.addAll(List.of(ann, bob));
      oop.students.addAll(List.of(bob, cat));
      Assignment hw1 = new Assignment(null, "HW1", LocalDate.of(2026, 9, 1));
      Assignment hw2 = new Assignment(null, "HW2", LocalDate.of(2026, 9, 15));
      hw1.course.set(intro);
      s.flush();
      hw2.course.set(intro);
      Node root = new Node(null, "root");
      Node a = new Node(null, "a");
      Node b = new Node(null, "b");
      s.add(root);
      s.flush();
      root.children.add(a);
      s.flush();
      root.children.add(b);
      s.flush();
      new Node(null, "leaf").parent.set(a);
      s.commit();
      assertThat(List.of(intro.id, oop.id, ann.id, bob.id, cat.id, hw1.id, hw2.id))
          .containsExactly(1, 2, 1, 2, 3, 1, 2);
      assertThat(List.of(root.id, a.id, b.id)).containsExactly(1, 2, 3);
    }
    sql.clear();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private List<Course> loadCourses(Session s) {
    List<Course> courses = new ArrayList<>();
    // one select for the courses, one selectin each for students and assignments
    sql.assertStatements(
        3, () -> courses.addAll(s.select(Course.class).orderBy(COURSE_ID.asc()).list()));
    return courses;
  }

  @Test
  void aSelectinGraphIsWrittenWithoutAStatement() {
    try (Session s = db.session()) {
      List<Course> courses = loadCourses(s);
      String[] out = new String[1];
      sql.assertNoStatements(() -> out[0] = json.writeValueAsString(Map.of("courses", courses)));
      assertThat(out[0]).isEqualTo(COURSES);
    }
  }

  @Test
  void detachedObjectsAreWrittenAfterTheSessionClosedAndNothingLoads() {
    List<Course> courses;
    Assignment hw1;
    try (Session s = db.session()) {
      courses = loadCourses(s);
      hw1 = s.get(Assignment.class, 1); // from the identity map; its course was set by selectin
      Student ann = s.get(Student.class, 1); // courses: never loaded
      s.close();
      String[] out = new String[2];
      sql.assertNoStatements(
          () -> {
            out[0] = json.writeValueAsString(Map.of("courses", courses));
            out[1] = json.writeValueAsString(ann);
          });
      assertThat(out[0]).isEqualTo(COURSES);
      assertThat(out[1]).isEqualTo("{\"id\":1,\"name\":\"Ann\",\"netid\":\"a1\"}");
      // what serialisation did not do: the unloaded collection cannot load any more
      assertThatThrownBy(ann.courses::size).hasMessageContaining("courses");
      // written on its own, an unloaded collection is an error, not a load nor a false []
      sql.assertNoStatements(
          () ->
              assertThatThrownBy(() -> json.writeValueAsString(Map.of("courses", ann.courses)))
                  .isInstanceOf(DatabindException.class)
                  .hasMessageContaining("Student.courses is not loaded"));
    }
    assertThat(json.writeValueAsString(hw1))
        .startsWith("{\"id\":1,\"title\":\"HW1\",\"dueDate\":\"2026-09-01\",\"courseId\":1,")
        .contains("\"course\":{\"id\":1,\"code\":\"CS1998\"");
  }

  @Test
  void anUnloadedManyToOneIsLeftOutOrWrittenFromItsForeignKey() {
    JsonMapper keys =
        JsonMapper.builder()
            .addModule(TetherModule.builder(WriteGraphTest.MODELS).unloaded(Unloaded.KEYS).build())
            .build();
    JsonMapper keyObjects =
        JsonMapper.builder()
            .addModule(
                TetherModule.builder(WriteGraphTest.MODELS)
                    .unloaded(Unloaded.KEYS)
                    .reference(TetherModule.Reference.OBJECT)
                    .build())
            .build();
    Assignment hw2;
    try (Session s = db.session()) {
      hw2 = s.get(Assignment.class, 2);
    }
    String[] out = new String[3];
    sql.assertNoStatements(
        () -> {
          out[0] = json.writeValueAsString(hw2);
          out[1] = keys.writeValueAsString(hw2);
          out[2] = keyObjects.writeValueAsString(hw2);
        });
    assertThat(out[2]).endsWith("\"courseId\":1,\"course\":{\"id\":1}}");
    assertThat(out[0])
        .isEqualTo("{\"id\":2,\"title\":\"HW2\",\"dueDate\":\"2026-09-15\",\"courseId\":1}");
    assertThat(out[1])
        .isEqualTo(
            "{\"id\":2,\"title\":\"HW2\",\"dueDate\":\"2026-09-15\",\"courseId\":1,\"course\":1}");
    assertThatThrownBy(hw2.course::get).hasMessageContaining("course");
  }

  @Test
  void aSelfReferentialTreeIsWrittenDownToWhatSelectinLoaded() {
    try (Session s = db.session()) {
      // the root alone: selectin loads its children, whose own children stay unloaded (left out)
      Node root = s.get(Node.class, 1);
      String[] out = new String[1];
      sql.assertNoStatements(() -> out[0] = json.writeValueAsString(root));
      assertThat(out[0])
          .isEqualTo(
              "{\"id\":1,\"name\":\"root\",\"parentId\":null,\"children\":["
                  + "{\"id\":2,\"name\":\"a\",\"parentId\":1,\"parent\":1},"
                  + "{\"id\":3,\"name\":\"b\",\"parentId\":1,\"parent\":1}]}");
    }
    try (Session s = db.session()) {
      // every node: one selectin loads every node's children, so the whole tree is in memory
      List<Node> nodes = new ArrayList<>();
      sql.assertStatements(2, () -> nodes.addAll(s.select(Node.class).list()));
      Node root = s.get(Node.class, 1);
      String[] out = new String[1];
      sql.assertNoStatements(() -> out[0] = json.writeValueAsString(root));
      assertThat(out[0])
          .isEqualTo(
              "{\"id\":1,\"name\":\"root\",\"parentId\":null,\"children\":["
                  + "{\"id\":2,\"name\":\"a\",\"parentId\":1,\"parent\":1,\"children\":["
                  + "{\"id\":4,\"name\":\"leaf\",\"parentId\":2,\"parent\":2,\"children\":[]}]},"
                  + "{\"id\":3,\"name\":\"b\",\"parentId\":1,\"parent\":1,\"children\":[]}]}");
    }
  }

  @Test
  void jsonReadIntoANewModelIsSavedAndLoadsBackEqual() {
    String in = "{\"title\":\"HW3\",\"dueDate\":\"2026-10-01\",\"course\":2}";
    Assignment draft = json.readValue(in, Assignment.class);
    try (Session s = db.session()) {
      assertThat(s.stateOf(draft)).hasToString("TRANSIENT");
      s.add(draft);
      s.commit();
      assertThat(draft.id).isEqualTo(3);
    }
    try (Session s = db.session()) {
      Assignment back = s.get(Assignment.class, 3);
      assertThat(back.course.get().code).isEqualTo("CS2110");
      assertThat(back.course.get().assignments).containsExactly(back);
      JsonMapper omit =
          JsonMapper.builder()
              .addModule(
                  TetherModule.builder(WriteGraphTest.MODELS)
                      .reverse(TetherModule.Reverse.OMIT)
                      .build())
              .build();
      assertThat(omit.writeValueAsString(back))
          .startsWith(
              "{\"id\":3,\"title\":\"HW3\",\"dueDate\":\"2026-10-01\",\"courseId\":2,"
                  + "\"course\":{\"id\":2,\"code\":\"CS2110\",\"name\":\"OOP\"");
    }
  }

  @Test
  void keysReadWithASessionBecomeItsObjectsInBothSides() {
    try (Session s = db.session()) {
      Student dan =
          TetherModule.readingWith(json.readerFor(Student.class), s)
              .readValue("{\"name\":\"Dan\",\"netid\":\"d4\",\"courses\":[1,2]}");
      assertThat(dan.courses).extracting(c -> c.code).containsExactly("CS1998", "CS2110");
      s.add(dan);
      s.commit();
    }
    try (Session s = db.session()) {
      List<Course> courses = loadCourses(s);
      assertThat(courses.get(0).students).extracting(st -> st.name).endsWith("Dan");
      assertThat(courses.get(1).students).extracting(st -> st.name).endsWith("Dan");
    }
    try (Session s = db.session()) {
      assertThatThrownBy(
              () ->
                  TetherModule.readingWith(json.readerFor(Student.class), s)
                      .readValue("{\"name\":\"Eve\",\"courses\":[1,99]}"))
          .isInstanceOf(DatabindException.class)
          .hasMessageContaining("courses: no Course with key 99");
    }
  }

  @Test
  void everyKindOfColumnRoundTripsThroughTheDatabase() {
    // (a decimal's trailing zeros are the database's business: 12.50 may come back as 12.5)
    Sample in = json.readValue(ReadModelTest.SAMPLE, Sample.class);
    try (Session s = db.session()) {
      s.add(in);
      s.commit();
    }
    try (Session s = db.session()) {
      Sample back = s.get(Sample.class, in.id);
      assertThat(json.writeValueAsString(back)).isEqualTo(ReadModelTest.SAMPLE);
    }
  }
}
