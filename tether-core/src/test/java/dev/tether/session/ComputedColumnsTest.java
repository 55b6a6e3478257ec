package dev.tether.session;

import static dev.tether.testing.SqlText.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tether.Database;
import dev.tether.FlushException;
import dev.tether.MappingException;
import dev.tether.QueryException;
import dev.tether.Registry;
import dev.tether.RegistryInternals;
import dev.tether.Session;
import dev.tether.fixtures.DatabaseFilled.Line;
import dev.tether.fixtures.DatabaseFilled.VersionedLine;
import dev.tether.fixtures.DatabaseFilled.VirtualLine;
import dev.tether.query.ColumnAttribute;
import dev.tether.schema.SchemaGenerator;
import dev.tether.testing.PlainSql;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code @Computed} on every database: the DDL ({@code GENERATED ALWAYS AS (...) STORED}), the
 * value the database computes read back after the INSERT and after each UPDATE, and a value set in
 * the field refused instead of lost.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class ComputedColumnsTest {
  @Parameter TestDatabase target;
  @TempDir Path dir;
  final StatementRecorder sql = new StatementRecorder();
  Database db;
  String url;

  @BeforeEach
  void open() {
    url = target.sharedUrl(dir);
    db = target.open(Registry.of(Line.class, VersionedLine.class), url);
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private List<String> ddl(Class<?> model) {
    return plain(
        new SchemaGenerator(target.dialect())
            .createStatements(RegistryInternals.metadata(Registry.of(model))));
  }

  @Test
  void createAllDeclaresAStoredGeneratedColumn() {
    String integer =
        target
            .dialect()
            .sqlType(
                RegistryInternals.metadata(Registry.of(Line.class))
                    .model(Line.class)
                    .columnByField("total"));
    assertThat(ddl(Line.class).get(0))
        .contains("total " + integer + " GENERATED ALWAYS AS (price * quantity) STORED\n");
  }

  @Test
  void aVirtualColumnWhereTheDatabaseHasThemElseAClearRefusal() {
    if (target.dialect().supportsVirtualColumns()) {
      assertThat(ddl(VirtualLine.class).get(0))
          .contains(" GENERATED ALWAYS AS (price + quantity) VIRTUAL\n");
      try (Database virtual = target.open(Registry.of(VirtualLine.class), url)) {
        try (Session s = virtual.session()) {
          VirtualLine v = new VirtualLine();
          v.price = 2;
          v.quantity = 5;
          s.add(v);
          s.commit();
          assertThat(v.sum).isEqualTo(7);
        }
      }
    } else {
      MappingException e =
          catchThrowableOfType(MappingException.class, () -> ddl(VirtualLine.class));
      assertThat(e.code()).isEqualTo("computed-virtual");
      assertThat(e.getMessage())
          .isEqualTo(
              "VirtualLine.sum is declared @Computed(stored = false), but "
                  + target.dialect().name()
                  + " stores every generated column. Remove stored = false.");
    }
  }

  @Test
  void theComputedValueIsReadBackAfterTheInsertAndEveryUpdate() {
    List<Line> lines = List.of(new Line(3, 2), new Line(5, 4));
    try (Session s = db.session()) {
      lines.forEach(s::add);
      List<String> sent = plain(sql.assertStatements(1, s::flush)); // RETURNING everywhere
      assertThat(sent.get(0))
          .isEqualTo(
              "INSERT INTO df_line (price, quantity) VALUES (?, ?), (?, ?) RETURNING id, total");
      assertThat(lines).extracting(l -> l.total).containsExactly(6, 20);
      s.commit();
    }
    try (Session s = db.session()) {
      Line l = s.get(Line.class, lines.get(0).id);
      l.quantity = 10;
      boolean inOne = target.dialect().supportsUpdateReturning();
      List<String> sent = plain(sql.assertStatements(inOne ? 1 : 2, s::flush));
      if (inOne) {
        assertThat(sent.get(0))
            .isEqualTo("UPDATE df_line SET quantity = ? WHERE id = ? RETURNING total");
      } else {
        assertThat(sent.get(1)).isEqualTo("SELECT id, total FROM df_line WHERE id IN (?)");
      }
      assertThat(l.total).isEqualTo(30);
      sql.assertNoStatements(s::flush);
      s.commit();
    }
    assertThat(PlainSql.rows(url, "SELECT total FROM df_line ORDER BY id"))
        .containsExactly(List.of("30"), List.of("20"));
  }

  @Test
  void aVersionedRowIsUpdatedByKeyAndVersionThenReadBack() {
    VersionedLine line = new VersionedLine();
    line.price = 2;
    line.quantity = 3;
    try (Session s = db.session()) {
      s.add(line);
      s.commit();
      assertThat(line.total).isEqualTo(6);
      line.price = 4;
      List<String> sent = plain(sql.assertStatements(2, s::flush));
      assertThat(sent.get(0))
          .isEqualTo(
              "UPDATE df_versioned_line SET price = ?, version = ? WHERE id = ? AND version = ?");
      assertThat(sent.get(1)).isEqualTo("SELECT id, total FROM df_versioned_line WHERE id IN (?)");
      assertThat(line.total).isEqualTo(12);
      assertThat(line.version).isEqualTo(2);
      s.commit();
    }
  }

  @Test
  void aValueSetInAComputedFieldIsRefusedNotLost() {
    Line fresh = new Line(1, 1);
    fresh.total = 99;
    try (Session s = db.session()) {
      s.add(fresh);
      FlushException e = catchThrowableOfType(FlushException.class, s::flush);
      assertThat(e.code()).isEqualTo("database-column-written");
      assertThat(e.getMessage())
          .contains(
              "Line.total (df_line.total) is computed by the database (@Computed(\"price *"
                  + " quantity\")), and Tether never writes it, but the new object's field holds"
                  + " 99");
      fresh.total = null;
      s.commit();
      assertThat(fresh.total).isEqualTo(1);
    }
    try (Session s = db.session()) {
      Line l = s.get(Line.class, fresh.id);
      l.total = 5;
      FlushException e = catchThrowableOfType(FlushException.class, s::flush);
      assertThat(e.getMessage())
          .startsWith("Cannot update Line(")
          .contains("the field was changed from 1 to 5; the value would be lost.");
    }
  }

  static final ColumnAttribute<Line, Integer> PRICE =
      ColumnAttribute.of(Line.class, "price", Integer.class);
  static final ColumnAttribute<Line, Integer> TOTAL =
      ColumnAttribute.of(Line.class, "total", Integer.class);

  @Test
  void aBulkUpdateReadsTheComputedValuesOfTheObjectsTheSessionHolds() {
    try (Session s = db.session()) {
      Line held = new Line(3, 2);
      s.add(held);
      s.commit();
      sql.clear();
      s.bulkUpdate(Line.class).set(PRICE, 10).where(PRICE.eq(3)).execute();
      List<String> sent = plain(sql.statements());
      assertThat(sent.get(sent.size() - 1))
          .isEqualTo("SELECT id, total FROM df_line WHERE id IN (?)");
      assertThat(held.total).isEqualTo(20);
      sql.assertNoStatements(s::flush);
      QueryException e =
          catchThrowableOfType(
              QueryException.class, () -> s.bulkUpdate(Line.class).set(TOTAL, 1).execute());
      assertThat(e.code()).isEqualTo("update-database-column");
      assertThat(e.getMessage())
          .contains(
              "Line.total (df_line.total) is written by the database on every UPDATE"
                  + " (@Computed), which would refuse or overwrite the value.");
    }
  }

  @Test
  void mergeKeepsTheRowsComputedValue() {
    Line line = new Line(2, 2);
    try (Session s = db.session()) {
      s.add(line);
      s.commit();
    }
    line.total = 1000; // detached, and stale
    line.price = 3;
    try (Session s = db.session()) {
      Line merged = s.merge(line);
      assertThat(merged.total).isEqualTo(4);
      s.commit();
      assertThat(merged.total).isEqualTo(6);
    }
  }
}
