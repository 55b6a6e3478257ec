package dev.tether.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tether.Database;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.Table;
import dev.tether.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Iterator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Streaming a million rows with bounded memory. The rows are made by the server (a cross join of a
 * ten-row table, six times) through a second connection, so the test needs a server database.
 *
 * <p>The documented limit: streaming {@code readOnly()} objects with a fetch size of 1,000 keeps
 * the used heap (measured after a GC every 100,000 rows) within {@value #HEAP_LIMIT_MB} MB of what
 * it was before the stream opened. Holding the million objects would take well over 100 MB.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class StreamingTest {
  static final int ROWS = 1_000_000;
  static final long HEAP_LIMIT_MB = 48;

  /** {@code st_item(id, n)}. */
  @Table("st_item")
  public static class Item extends Model {
    @Id public Integer id;
    public Integer n;
  }

  /** Metamodel of {@link Item}. */
  static final class Item_ {
    static final ColumnAttribute<Item, Integer> id =
        ColumnAttribute.of(Item.class, "id", Integer.class);
  }

  @Parameter TestDatabase target;
  Database db;

  @BeforeEach
  void open() {
    db = target.open(Registry.of(Item.class));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aMillionRowsStreamInBoundedMemory() throws Exception {
    assumeTrue(target.canKillConnections(), "embedded: no second connection fills its tables");
    try (Connection c = DriverManager.getConnection(target.url());
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE st_digit (d INTEGER NOT NULL)");
      st.execute("INSERT INTO st_digit VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
      st.execute(
          "INSERT INTO st_item (id, n) SELECT 1 + a.d + 10 * b.d + 100 * c.d + 1000 * d.d"
              + " + 10000 * e.d + 100000 * f.d, a.d FROM st_digit a CROSS JOIN st_digit b"
              + " CROSS JOIN st_digit c CROSS JOIN st_digit d CROSS JOIN st_digit e"
              + " CROSS JOIN st_digit f");
    }
    long before = usedHeapAfterGc();
    long peak = 0;
    long count = 0;
    long sum = 0;
    try (Session s = db.session();
        Stream<Item> items = s.select(Item.class).orderBy(Item_.id.asc()).readOnly().stream(1000)) {
      Iterator<Item> it = items.iterator();
      while (it.hasNext()) {
        Item item = it.next();
        count++;
        sum += item.n;
        if (count % 100_000 == 0) {
          peak = Math.max(peak, usedHeapAfterGc() - before);
        }
      }
    }
    assertThat(count).isEqualTo(ROWS);
    assertThat(sum).isEqualTo(4_500_000L); // each digit 0..9 equally often
    assertThat(peak / (1024 * 1024))
        .as("heap growth while streaming (MB)")
        .isLessThan(HEAP_LIMIT_MB);
  }

  @Test
  void aTrackedStreamDetachingEachChunkKeepsTheSessionSmall() {
    try (Session s = db.session()) {
      for (int i = 1; i <= 2500; i++) {
        Item item = new Item();
        item.n = i;
        s.add(item);
      }
      s.commit();
    }
    try (Session s = db.session();
        Stream<Item> items = s.select(Item.class).detachEachChunk().stream(1000)) {
      Iterator<Item> it = items.iterator();
      Item first = it.next();
      assertThat(s.contains(first)).isTrue();
      for (int i = 1; i < 1001; i++) {
        it.next(); // the 1001st row opens the second chunk
      }
      assertThat(s.contains(first)).isFalse();
    }
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }
}
