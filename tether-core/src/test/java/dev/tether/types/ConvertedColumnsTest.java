package dev.tether.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Column;
import dev.tether.ColumnConverter;
import dev.tether.Convert;
import dev.tether.Converters;
import dev.tether.Database;
import dev.tether.EnumStorage;
import dev.tether.Enumerated;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.Table;
import dev.tether.query.ColumnAttribute;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * User converters (per field, per type on the value class, registered on the model class) and the
 * three enum storages, on every database: round trips, what the column holds, queries and bulk
 * updates with converted values, no write for an unchanged converted value.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class ConvertedColumnsTest {
  /** A value class of the application's own, stored through the converter it names. */
  @Convert(MoneyConverter.class)
  public record Money(BigDecimal amount) {}

  public static class MoneyConverter implements ColumnConverter<Money, BigDecimal> {
    @Override
    public BigDecimal toColumn(Money value) {
      return value.amount();
    }

    @Override
    public Money fromColumn(BigDecimal value) {
      return new Money(value.setScale(2));
    }
  }

  public static class PathConverter implements ColumnConverter<Path, String> {
    @Override
    public String toColumn(Path value) {
      return value.toString();
    }

    @Override
    public Path fromColumn(String value) {
      return Path.of(value);
    }
  }

  public static class UriConverter implements ColumnConverter<URI, String> {
    @Override
    public String toColumn(URI value) {
      return value.toString();
    }

    @Override
    public URI fromColumn(String value) {
      return URI.create(value);
    }
  }

  public enum Priority {
    LOW,
    MEDIUM,
    HIGH
  }

  public enum TaskState {
    OPEN,
    DONE,
    ARCHIVED
  }

  @Table("cc_task")
  @Converters(UriConverter.class)
  public static class Task extends Model {
    @Id public Integer id;

    @Column(precision = 12, scale = 2)
    public Money budget;

    @Convert(PathConverter.class)
    public Path home;

    public URI link;
    public Priority byName;

    @Enumerated(EnumStorage.ORDINAL)
    public Priority byOrdinal;

    @Enumerated(EnumStorage.NATIVE)
    public TaskState state;
  }

  static final ColumnAttribute<Task, Money> BUDGET =
      ColumnAttribute.of(Task.class, "budget", Money.class);
  static final ColumnAttribute<Task, Path> HOME =
      ColumnAttribute.of(Task.class, "home", Path.class);
  static final ColumnAttribute<Task, Priority> BY_ORDINAL =
      ColumnAttribute.of(Task.class, "byOrdinal", Priority.class);
  static final ColumnAttribute<Task, TaskState> STATE =
      ColumnAttribute.of(Task.class, "state", TaskState.class);

  @Parameter TestDatabase target;
  @TempDir Path dir;
  final StatementRecorder sql = new StatementRecorder();
  Database db;
  String url;

  @BeforeEach
  void open() {
    url = target.sharedUrl(dir);
    db = target.open(Registry.of(Task.class), url);
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  static Task task(String budget, String home, Priority p, TaskState state) {
    Task t = new Task();
    t.budget = new Money(new BigDecimal(budget));
    t.home = Path.of(home);
    t.link = URI.create("https://example.com/" + home);
    t.byName = p;
    t.byOrdinal = p;
    t.state = state;
    return t;
  }

  @Test
  void convertedValuesRoundTripAndAnUnchangedOneIsNotWritten() {
    Task written = task("1234.50", "/srv/app", Priority.HIGH, TaskState.DONE);
    try (Session s = db.session()) {
      s.add(written);
      s.commit();
    }
    try (Session s = db.session()) {
      Task read = s.get(Task.class, written.id);
      assertThat(read.budget).isEqualTo(new Money(new BigDecimal("1234.50")));
      assertThat(read.home).isEqualTo(Path.of("/srv/app"));
      assertThat(read.link).isEqualTo(URI.create("https://example.com//srv/app"));
      assertThat(read.byName).isEqualTo(Priority.HIGH);
      assertThat(read.byOrdinal).isEqualTo(Priority.HIGH);
      assertThat(read.state).isEqualTo(TaskState.DONE);
      read.home = Path.of("/srv/app"); // an equal value: no change
      sql.assertNoStatements(s::commit);
      read.budget = new Money(new BigDecimal("99.99"));
      sql.assertStatements(1, s::commit);
    }
  }

  @Test
  void theColumnsHoldTheConvertedValues() throws Exception {
    Task written = task("7.25", "/tmp/x", Priority.MEDIUM, TaskState.ARCHIVED);
    try (Session s = db.session()) {
      s.add(written);
      s.commit();
    }
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT budget, home, link, by_name, by_ordinal, state FROM cc_task")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("7.25");
      assertThat(rs.getString(2)).isEqualTo("/tmp/x");
      assertThat(rs.getString(3)).isEqualTo("https://example.com//tmp/x");
      assertThat(rs.getString(4)).isEqualTo("MEDIUM");
      assertThat(rs.getInt(5)).isEqualTo(1);
      assertThat(rs.getString(6)).isEqualTo("ARCHIVED");
    }
  }

  @Test
  void queriesAndBulkUpdatesTakeAndGiveFieldValues() {
    try (Session s = db.session()) {
      s.add(task("10.00", "/a", Priority.LOW, TaskState.OPEN));
      s.add(task("20.00", "/b", Priority.HIGH, TaskState.DONE));
      s.commit();
      assertThat(s.select(Task.class).where(HOME.eq(Path.of("/b"))).one().budget)
          .isEqualTo(new Money(new BigDecimal("20.00")));
      assertThat(s.select(Task.class).where(BY_ORDINAL.eq(Priority.LOW)).one().home)
          .isEqualTo(Path.of("/a"));
      assertThat(s.select(Task.class).where(STATE.eq(TaskState.DONE)).one().home)
          .isEqualTo(Path.of("/b"));
      List<Money> budgets = s.select(BUDGET).orderBy(BUDGET.asc()).list();
      assertThat(budgets)
          .containsExactly(new Money(new BigDecimal("10.00")), new Money(new BigDecimal("20.00")));
      assertThat(s.select(BUDGET.max()).one()).isEqualTo(new Money(new BigDecimal("20.00")));
      int n =
          s.bulkUpdate(Task.class).set(HOME, Path.of("/c")).where(HOME.eq(Path.of("/a"))).execute();
      assertThat(n).isEqualTo(1);
      assertThat(s.select(HOME).orderBy(HOME.asc()).list())
          .containsExactly(Path.of("/b"), Path.of("/c"));
    }
  }
}
