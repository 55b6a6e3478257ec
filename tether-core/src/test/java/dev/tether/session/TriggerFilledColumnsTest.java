package dev.tether.session;

import static dev.tether.testing.SqlText.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tether.Database;
import dev.tether.FlushException;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.StaleObjectException;
import dev.tether.fixtures.DatabaseFilled;
import dev.tether.fixtures.DatabaseFilled.Doc;
import dev.tether.testing.ExistingSchema;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Columns an existing schema's triggers write ({@link DatabaseFilled#script}), mapped with
 * {@code @Generated}: never written by Tether, read back after the INSERT (and, for {@code ALWAYS},
 * after every UPDATE) in the statement itself where RETURNING reports trigger writes, else with one
 * SELECT per batch; a value set in such a field is refused, not lost.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class TriggerFilledColumnsTest {
  @Parameter TestDatabase target;
  final StatementRecorder sql = new StatementRecorder();
  ExistingSchema schema;
  Database db;

  @BeforeEach
  void open() {
    schema = ExistingSchema.create(target, DatabaseFilled.script(target.dialect().name()));
    db = schema.open(Registry.of(Doc.class));
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
    schema.close();
  }

  /** Whether RETURNING can bring back what the triggers wrote. */
  private boolean returnsTriggerWrites() {
    return target.dialect().returningSeesTriggerWrites();
  }

  private List<Doc> insertThree(Session s) {
    List<Doc> docs = List.of(new Doc("alpha"), new Doc("beta"), new Doc("gamma"));
    docs.forEach(s::add);
    s.flush();
    return docs;
  }

  /** The row of {@code d} by plain SQL: code, revision, touched_at present. */
  private List<String> row(Doc d) {
    List<List<String>> rows =
        schema.rows(
            "SELECT code, revision, CASE WHEN touched_at IS NULL THEN 'none' ELSE 'set' END"
                + " FROM df_doc WHERE id = "
                + d.id);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  @Test
  void anInsertReadsWhatTheTriggersWrote() {
    List<Doc> docs = List.of(new Doc("alpha"), new Doc("beta"), new Doc("gamma"));
    try (Session s = db.session()) {
      docs.forEach(s::add);
      List<String> sent = plain(sql.assertStatements(returnsTriggerWrites() ? 1 : 2, s::flush));
      if (returnsTriggerWrites()) {
        assertThat(sent.get(0))
            .isEqualTo(
                "INSERT INTO df_doc (title) VALUES (?), (?), (?)"
                    + " RETURNING id, code, revision, touched_at");
      } else {
        assertThat(sent.get(0))
            .isEqualTo("INSERT INTO df_doc (title) VALUES (?), (?), (?) RETURNING id");
        assertThat(sent.get(1))
            .isEqualTo("SELECT id, code, revision, touched_at FROM df_doc WHERE id IN (?, ?, ?)");
      }
      sql.assertNoStatements(s::flush);
      s.commit();
    }
    for (Doc d : docs) {
      assertThat(d.code).isEqualTo(d.title.toUpperCase(java.util.Locale.ROOT));
      assertThat(d.revision).isEqualTo(1);
      assertThat(d.touchedAt).isNotNull();
      assertThat(row(d)).containsExactly(d.code, "1", "set");
    }
    try (Session s = db.session()) { // memory equals what a fresh session loads
      for (Doc d : docs) {
        assertThat(s.get(Doc.class, d.id).touchedAt).isEqualTo(d.touchedAt);
      }
    }
  }

  @Test
  void anUpdateOfOneRowReadsTheTriggersValuesInTheStatementWhereItCan() {
    try (Session s = db.session()) {
      Doc d = insertThree(s).get(0);
      d.title = "alpha 2";
      boolean inOne = target.dialect().supportsUpdateReturning() && returnsTriggerWrites();
      List<String> sent = plain(sql.assertStatements(inOne ? 1 : 2, s::flush));
      if (inOne) {
        assertThat(sent.get(0))
            .isEqualTo("UPDATE df_doc SET title = ? WHERE id = ? RETURNING revision, touched_at");
      } else {
        assertThat(sent.get(0)).isEqualTo("UPDATE df_doc SET title = ? WHERE id = ?");
        assertThat(sent.get(1))
            .isEqualTo("SELECT id, revision, touched_at FROM df_doc WHERE id IN (?)");
      }
      assertThat(d.revision).isEqualTo(2);
      sql.assertNoStatements(s::flush);
      s.commit();
      assertThat(row(d)).containsExactly("ALPHA", "2", "set");
    }
  }

  @Test
  void anUpdateOfManyRowsReadsThemBackWithOneSelect() {
    try (Session s = db.session()) {
      List<Doc> docs = insertThree(s);
      docs.forEach(d -> d.title = d.title + "!");
      sql.clear();
      List<String> sent = plain(sql.assertStatements(2, s::flush));
      assertThat(sent.get(0)).isEqualTo("UPDATE df_doc SET title = ? WHERE id = ?");
      assertThat(sql.batchRows().get(0)).isEqualTo(3); // one batch
      assertThat(sent.get(1))
          .isEqualTo("SELECT id, revision, touched_at FROM df_doc WHERE id IN (?, ?, ?)");
      assertThat(docs).allSatisfy(d -> assertThat(d.revision).isEqualTo(2));
      sql.assertNoStatements(s::flush);
      s.commit();
    }
  }

  @Test
  void aColumnFilledOnInsertIsWrittenByAnUpdateLikeAnyOther() {
    try (Session s = db.session()) {
      Doc d = insertThree(s).get(1);
      d.code = "CUSTOM";
      List<String> sent = plain(sql.record(s::flush));
      assertThat(sent.get(0)).startsWith("UPDATE df_doc SET code = ? WHERE id = ?");
      s.commit();
      assertThat(d.revision).isEqualTo(1); // the trigger counts changes of the title only
      assertThat(row(d)).containsExactly("CUSTOM", "1", "set");
    }
  }

  @Test
  void aValueSetInAFieldTheDatabaseFillsOnInsertIsRefused() {
    Doc d = new Doc("delta");
    d.code = "MINE";
    try (Session s = db.session()) {
      s.add(d);
      FlushException e = catchThrowableOfType(FlushException.class, s::flush);
      assertThat(e.code()).isEqualTo("database-column-written");
      assertThat(e.getMessage())
          .startsWith("Cannot insert Doc(")
          .contains(
              "Doc.code (df_doc.code) is written by the database on INSERT (@Generated), and"
                  + " Tether never writes it, but the new object's field holds MINE; the value"
                  + " would be lost. Leave the field null");
      d.code = null; // the session is usable: the change is still pending
      s.commit();
    }
    assertThat(d.code).isEqualTo("DELTA");
    assertThat(schema.rows("SELECT COUNT(*) FROM df_doc")).containsExactly(List.of("1"));
  }

  @Test
  void aChangeToAFieldTheDatabaseAlwaysWritesIsRefused() {
    try (Session s = db.session()) {
      Doc d = insertThree(s).get(2);
      s.commit();
      d.revision = 7;
      FlushException e = catchThrowableOfType(FlushException.class, s::flush);
      assertThat(e.code()).isEqualTo("database-column-written");
      assertThat(e.getMessage())
          .contains(
              "Doc.revision (df_doc.revision) is written by the database on every UPDATE"
                  + " (@Generated(ALWAYS)), and Tether never writes it, but the field was changed"
                  + " from 1 to 7; the value would be lost.");
      s.refresh(d);
      assertThat(d.revision).isEqualTo(1);
    }
  }

  @Test
  void aFailedFlushPutsBackWhatTheDatabaseWroteAsTheRowHoldsItAgain() {
    try (Session s = db.session()) {
      List<Doc> docs = insertThree(s);
      s.commit();
      Doc d = docs.get(0);
      Doc gone = docs.get(1);
      d.title = "changed";
      s.delete(gone);
      schema.execute("DELETE FROM df_doc WHERE id = " + gone.id); // behind the session's back
      // the UPDATE of d and the read-back run, then the DELETE fails: all is rolled back
      assertThat(catchThrowable(s::flush)).isInstanceOf(StaleObjectException.class);
      assertThat(d.revision).isEqualTo(1);
      assertThat(d.title).isEqualTo("changed"); // still pending
      s.rollback();
    }
    assertThat(schema.rows("SELECT title, revision FROM df_doc ORDER BY id").get(0))
        .containsExactly("alpha", "1");
  }
}
