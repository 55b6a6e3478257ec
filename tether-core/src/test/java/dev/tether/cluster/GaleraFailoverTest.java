package dev.tether.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.CommitOutcomeUnknownException;
import dev.tether.Database;
import dev.tether.DatabaseException;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.RetryPolicy;
import dev.tether.Session;
import dev.tether.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Galera node dies under an open transaction (Galera-specific: {@code .ci/galera kill}). The
 * {@code loadbalance} driver reconnects to a live node and reports the transaction lost (SQLSTATE
 * {@code 25S03}); {@code inTransaction} runs the work again there, once, and it is applied once.
 * The pool's other connections to the dead node do not hold anyone up: every following transaction
 * succeeds within seconds (the group's own pause while it evicts the node included), none waits for
 * HikariCP's default 30 s. A node that dies while its COMMIT waits for the group is {@code
 * CommitOutcomeUnknownException}, never retried; the test reports whether that commit was in fact
 * applied.
 */
class GaleraFailoverTest {
  /** The node a connection is on, read through {@code selectSql}. */
  @Table("galera_node")
  public static class NodeName extends Model {
    @Id public String name;
  }

  /** A row per unit of work, so the test sees whether it was applied once. */
  @Table("galera_entry")
  public static class Entry extends Model {
    @Id public Integer id;
    public String label;

    public Entry() {}

    Entry(String label) {
      this.label = label;
    }
  }

  GaleraCluster cluster;
  Database db;
  Database other;
  int killed;

  @BeforeEach
  void open() {
    cluster = GaleraCluster.require();
    db = cluster.open(Registry.of(NodeName.class, Entry.class));
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
    if (other != null) {
      other.close();
    }
    if (killed > 0) {
      cluster.startAll(); // the killed node rejoins; every node synced before the next test
    }
  }

  private static int nodeOf(Session s) {
    String name = s.selectSql(NodeName.class, "SELECT @@wsrep_node_name AS name").get(0).name;
    return Integer.parseInt(name.substring("node".length()));
  }

  @Test
  void aTransactionLostWithItsNodeIsRunAgainOnALiveNodeAndAppliedOnce() {
    // warm the pool: several connections, spread over the nodes
    for (int i = 0; i < 8; i++) {
      db.inTransaction(s -> s.add(new Entry("warm")));
    }
    AtomicInteger attempts = new AtomicInteger();
    List<Integer> nodes = new ArrayList<>();
    List<DatabaseException> lost = new ArrayList<>();
    long start = System.nanoTime();
    db.inTransaction(
        RetryPolicy.defaults(),
        s -> {
          attempts.incrementAndGet();
          int node = nodeOf(s);
          nodes.add(node);
          s.add(new Entry("once"));
          s.flush(); // the INSERT runs on this node, in this transaction
          if (killed == 0) {
            killed = node;
            cluster.kill(node);
            try {
              s.flush(); // nothing pending: still no round trip
              s.selectSql(NodeName.class, "SELECT @@wsrep_node_name AS name");
            } catch (DatabaseException e) {
              lost.add(e);
              throw e;
            }
          }
        });
    assertThat(attempts).hasValue(2);
    assertThat(lost).singleElement().satisfies(e -> assertThat(e.sqlState()).isEqualTo("25S03"));
    assertThat(nodes.get(1)).as("the retry ran on a live node").isNotEqualTo(killed);
    assertThat(cluster.rows(nodes.get(1), "SELECT count(*) FROM galera_entry WHERE label = 'once'"))
        .containsExactly(List.of("1"));

    // the pool still holds connections to the dead node: none of them costs a caller HikariCP's
    // 30 s (the group itself may pause up to ~3.5 s while it evicts the dead node)
    for (int i = 0; i < 12; i++) {
      long t = System.nanoTime();
      db.inTransaction(RetryPolicy.defaults(), s -> s.add(new Entry("after")));
      assertThat(Duration.ofNanos(System.nanoTime() - t))
          .as("transaction %d after the kill", i)
          .isLessThan(Duration.ofSeconds(6));
    }
    System.out.printf(
        "[galera] failover: node %d killed under a transaction; retried on node %d, %d transactions"
            + " after it, %.2f s in all%n",
        killed, nodes.get(1), 12, (System.nanoTime() - start) / 1e9);
  }

  @Test
  void aNodeDyingWhileCommitIsInFlightIsAnUnknownOutcomeNeverRetried() throws Exception {
    // node 2 first: the driver's failover (the code path of loadbalance) goes to node 1
    other =
        Database.builder(cluster.urlOver("sequential", 2, 1))
            .poolSize(2)
            .connectionTimeout(Duration.ofSeconds(2))
            .open(Registry.of(NodeName.class, Entry.class));
    AtomicInteger attempts = new AtomicInteger();
    Thread faults =
        new Thread(
            () -> {
              try {
                Thread.sleep(300); // COMMIT is waiting for node 3 by now
                killed = 2;
                cluster.kill(2);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    Thread thaw =
        new Thread(
            () -> {
              try {
                Thread.sleep(1_000); // before the group would evict node 3 (2 s)
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              cluster.resume(3);
            });
    assertThatThrownBy(
            () ->
                other.inTransaction(
                    RetryPolicy.defaults().attempts(5),
                    s -> {
                      attempts.incrementAndGet();
                      assertThat(nodeOf(s)).isEqualTo(2);
                      s.add(new Entry("in flight"));
                      s.flush();
                      cluster.pause(3); // the group stalls: node 2's COMMIT waits for node 3
                      faults.start();
                      thaw.start();
                    }))
        .isInstanceOfSatisfying(
            CommitOutcomeUnknownException.class,
            e -> assertThat(e.code()).isEqualTo("commit-outcome-unknown"));
    faults.join();
    thaw.join();
    assertThat(attempts).as("never retried").hasValue(1);
    String applied =
        cluster
            .rows(1, "SELECT count(*) FROM galera_entry WHERE label = 'in flight'")
            .get(0)
            .get(0);
    assertThat(applied).isIn("0", "1");
    System.out.println(
        "[galera] node 2 killed while its COMMIT waited for the group: CommitOutcomeUnknownException,"
            + " in fact "
            + ("1".equals(applied) ? "applied" : "not applied"));
  }
}
