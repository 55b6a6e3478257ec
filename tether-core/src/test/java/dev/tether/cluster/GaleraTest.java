package dev.tether.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.DatabaseException;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.RetryPolicy;
import dev.tether.Session;
import dev.tether.Table;
import dev.tether.Version;
import dev.tether.fixtures.BackPopulates.Child;
import dev.tether.fixtures.BackPopulates.Parent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tether on a 3-node MariaDB Galera cluster ({@code .ci/galera}; Galera-specific, so not on {@code
 * TestDatabase}'s three databases): writes on one node read on another, keys read back with {@code
 * INSERT ... RETURNING} under {@code auto_increment_increment = 3}, and the certification conflict
 * that replaces cross-node row locks, seen at COMMIT as code {@code serialization} and retried by
 * {@code inTransaction}. Runs when {@code TETHER_TEST_GALERA_URL} is set ({@link GaleraCluster}).
 */
class GaleraTest {
  /** A versioned row both nodes update. */
  @Table("galera_counter")
  public static class Counter extends Model {
    @Id public Integer id;
    public int value;
    @Version public Integer version;

    public Counter() {}

    Counter(int id) {
      this.id = id;
    }
  }

  static final Registry FAMILY = Registry.of(Parent.class, Child.class);
  static final Registry COUNTERS = Registry.of(Counter.class);

  GaleraCluster cluster;
  final List<Database> open = new ArrayList<>();

  @BeforeEach
  void cluster() {
    cluster = GaleraCluster.require();
  }

  @AfterEach
  void close() {
    open.forEach(Database::close);
  }

  private Database node(int n, Registry models) {
    Database db = cluster.openNode(n, models);
    open.add(db);
    return db;
  }

  private Database all(Registry models) {
    Database db = cluster.open(models);
    open.add(db);
    return db;
  }

  @Test
  void writesOnNodeOneAreReadOnNodeThreeWithTheirKeysAndRelationships() {
    all(FAMILY); // creates the tables, cluster-wide
    Database one = node(1, FAMILY);
    Database three = node(3, FAMILY);
    Parent parent = new Parent("p");
    List<Child> children = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      children.add(new Child("c" + i));
    }
    parent.children.addAll(children);
    one.inTransaction(s -> s.add(parent));

    // every key Tether read back is the row's own: node 1 hands out every third value
    int increment =
        Integer.parseInt(cluster.rows(1, "SELECT @@auto_increment_increment").get(0).get(0));
    int offset = Integer.parseInt(cluster.rows(1, "SELECT @@auto_increment_offset").get(0).get(0));
    assertThat(increment).as("wsrep_auto_increment_control: one step per node").isEqualTo(3);
    Map<String, Integer> written = new TreeMap<>();
    for (Child c : children) {
      written.put(c.name, c.id);
      assertThat(c.parentId).isEqualTo(parent.id);
    }
    assertThat(written.values())
        .allSatisfy(id -> assertThat(id % increment).isEqualTo(offset % increment));
    Map<String, Integer> stored = new TreeMap<>();
    for (List<String> row : cluster.rows(3, "SELECT name, id FROM bp_child")) {
      stored.put(row.get(0), Integer.parseInt(row.get(1)));
    }
    assertThat(stored).isEqualTo(written);

    try (Session s = three.session()) {
      Parent loaded = s.get(Parent.class, parent.id);
      assertThat(loaded.name).isEqualTo("p");
      assertThat(loaded.children)
          .extracting(c -> c.name)
          .containsExactlyInAnyOrder("c0", "c1", "c2", "c3", "c4");
      Child moved = loaded.children.get(0);
      Parent other = new Parent("q");
      other.children.add(moved); // backPopulates: moved leaves loaded.children
      s.add(other);
      s.commit();
    }
    try (Session s = one.session()) {
      assertThat(s.get(Parent.class, parent.id).children).hasSize(4);
      Parent q =
          s.select(Parent.class).list().stream()
              .filter(p -> "q".equals(p.name))
              .findFirst()
              .orElseThrow();
      assertThat(q.children).hasSize(1);
      assertThat(q.id % increment)
          .as("node 3's key, from node 3's own offset")
          .isNotEqualTo(offset % increment);
    }
  }

  @Test
  void anUpdateOnTwoNodesIsACertificationConflictAtCommit() {
    all(COUNTERS);
    Database one = node(1, COUNTERS);
    Database two = node(2, COUNTERS);
    one.inTransaction(s -> s.add(new Counter(1)));
    waitUntilReplicated(2, "SELECT count(*) FROM galera_counter", "1");

    try (Session first = one.session();
        Session second = two.session()) {
      first.get(Counter.class, 1).value = 10;
      second.get(Counter.class, 1).value = 20;
      // on one server the second UPDATE would wait for the first's row lock; across nodes nothing
      // waits: both run, each on its own node's copy of version 1
      first.flush();
      second.flush();
      first.commit();
      assertThatThrownBy(second::commit)
          .isInstanceOfSatisfying(
              DatabaseException.class,
              e -> {
                assertThat(e.code()).isEqualTo("serialization");
                assertThat(e.sqlState()).isEqualTo("40001");
              });
    }
    assertThat(cluster.rows(2, "SELECT value, version FROM galera_counter"))
        .containsExactly(List.of("10", "2"));
  }

  @Test
  void inTransactionRetriesTheLoserOfACertificationConflict() {
    all(COUNTERS);
    Database one = node(1, COUNTERS);
    Database two = node(2, COUNTERS);
    one.inTransaction(s -> s.add(new Counter(1)));
    waitUntilReplicated(2, "SELECT count(*) FROM galera_counter", "1");

    AtomicInteger attempts = new AtomicInteger();
    two.inTransaction(
        RetryPolicy.defaults(),
        s -> {
          Counter c = s.get(Counter.class, 1);
          c.value += 1;
          s.flush();
          if (attempts.incrementAndGet() == 1) {
            // another node commits the same row meanwhile: this transaction loses at COMMIT
            one.inTransaction(
                RetryPolicy.none(), other -> other.get(Counter.class, 1).value += 100);
          }
        });
    assertThat(attempts).hasValue(2);
    assertThat(cluster.rows(1, "SELECT value, version FROM galera_counter"))
        .containsExactly(List.of("101", "3"));
  }

  /** Galera applies a committed write set on the other nodes asynchronously (after certifying). */
  private void waitUntilReplicated(int n, String sql, String expected) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!expected.equals(cluster.rows(n, sql).get(0).get(0))) {
      assertThat(System.nanoTime())
          .as("node " + n + " sees " + sql + " = " + expected)
          .isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
