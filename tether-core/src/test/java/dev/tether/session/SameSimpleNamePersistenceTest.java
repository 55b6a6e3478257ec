package dev.tether.session;

import static dev.tether.testing.SqlText.plain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.Table;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two models with the same simple name (nested classes of different owners) in one registry: each
 * is read, written and deleted in its own table. Rendered SQL is cached per model, so the cache
 * must tell them apart.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class SameSimpleNamePersistenceTest {
  /** The shop's items. */
  static final class Shop {
    /** {@code sn_shop_item(id, name)}. */
    @Table("sn_shop_item")
    public static class Item extends Model {
      @Id public Integer id;
      public String name;
    }
  }

  /** The warehouse's items: same class name, another table and another column. */
  static final class Warehouse {
    /** {@code sn_warehouse_item(id, name, shelf)}. */
    @Table("sn_warehouse_item")
    public static class Item extends Model {
      @Id public Integer id;
      public String name;
      public String shelf;
    }
  }

  @Parameter TestDatabase target;
  Database db;
  final StatementRecorder sql = new StatementRecorder();

  @BeforeEach
  void open() {
    db = target.open(Registry.of(Shop.Item.class, Warehouse.Item.class));
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void eachModelUsesItsOwnTable() {
    Shop.Item sold = new Shop.Item();
    sold.name = "sold";
    Warehouse.Item stored = new Warehouse.Item();
    stored.name = "stored";
    stored.shelf = "A1";
    try (Session s = db.session()) {
      s.add(sold);
      s.add(stored);
      s.commit();
    }
    assertThat(sold.id).isEqualTo(stored.id).isEqualTo(1); // same key in two tables
    try (Session s = db.session()) {
      Shop.Item a = s.get(Shop.Item.class, 1);
      Warehouse.Item b = s.get(Warehouse.Item.class, 1);
      assertThat(a.name).isEqualTo("sold");
      assertThat(b.name).isEqualTo("stored");
      assertThat(b.shelf).isEqualTo("A1");
      sql.clear();
      s.delete(b);
      s.flush();
      assertThat(plain(sql.statements()))
          .containsExactly("DELETE FROM sn_warehouse_item WHERE id = ?");
      s.delete(a);
      s.flush();
      assertThat(plain(sql.statements()))
          .containsExactly(
              "DELETE FROM sn_warehouse_item WHERE id = ?",
              "DELETE FROM sn_shop_item WHERE id = ?");
      s.commit();
    }
  }
}
