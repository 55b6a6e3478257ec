package dev.tether.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Session;
import dev.tether.jackson.School.Assignment;
import dev.tether.jackson.School.Course;
import dev.tether.jackson.School.Geo;
import dev.tether.jackson.School.Level;
import dev.tether.jackson.School.Member;
import dev.tether.jackson.School.Node;
import dev.tether.jackson.School.Place;
import dev.tether.jackson.School.Sample;
import dev.tether.jackson.School.Student;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Column types both ways, and reading JSON into new transient models without a database: column
 * fields, embedded values, many-to-one keys onto the foreign-key field, and the errors that name
 * the property.
 */
class ReadModelTest {
  final JsonMapper json =
      JsonMapper.builder().addModule(TetherModule.of(WriteGraphTest.MODELS)).build();

  static final String SAMPLE =
      "{\"id\":\"0b7e7b4e-6a3c-4d2a-9d7e-2f1c3b4a5d6e\",\"price\":12.75,\"day\":\"2026-01-02\","
          + "\"level\":\"HIGH\",\"rank\":\"LOW\",\"tags\":[\"a\",\"b\"],"
          + "\"place\":{\"city\":\"Oslo\",\"geo\":{\"lat\":59.9,\"lon\":10.7}},\"active\":true}";

  static Sample sample() {
    Sample s = new Sample();
    s.id = UUID.fromString("0b7e7b4e-6a3c-4d2a-9d7e-2f1c3b4a5d6e");
    s.price = new BigDecimal("12.75");
    s.day = LocalDate.of(2026, 1, 2);
    s.level = Level.HIGH;
    s.rank = Level.LOW;
    s.tags = List.of("a", "b");
    s.place = new Place("Oslo", new Geo(59.9, 10.7));
    s.active = true;
    return s;
  }

  @Test
  void everyKindOfColumnIsWrittenAsItsFieldsValue() {
    assertThat(json.writeValueAsString(sample())).isEqualTo(SAMPLE);
    Sample empty = new Sample();
    assertThat(json.writeValueAsString(empty))
        .isEqualTo(
            "{\"id\":null,\"price\":null,\"day\":null,\"level\":null,\"rank\":null,"
                + "\"tags\":null,\"place\":null,\"active\":false}");
  }

  @Test
  void everyKindOfColumnIsReadBack() {
    Sample s = json.readValue(SAMPLE, Sample.class);
    Sample expected = sample();
    assertThat(s.id).isEqualTo(expected.id);
    assertThat(s.price).isEqualTo(expected.price);
    assertThat(s.day).isEqualTo(expected.day);
    assertThat(s.level).isEqualTo(Level.HIGH);
    assertThat(s.rank).isEqualTo(Level.LOW);
    assertThat(s.tags).containsExactly("a", "b");
    assertThat(s.place).isEqualTo(expected.place);
    assertThat(s.active).isTrue();
    assertThat(json.writeValueAsString(s)).isEqualTo(SAMPLE);
    assertThat(json.readValue("{\"place\":null}", Sample.class).place).isNull();
  }

  @Test
  void aManyToOneKeyIsSetOnTheForeignKeyFieldAndTheObjectIsTransient() {
    Assignment a =
        json.readValue(
            "{\"title\":\"HW3\",\"dueDate\":\"2026-10-01\",\"course\":3}", Assignment.class);
    assertThat(a.id).isNull();
    assertThat(a.title).isEqualTo("HW3");
    assertThat(a.dueDate).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(a.courseId).isEqualTo(3);
    assertThat(json.readValue("{\"course\":{\"id\":4}}", Assignment.class).courseId).isEqualTo(4);
    assertThat(json.readValue("{\"courseId\":5}", Assignment.class).courseId).isEqualTo(5);
    assertThat(json.readValue("{\"parent\":null}", Node.class).parentId).isNull();
    // a relationship a backref created reads like a declared one
    assertThat(json.readValue("{\"name\":\"Mia\",\"team\":5}", Member.class).teamId).isEqualTo(5);
    // an empty collection needs no lookup
    assertThat(json.readValue("{\"students\":[]}", Course.class).students).isEmpty();
  }

  @Test
  void aValueOfTheWrongTypeNamesTheModelAndTheProperty() {
    assertThatThrownBy(() -> json.readValue("{\"dueDate\":\"soon\"}", Assignment.class))
        .isInstanceOf(DatabindException.class)
        .hasMessageContaining("LocalDate")
        .hasMessageContaining("Assignment[\"dueDate\"]");
    assertThatThrownBy(() -> json.readValue("{\"place\":{\"geo\":{\"lat\":\"x\"}}}", Sample.class))
        .hasMessageContaining("[\"place\"]->")
        .hasMessageContaining("[\"lat\"]");
  }

  @Test
  void keysThatNeedASessionOrAreNotKeysAreRefusedByName() {
    assertThatThrownBy(() -> json.readValue("{\"students\":[1,2]}", Course.class))
        .isInstanceOf(DatabindException.class)
        .hasMessageContaining("students: the keys of Course.students are looked up in a session")
        .hasMessageContaining("TetherModule.readingWith(reader, session)");
    assertThatThrownBy(
            () -> json.readValue("{\"course\":{\"id\":3,\"code\":\"X\"}}", Assignment.class))
        .hasMessageContaining("course: a reference holds only the key \"id\" of Course")
        .hasMessageContaining("not \"code\"");
    assertThatThrownBy(() -> json.readValue("{\"course\":[3]}", Assignment.class))
        .hasMessageContaining("course: expected a Course key");
  }

  @Test
  void unknownPropertiesAreAnErrorNamingThemUnlessTheModuleSkipsThem() {
    assertThatThrownBy(() -> json.readValue("{\"name\":\"Ann\",\"nick\":\"A\"}", Student.class))
        .isInstanceOf(DatabindException.class)
        .hasMessageContaining("\"nick\"")
        .hasMessageContaining("Student")
        .hasMessageContaining("known properties");
    assertThatThrownBy(() -> json.readValue("{\"place\":{\"town\":\"Oslo\"}}", Sample.class))
        .hasMessageContaining("\"town\"")
        .hasMessageContaining("Place");
    JsonMapper lenient =
        JsonMapper.builder()
            .addModule(
                TetherModule.builder(WriteGraphTest.MODELS).failOnUnknownProperties(false).build())
            .build();
    assertThat(lenient.readValue("{\"name\":\"Ann\",\"nick\":{\"a\":[1]}}", Student.class).name)
        .isEqualTo("Ann");
  }

  @Test
  void readingWithASessionNeedsOne() {
    assertThatThrownBy(() -> TetherModule.readingWith(json.readerFor(Course.class), (Session) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("session");
  }
}
