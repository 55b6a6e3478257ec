package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Registry;
import dev.tether.Relationship;
import dev.tether.Session;
import dev.tether.Table;
import dev.tether.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The flush-consistency invariant with cascades, as a state machine: random moves, removals,
 * re-parenting, new rows, deletes of a line, of an order ({@code cascade = "all, delete-orphan"}:
 * its lines go too) and of a category (default cascade: its orders are kept with a NULL key), loads
 * and intermediate flushes. A plain model predicts which rows survive and where each points; after
 * the final flush the database must match the model, and the graph in memory must equal what a
 * fresh session loads. Every try runs on SQLite; every third also on PostgreSQL and MariaDB.
 */
class CascadeFlushPropertyTest {
  /** A category of orders; deleting it keeps the orders (default cascade), keys set to NULL. */
  @Table("cf_category")
  public static class Category extends Model {
    @Id public Integer id;
    public String name;

    @Relationship(backPopulates = "category")
    public final Many<Order> orders = many();

    public Category() {}

    Category(String name) {
      this.name = name;
    }
  }

  /** An order owns its lines: deleting it deletes them, a line without an order is deleted. */
  @Table("cf_order")
  public static class Order extends Model {
    @Id public Integer id;
    public String name;

    @ForeignKey("cf_category.id")
    public Integer categoryId;

    @Relationship(backPopulates = "orders")
    public final One<Category> category = one();

    @Relationship(backPopulates = "order", cascade = "all, delete-orphan")
    public final Many<Line> lines = many();

    public Order() {}

    Order(String name) {
      this.name = name;
    }
  }

  /** A line of an order. */
  @Table("cf_line")
  public static class Line extends Model {
    @Id public Integer id;
    public String name;

    @ForeignKey("cf_order.id")
    public Integer orderId;

    @Relationship(backPopulates = "lines")
    public final One<Order> order = one();

    public Line() {}

    Line(String name) {
      this.name = name;
    }
  }

  private static final Map<TestDatabase, Database> OPEN = new HashMap<>();
  private static int tries;

  @BeforeContainer
  static void open() {
    OPEN.putAll(
        TestDatabase.openEveryAvailable(Registry.of(Category.class, Order.class, Line.class)));
  }

  @AfterContainer
  static void close() {
    OPEN.values().forEach(Database::close);
    OPEN.clear();
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Property(tries = 60)
  void cascadesLeaveMemoryAndDatabaseAsTheModelSays(@ForAll("seeds") long seed) {
    assertThat(OPEN).containsKey(TestDatabase.SQLITE);
    boolean servers = tries++ % 3 == 0;
    for (Map.Entry<TestDatabase, Database> e : OPEN.entrySet()) {
      if (servers || e.getKey() == TestDatabase.SQLITE) {
        new Run(e.getValue(), new Random(seed), e.getKey().name()).check();
      }
    }
  }

  /** One random sequence against one database, with the model of what must survive. */
  private static final class Run {
    final Database db;
    final Random random;
    final String where;
    final List<String> log = new ArrayList<>();
    final List<Category> categories = new ArrayList<>();
    final List<Order> orders = new ArrayList<>();
    final List<Line> lines = new ArrayList<>();
    // the model: each living line's order, each living order's category
    final Map<Line, Order> lineOrder = new IdentityHashMap<>();
    final Map<Order, Category> orderCategory = new IdentityHashMap<>();
    final Set<Object> gone = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    final Set<Line> deletedLines = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    Run(Database db, Random random, String where) {
      this.db = db;
      this.random = random;
      this.where = where;
    }

    void check() {
      try (Session s = db.session()) {
        setUp(s);
        int steps = 6 + random.nextInt(14);
        for (int step = 0; step < steps; step++) {
          step(s, step);
        }
        flush(s);
        assertAgainstModelAndFreshLoad(s);
      }
    }

    private void setUp(Session s) {
      for (int i = 0; i < 2; i++) {
        Category c = new Category("k" + i);
        categories.add(c);
        s.add(c);
      }
      for (int i = 0; i < 3; i++) {
        Order o = new Order("o" + i);
        orders.add(o);
        if (random.nextBoolean()) {
          Category c = pick(categories);
          o.category.set(c);
          orderCategory.put(o, c);
        } else {
          orderCategory.put(o, null);
        }
        s.add(o);
        for (int j = 0; j < 1 + random.nextInt(3); j++) {
          Line l = new Line(o.name + "l" + j);
          o.lines.add(l);
          lines.add(l);
          lineOrder.put(l, o);
        }
      }
      s.commit(); // relationships expire: collections start unloaded
    }

    private void step(Session s, int step) {
      Order o = pick(alive(orders));
      Line l = pick(movable());
      switch (random.nextInt(12)) {
        case 0 -> {
          if (l != null && o != null) {
            l.order.set(o);
            lineOrder.put(l, o);
            log.add(l.name + ".order=" + o.name);
          }
        }
        case 1 -> {
          if (l != null && o != null) {
            o.lines.add(l);
            lineOrder.put(l, o);
            log.add(o.name + ".lines.add(" + l.name + ")");
          }
        }
        case 2 -> {
          if (l != null && l.order.get() != null) {
            Order from = l.order.get();
            from.lines.remove(l);
            lineOrder.put(l, null);
            log.add(from.name + ".lines.remove(" + l.name + ")");
          }
        }
        case 3 -> {
          if (l != null) {
            l.order.set(null);
            lineOrder.put(l, null);
            log.add(l.name + ".order=null");
          }
        }
        case 4 -> {
          if (o != null) {
            Line n = new Line("n" + step);
            if (random.nextBoolean()) {
              n.order.set(o);
            } else {
              o.lines.add(n);
            }
            lines.add(n);
            lineOrder.put(n, o);
            log.add("new " + n.name + " in " + o.name);
          }
        }
        case 5 -> {
          if (l != null && l.id != null) {
            s.delete(l);
            deletedLines.add(l);
            log.add("delete(" + l.name + ")");
          }
        }
        case 6 -> {
          if (o != null && o.id != null) {
            s.delete(o);
            log.add("delete(" + o.name + ") + flush");
            for (Map.Entry<Line, Order> e : lineOrder.entrySet()) {
              if (e.getValue() == o) {
                e.setValue(null); // deleted along with the order at the flush
              }
            }
            orderCategory.remove(o);
            gone.add(o);
            flush(s);
          }
        }
        case 7 -> {
          Category c = pick(alive(categories));
          if (c != null && c.id != null) {
            s.delete(c);
            log.add("delete(" + c.name + ") + flush");
            orderCategory.replaceAll((order, cat) -> cat == c ? null : cat);
            gone.add(c);
            flush(s);
          }
        }
        case 8 -> {
          if (o != null) {
            Category c = random.nextInt(3) == 0 ? null : pick(alive(categories));
            o.category.set(c);
            orderCategory.put(o, c);
            log.add(o.name + ".category=" + (c == null ? null : c.name));
          }
        }
        case 9 -> {
          if (o != null) {
            o.lines.size();
            log.add("load " + o.name + ".lines");
          }
        }
        case 10 -> {
          if (l != null) {
            l.name = l.name + "'";
            log.add("rename " + l.name);
          }
        }
        default -> flush(s);
      }
    }

    /** Flushes, and applies to the model what a flush does: orphans and deleted lines are gone. */
    private void flush(Session s) {
      s.flush();
      log.add("flush");
      for (Line l : new ArrayList<>(lineOrder.keySet())) {
        if (lineOrder.get(l) == null || deletedLines.contains(l)) {
          lineOrder.remove(l);
          gone.add(l);
          assertThat(s.stateOf(l))
              .as("%s: %s is deleted (or, never flushed, transient) after %s", where, l.name, log)
              .isIn(dev.tether.ObjectState.DELETED, dev.tether.ObjectState.TRANSIENT);
        }
      }
      deletedLines.clear();
    }

    private void assertAgainstModelAndFreshLoad(Session s) {
      Map<Integer, Integer> expectedLineOrder = new TreeMap<>();
      lineOrder.forEach((l, o) -> expectedLineOrder.put(l.id, o.id));
      Map<Integer, Integer> expectedOrderCategory = new TreeMap<>();
      orderCategory.forEach((o, c) -> expectedOrderCategory.put(o.id, c == null ? null : c.id));
      Map<Integer, List<Integer>> memoryLines = new HashMap<>();
      for (Order o : alive(orders)) {
        memoryLines.put(o.id, o.lines.stream().map(x -> x.id).sorted().toList());
        Category c = o.category.get();
        assertThat(c == null ? null : c.id)
            .as("%s: %s.category after %s", where, o.name, log)
            .isEqualTo(o.categoryId);
      }
      Map<Integer, List<Integer>> memoryOrders = new HashMap<>();
      for (Category c : alive(categories)) {
        memoryOrders.put(c.id, c.orders.stream().map(x -> x.id).sorted().toList());
      }
      for (Line l : lineOrder.keySet()) {
        Order o = l.order.get();
        assertThat(o == null ? null : o.id)
            .as("%s: %s.order after %s", where, l.name, log)
            .isEqualTo(l.orderId);
      }
      s.commit();
      try (Session fresh = db.session()) {
        Map<Integer, Integer> dbLineOrder = new TreeMap<>();
        Map<Integer, Integer> dbOrderCategory = new TreeMap<>();
        for (Line l : lines) {
          if (l.id != null) {
            Line found = fresh.get(Line.class, l.id);
            if (found != null) {
              dbLineOrder.put(found.id, found.orderId);
            }
          }
        }
        for (Order o : orders) {
          if (o.id != null) {
            Order found = fresh.get(Order.class, o.id);
            if (found != null) {
              dbOrderCategory.put(found.id, found.categoryId);
              assertThat(found.lines.stream().map(x -> x.id).sorted().toList())
                  .as("%s: lines of %s, memory vs fresh load, after %s", where, o.name, log)
                  .isEqualTo(memoryLines.get(o.id));
            }
          }
        }
        for (Category c : alive(categories)) {
          assertThat(
                  fresh.get(Category.class, c.id).orders.stream().map(x -> x.id).sorted().toList())
              .as("%s: orders of %s, memory vs fresh load, after %s", where, c.name, log)
              .isEqualTo(memoryOrders.get(c.id));
        }
        for (Category c : categories) {
          if (gone.contains(c)) {
            assertThat(fresh.get(Category.class, c.id))
                .as("%s: %s deleted", where, c.name)
                .isNull();
          }
        }
        assertThat(dbLineOrder)
            .as("%s: lines and their orders after %s", where, log)
            .isEqualTo(expectedLineOrder);
        assertThat(dbOrderCategory)
            .as("%s: orders and their categories after %s", where, log)
            .isEqualTo(expectedOrderCategory);
      }
    }

    private <T> List<T> alive(List<T> all) {
      return all.stream().filter(x -> !gone.contains(x)).toList();
    }

    /** Lines that may be moved: alive, not deleted in this flush. */
    private List<Line> movable() {
      List<Line> out = new ArrayList<>();
      for (Line l : lines) {
        if (lineOrder.containsKey(l) && !deletedLines.contains(l)) {
          out.add(l);
        }
      }
      return out;
    }

    private <T> T pick(List<T> from) {
      return from.isEmpty() ? null : from.get(random.nextInt(from.size()));
    }
  }
}
