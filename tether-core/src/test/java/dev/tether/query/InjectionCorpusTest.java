package dev.tether.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.DatabaseException;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.query.model.Keyed;
import dev.tether.query.model.Note;
import dev.tether.query.model.Note_;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every API that takes a value, fed a corpus of hostile strings: each value is stored and read back
 * unchanged, no statement Tether sends contains any of it (values travel only as {@code ?}
 * parameters), and the tables are still there afterwards.
 *
 * <p>The corpus avoids pairs that a case- and accent-insensitive collation (MariaDB's default)
 * would hold equal, so that an equality lookup finds exactly one row on every database.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class InjectionCorpusTest {
  static final String LONG = "x'\"\\-".repeat(20_000); // 100,000 characters

  static final List<String> CORPUS =
      List.of(
          "'",
          "''",
          "\"",
          "\"\"",
          "\\",
          "\\'",
          "it's a \"quoted\" \\ back\\slash",
          "'; DROP TABLE inj_note; --",
          "\"; DROP TABLE inj_keyed; --",
          "1' OR '1'='1",
          "1 OR 1=1",
          "-- line comment",
          "/* block */ comment",
          "*/ closes nothing /*",
          "?",
          "$1 :name @p0 ${x}",
          "%_wild%",
          "`backtick`",
          ";",
          "emoji 😀👨‍👩‍👧 snowman ☃",
          "rtl \u202Eevil\u202C مرحبا שלום",
          "tab\there\nnewline\r\ncrlf",
          "",
          LONG);

  /** Text that no statement may contain: every corpus entry long enough to be telling. */
  static final List<String> FRAGMENTS =
      CORPUS.stream().filter(s -> s.length() >= 3).collect(Collectors.toList());

  @Parameter TestDatabase target;
  final StatementRecorder sql = new StatementRecorder();
  Database db;
  Session s;

  @BeforeEach
  void open() {
    db = target.open(Registry.of(Note.class, Keyed.class));
    db.addStatementListener(sql);
    s = db.session();
  }

  @AfterEach
  void close() {
    s.close();
    db.close();
  }

  /** Every statement recorded so far holds only placeholders, never a value. */
  private void assertNoValueInStatements() {
    List<String> sent = sql.statements();
    assertThat(sent).isNotEmpty();
    for (String statement : sent) {
      assertThat(statement)
          .as("statement text")
          .doesNotContain("'", "--", "/*", "*/", "\\", ";", "\0", "DROP");
      for (String fragment : FRAGMENTS) {
        assertThat(statement.contains(fragment))
            .as("statement %s contains a corpus value", abbreviate(statement))
            .isFalse();
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  private Map<String, Integer> insertCorpus() {
    List<Note> notes = new ArrayList<>();
    for (int i = 0; i < CORPUS.size(); i++) {
      notes.add(new Note(CORPUS.get(i), i));
    }
    s.addAll(notes);
    s.commit();
    return notes.stream().collect(Collectors.toMap(n -> n.body, n -> n.id));
  }

  private void assertTablesSurvive(long notes, long keyed) {
    try (Session fresh = db.session()) {
      assertThat(fresh.select(Note.class).count()).isEqualTo(notes);
      assertThat(fresh.select(Keyed.class).count()).isEqualTo(keyed);
    }
  }

  @Test
  void insertedValuesReadBackUnchanged() {
    Map<String, Integer> ids = insertCorpus();
    try (Session fresh = db.session()) {
      List<Note> read = fresh.select(Note.class).orderBy(Note_.rank.asc()).list();
      assertThat(read).extracting(n -> n.body).containsExactlyElementsOf(CORPUS);
      for (String value : CORPUS) {
        assertThat(fresh.get(Note.class, ids.get(value)).body).isEqualTo(value);
      }
    }
    assertNoValueInStatements();
    assertTablesSurvive(CORPUS.size(), 0);
  }

  @Test
  void textKeysThroughGet() {
    // MariaDB keys text as VARCHAR(255): the long value is looked up, not stored, as a key.
    List<String> keys = CORPUS.stream().filter(k -> k.length() <= 255).toList();
    for (String key : keys) {
      s.add(new Keyed(key, key));
    }
    s.commit();
    try (Session fresh = db.session()) {
      for (String key : keys) {
        Keyed found = fresh.get(Keyed.class, key);
        assertThat(found).as("get(%s)", key).isNotNull();
        assertThat(found.code).isEqualTo(key);
        assertThat(found.body).isEqualTo(key);
      }
      assertThat(fresh.get(Keyed.class, LONG)).isNull();
      assertThat(fresh.get(Keyed.class, "'; DROP TABLE inj_keyed; --x")).isNull();
    }
    assertNoValueInStatements();
    assertTablesSurvive(0, keys.size());
  }

  @Test
  void whereConditionsBindEveryValue() {
    Map<String, Integer> ids = insertCorpus();
    int n = CORPUS.size();
    for (String value : CORPUS) {
      int id = ids.get(value);
      assertThat(s.select(Note.class).where(Note_.body.eq(value)).list())
          .as("eq %s", abbreviate(value))
          .extracting(x -> x.id)
          .containsExactly(id);
      assertThat(s.select(Note_.id).where(Note_.body.ne(value)).count())
          .as("ne %s", abbreviate(value))
          .isEqualTo(n - 1);
      assertThat(s.select(Note_.id).where(Note_.body.in(value, "\u0002never stored")).list())
          .as("in %s", abbreviate(value))
          .containsExactly(id);
      assertThat(s.select(Note_.body).where(Note_.body.between(value, value)).list())
          .as("between %s", abbreviate(value))
          .containsExactly(value);
      // LIKE gives %, _ and (on PostgreSQL and MariaDB) \ a meaning: a pattern without them
      // matches itself; every pattern, with them or not, is a parameter.
      // SQLite refuses LIKE patterns over 50,000 bytes, with a typed exception.
      List<String> liked;
      try {
        liked = s.select(Note_.body).where(Note_.body.like("%" + value + "%")).list();
      } catch (DatabaseException e) {
        assertThat(value).isSameAs(LONG);
        assertThat(e.getMessage()).contains("LIKE ?").doesNotContain(value.substring(0, 10));
        continue;
      }
      if (!value.matches("(?s).*[%_\\\\].*")) {
        assertThat(liked).as("like %s", abbreviate(value)).contains(value);
      }
    }
    assertThat(s.select(Note_.id).where(Note_.body.in(CORPUS)).count()).isEqualTo(n);
    assertNoValueInStatements();
    assertTablesSurvive(n, 0);
  }

  @Test
  void orderLimitAndOffsetAreParametersToo() {
    insertCorpus();
    List<String> page =
        s.select(Note_.body)
            .where(Note_.body.ne("'; DROP TABLE inj_note; --"))
            .orderBy(Note_.rank.desc())
            .limit(3)
            .offset(1)
            .list();
    int last = CORPUS.size() - 1;
    assertThat(page)
        .containsExactly(CORPUS.get(last - 1), CORPUS.get(last - 2), CORPUS.get(last - 3));
    assertThat(sql.statements().get(sql.count() - 1)).contains("?").doesNotContain(" 3", " 1 ");
    assertNoValueInStatements();
    assertTablesSurvive(CORPUS.size(), 0);
  }

  @Test
  void bulkUpdateSetsAndFiltersByBoundValues() {
    Map<String, Integer> ids = insertCorpus();
    // Each row takes the next row's value, found by its current value.
    List<String> shifted = new ArrayList<>();
    for (int i = 0; i < CORPUS.size(); i++) {
      shifted.add(CORPUS.get((i + 1) % CORPUS.size()));
    }
    s.bulkUpdate(Note.class).set(Note_.body, "\u0001placeholder").where(Note_.id.gt(-1)).execute();
    for (int i = 0; i < CORPUS.size(); i++) {
      int updated =
          s.bulkUpdate(Note.class)
              .set(Note_.body, shifted.get(i))
              .where(Note_.id.eq(ids.get(CORPUS.get(i))), Note_.body.eq("\u0001placeholder"))
              .execute();
      assertThat(updated).isEqualTo(1);
    }
    s.commit();
    for (int i = 0; i < CORPUS.size(); i++) {
      String value = shifted.get(i);
      assertThat(
              s.bulkUpdate(Note.class)
                  .set(Note_.rank, 1000 + i)
                  .where(Note_.body.eq(value))
                  .execute())
          .as("update where body = %s", abbreviate(value))
          .isEqualTo(1);
    }
    s.commit();
    try (Session fresh = db.session()) {
      assertThat(fresh.select(Note.class).orderBy(Note_.rank.asc()).list())
          .extracting(x -> x.body)
          .containsExactlyElementsOf(shifted);
    }
    assertNoValueInStatements();
    assertTablesSurvive(CORPUS.size(), 0);
  }

  @Test
  void bulkDeleteFiltersByBoundValues() {
    insertCorpus();
    int left = CORPUS.size();
    for (String value : CORPUS) {
      assertThat(s.bulkDelete(Note.class).where(Note_.body.eq(value)).execute())
          .as("delete %s", abbreviate(value))
          .isEqualTo(1);
      left--;
      assertThat(s.select(Note.class).count()).isEqualTo(left);
    }
    s.commit();
    assertNoValueInStatements();
    assertTablesSurvive(0, 0);
  }

  @Test
  void rawSqlTakesValuesAsParameters() {
    Map<String, Integer> ids = insertCorpus();
    for (String value : CORPUS) {
      List<Note> found =
          s.selectSql(Note.class, "SELECT id, body, rank FROM inj_note WHERE body = ?", value);
      assertThat(found).extracting(x -> x.id).containsExactly(ids.get(value));
      assertThat(found.get(0).body).isEqualTo(value);
    }
    assertNoValueInStatements();
    assertTablesSurvive(CORPUS.size(), 0);
  }

  /**
   * NUL inside text: stored and read back unchanged where the database keeps it (SQLite, MariaDB);
   * where the column type cannot hold it (PostgreSQL {@code text}), Tether raises a {@link
   * DatabaseException}, commits nothing, and the session stays usable. Never a silent truncation.
   */
  @Test
  void nulIsStoredUnchangedOrRefusedWithATypedException() {
    String nul = "before\0after";
    Note note = new Note(nul, 1);
    s.add(note);
    boolean stored;
    try {
      s.commit();
      stored = true;
    } catch (DatabaseException e) {
      stored = false;
      assertThat(e.getMessage()).doesNotContain("before").doesNotContain("after");
    }
    if (stored) {
      try (Session fresh = db.session()) {
        assertThat(fresh.get(Note.class, note.id).body).isEqualTo(nul);
        assertThat(fresh.select(Note_.id).where(Note_.body.eq(nul)).list())
            .containsExactly(note.id);
      }
      s.bulkUpdate(Note.class).set(Note_.body, "\0").where(Note_.body.eq(nul)).execute();
      s.commit();
      try (Session fresh = db.session()) {
        assertThat(fresh.get(Note.class, note.id).body).isEqualTo("\0");
      }
    } else {
      assertThatThrownBy(() -> s.select(Note.class).where(Note_.body.eq(nul)).list())
          .isInstanceOf(DatabaseException.class);
      s.rollback();
      s.add(new Note("after a refused NUL", 2));
      s.commit();
      try (Session fresh = db.session()) {
        assertThat(fresh.select(Note_.body).list()).containsExactly("after a refused NUL");
      }
    }
    assertNoValueInStatements();
  }
}
