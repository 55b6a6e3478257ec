package dev.tether.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.ColumnConverter;
import dev.tether.Convert;
import dev.tether.Database;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.Table;
import dev.tether.ValueConversionException;
import dev.tether.query.ColumnAttribute;
import dev.tether.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A value that cannot be converted, read or bound, fails with a {@link ValueConversionException}
 * naming the model, field, column, the value and the Java type, on every database.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class ValueConversionTest {
  public enum Color {
    RED,
    GREEN
  }

  /** A code of exactly three letters. */
  public record Code(String text) {
    public Code {
      if (text.length() != 3) {
        throw new IllegalArgumentException("a code has three letters, not '" + text + "'");
      }
    }
  }

  public static class CodeConverter implements ColumnConverter<Code, String> {
    @Override
    public String toColumn(Code value) {
      if (value.text().equals("ERR")) {
        throw new IllegalStateException("ERR is reserved");
      }
      return value.text();
    }

    @Override
    public Code fromColumn(String value) {
      return new Code(value);
    }
  }

  @Table("vc_paint")
  public static class Paint extends Model {
    @Id public Integer id;
    public Color color;

    @Convert(CodeConverter.class)
    public Code code;

    public LocalDateTime mixedAt;
  }

  static final ColumnAttribute<Paint, Integer> ID =
      ColumnAttribute.of(Paint.class, "id", Integer.class);

  @Parameter TestDatabase target;
  @TempDir Path dir;
  Database db;
  String url;

  @BeforeEach
  void open() {
    url = target.sharedUrl(dir);
    db = target.open(Registry.of(Paint.class), url);
  }

  @AfterEach
  void close() {
    db.close();
  }

  void insert(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  @Test
  void aNameThatIsNoConstantOfTheEnum() throws Exception {
    insert("INSERT INTO vc_paint (id, color) VALUES (1, 'PURPLE')");
    try (Session s = db.session()) {
      assertThatThrownBy(() -> s.get(Paint.class, 1))
          .isInstanceOf(ValueConversionException.class)
          .hasMessage(
              "Cannot read Paint.color (vc_paint.color): the database holds 'PURPLE' (a String),"
                  + " which is not a Color (No enum constant "
                  + Color.class.getCanonicalName()
                  + ".PURPLE). Correct the stored value, or give the field a type (or a"
                  + " converter) that holds it.")
          .extracting(e -> ((ValueConversionException) e).code())
          .isEqualTo("value-conversion");
    }
  }

  @Test
  void aConverterThatRefusesAStoredValue() throws Exception {
    insert("INSERT INTO vc_paint (id, code) VALUES (1, 'toolong')");
    try (Session s = db.session()) {
      assertThatThrownBy(() -> s.get(Paint.class, 1))
          .isInstanceOf(ValueConversionException.class)
          .hasMessage(
              "Cannot convert Paint.code (vc_paint.code) from its column: CodeConverter failed"
                  + " on the column value 'toolong' (a String) for a field of type Code (a code"
                  + " has three letters, not 'toolong').");
    }
  }

  @Test
  void aConverterThatRefusesAFieldValueAtFlush() {
    try (Session s = db.session()) {
      Paint p = new Paint();
      p.id = 1;
      p.code = new Code("ERR");
      s.add(p);
      assertThatThrownBy(s::commit)
          .isInstanceOf(ValueConversionException.class)
          .hasMessage(
              "Cannot convert Paint.code (vc_paint.code) to its column: CodeConverter failed on"
                  + " the field value Code[text=ERR] (a Code) (ERR is reserved).");
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  @Test
  void aQueryParameterOfAnotherType() {
    try (Session s = db.session()) {
      ColumnAttribute untyped = ID;
      assertThatThrownBy(() -> s.select(Paint.class).where(untyped.eq("one")).list())
          .isInstanceOf(ValueConversionException.class)
          .hasMessage(
              "Cannot bind 'one' (a String) to Paint.id (vc_paint.id): the field is of type"
                  + " Integer. Pass a value of type Integer.");
    }
  }

  @Test
  void aDateTimeColumnOfAnExistingTableThatHoldsText() throws Exception {
    // a table mapped as it exists: its date-time column is text, as in the sample database
    insert("DROP TABLE vc_paint");
    insert(
        "CREATE TABLE vc_paint (id INTEGER PRIMARY KEY, color VARCHAR(20), code VARCHAR(20),"
            + " mixed_at VARCHAR(40))");
    insert("INSERT INTO vc_paint (id, mixed_at) VALUES (1, '07/12/2026')");
    try (Session s = db.session()) {
      assertThatThrownBy(() -> s.get(Paint.class, 1))
          .isInstanceOf(ValueConversionException.class)
          .hasMessageStartingWith(
              "Cannot read Paint.mixedAt (vc_paint.mixed_at): the database holds '07/12/2026'"
                  + " (a String), which is not a LocalDateTime (");
    }
  }

  @Test
  void aSessionStaysUsableAfterAValueFailedToRead() throws Exception {
    insert("INSERT INTO vc_paint (id, color) VALUES (1, 'PURPLE')");
    insert("INSERT INTO vc_paint (id, color) VALUES (2, 'RED')");
    try (Session s = db.session()) {
      assertThatThrownBy(() -> s.get(Paint.class, 1)).isInstanceOf(ValueConversionException.class);
      assertThat(s.get(Paint.class, 2).color).isEqualTo(Color.RED);
    }
  }
}
