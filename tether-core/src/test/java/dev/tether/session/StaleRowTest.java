package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.StaleObjectException;
import dev.tether.Table;
import dev.tether.testing.ExistingSchema;
import dev.tether.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An UPDATE or DELETE of an unversioned row that does not match exactly one row fails the flush
 * with {@link StaleObjectException} (SQLAlchemy's {@code StaleDataError}), on every database: the
 * row deleted by another program first (0 rows), or a key the table does not enforce (2 rows).
 * Nothing is written, the changes stay pending, and the session works after a rollback.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class StaleRowTest {
  @Parameter TestDatabase target;
  ExistingSchema schema;
  Database db;

  /** An unversioned row; its table's key is enforced or not, per test. */
  @Table("sr_item")
  public static class Item extends Model {
    @Id public Integer code;
    public String name;
  }

  void open(String keyClause) {
    schema =
        ExistingSchema.create(
            target,
            List.of("CREATE TABLE sr_item (code INTEGER " + keyClause + ", name VARCHAR(50))"));
    db = schema.open(Registry.of(Item.class));
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
    schema.close();
  }

  @Test
  void updateOfARowDeletedMeanwhileRaisesAndTheSessionRecovers() {
    open("PRIMARY KEY");
    schema.execute("INSERT INTO sr_item (code, name) VALUES (1, 'a'), (2, 'b')");
    try (Session s = db.session()) {
      Item one = s.get(Item.class, 1);
      Item two = s.get(Item.class, 2);
      s.commit();
      schema.execute("DELETE FROM sr_item WHERE code = 2");
      one.name = "a2";
      two.name = "b2";
      assertThatThrownBy(s::commit)
          .isInstanceOf(StaleObjectException.class)
          .hasMessageStartingWith("Cannot update Item (code = 2): the update matched no row.")
          .hasMessageContaining("[SQL: UPDATE ")
          .satisfies(e -> assertThat(((StaleObjectException) e).key()).isEqualTo(2))
          .satisfies(e -> assertThat(((StaleObjectException) e).entity()).isEqualTo(Item.class));
      assertThat(schema.rows("SELECT name FROM sr_item")).containsExactly(List.of("a"));
      s.rollback();
      Item again = s.get(Item.class, 1);
      again.name = "a3";
      s.commit();
    }
    assertThat(schema.rows("SELECT name FROM sr_item")).containsExactly(List.of("a3"));
  }

  @Test
  void deleteOfARowDeletedMeanwhileRaises() {
    open("PRIMARY KEY");
    schema.execute("INSERT INTO sr_item (code, name) VALUES (1, 'a')");
    try (Session s = db.session()) {
      Item one = s.get(Item.class, 1);
      s.commit();
      schema.execute("DELETE FROM sr_item");
      s.delete(one);
      assertThatThrownBy(s::commit)
          .isInstanceOf(StaleObjectException.class)
          .hasMessageStartingWith("Cannot delete Item (code = 1): the delete matched no row.");
      s.rollback();
    }
  }

  @Test
  void aKeyTheTableDoesNotEnforceMatchingTwoRowsRaisesAndWritesNothing() {
    open("NOT NULL");
    schema.execute("INSERT INTO sr_item (code, name) VALUES (7, 'x'), (7, 'y')");
    try (Session s = db.session()) {
      Item x = s.selectSql(Item.class, "SELECT * FROM sr_item WHERE name = ?", "x").get(0);
      x.name = "z";
      assertThatThrownBy(s::commit)
          .isInstanceOf(StaleObjectException.class)
          .hasMessageContaining(
              "Cannot update Item (code = 7): the update matched 2 rows where it" + " expected 1")
          .hasMessageContaining("Map a key that the table enforces.");
      s.rollback();
    }
    assertThat(schema.rows("SELECT name FROM sr_item ORDER BY name"))
        .containsExactly(List.of("x"), List.of("y"));
  }
}
