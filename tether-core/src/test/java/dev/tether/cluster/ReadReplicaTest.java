package dev.tether.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.DatabaseException;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.SessionStateException;
import dev.tether.Table;
import dev.tether.TetherException;
import dev.tether.TransactionOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL primary with a streaming hot standby ({@code .ci/pg-replica}): read-only sessions
 * read the standby, everything else the primary; a thread's read-only session sees that thread's
 * commits, by waiting for the standby's replay (made to lag for real by pausing it) or by falling
 * back to the primary; a standby killed with {@code kill -9} sends reads to the primary and is used
 * again once restarted; a write in a read-only session fails with a typed error. PostgreSQL only:
 * streaming replicas are a PostgreSQL feature ({@link ReplicaPair} says how the tests are enabled).
 */
class ReadReplicaTest {
  static final TransactionOptions READ_ONLY = TransactionOptions.defaults().readOnly();

  /** A row to write on the primary and look for on the standby. */
  @Table("rr_note")
  public static class Note extends Model {
    @Id public Integer id;
    public String text;

    public Note() {}

    Note(String text) {
      this.text = text;
    }
  }

  /** Which server a session is on, read through the session's own SQL. */
  @Table("rr_server")
  public static class Server extends Model {
    @Id public Integer id;
    public Boolean inRecovery;
    public Integer port;
  }

  /**
   * Keyed by the backend's process id: a row from another connection is another object, so the
   * session's identity map never answers with the server an earlier transaction was on.
   */
  static final String WHICH_SERVER =
      "SELECT pg_backend_pid() AS id, pg_is_in_recovery() AS in_recovery,"
          + " inet_server_port() AS port";

  ReplicaPair pair;
  Database db;

  @BeforeEach
  void open() throws Exception {
    pair = ReplicaPair.require();
    pair.reset();
    db = open(Duration.ofSeconds(5));
    db.createAll();
    pair.awaitStreaming();
  }

  Database open(Duration maxWait) {
    return Database.builder(pair.primaryUrl)
        .replica(pair.replicaUrl)
        .readYourWrites(maxWait)
        .open(Registry.of(Note.class, Server.class));
  }

  @AfterEach
  void close() throws Exception {
    if (db != null) {
      db.close();
    }
    if (pair != null) {
      pair.run("restart-replica"); // no-op when it runs
      pair.run("resume-replay");
    }
  }

  static Server server(Session s) {
    return s.selectSql(Server.class, WHICH_SERVER).get(0);
  }

  static List<String> notes(Session s) {
    return s.selectSql(Note.class, "SELECT * FROM rr_note ORDER BY id").stream()
        .map(n -> n.text)
        .toList();
  }

  void write(String text) {
    db.inTransaction(s -> s.add(new Note(text)));
  }

  @Test
  void readOnlySessionsReadTheStandbyAndEveryOtherSessionThePrimary() {
    try (Session s = db.session()) {
      Server server = server(s);
      assertThat(server.inRecovery).isFalse();
      assertThat(server.port).isEqualTo(5433);
    }
    try (Session s = db.session(READ_ONLY)) {
      Server server = server(s);
      assertThat(server.inRecovery).isTrue();
      assertThat(server.port).isEqualTo(5434);
    }
    Server onReplica = db.callInTransaction(READ_ONLY, ReadReplicaTest::server);
    assertThat(onReplica.inRecovery).isTrue();
    write("written on the primary");
    try (Session s = db.session(READ_ONLY)) {
      assertThat(server(s).inRecovery).isTrue();
      assertThat(notes(s)).containsExactly("written on the primary");
    }
  }

  @Test
  void aReadOnlySessionWaitsForTheStandbyToReplayTheThreadsCommit() throws Exception {
    pair.run("pause-replay");
    write("lagging");
    // the standby really lags: another thread, with no commit of its own, reads it without waiting
    List<String> seenElsewhere =
        CompletableFuture.supplyAsync(
                () -> {
                  try (Session s = db.session(READ_ONLY)) {
                    assertThat(server(s).inRecovery).isTrue();
                    return notes(s);
                  }
                })
            .get();
    assertThat(seenElsewhere).isEmpty();
    CompletableFuture<Void> resume =
        CompletableFuture.runAsync(
            () -> {
              sleep(400);
              pair.run("resume-replay");
            });
    long start = System.nanoTime();
    try (Session s = db.session(READ_ONLY)) {
      Server server = server(s); // the transaction, and the wait, begin with the first statement
      long waitedMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(server.inRecovery).isTrue(); // waited for the standby rather than giving up
      assertThat(notes(s)).containsExactly("lagging");
      assertThat(waitedMillis).isBetween(300L, 4_000L);
      System.out.println("[replica] read-only session waited " + waitedMillis + " ms for replay");
    }
    resume.get();
  }

  @Test
  void withReadYourWritesCarriesTheGuaranteeToAnotherThread() throws Exception {
    pair.run("pause-replay");
    write("carried");
    CompletableFuture<Void> resume =
        CompletableFuture.runAsync(
            () -> {
              sleep(300);
              pair.run("resume-replay");
            });
    List<List<String>> seen = new java.util.ArrayList<>();
    Thread reader =
        new Thread(
            db.withReadYourWrites(
                () -> {
                  try (Session s = db.session(READ_ONLY)) {
                    assertThat(server(s).inRecovery).isTrue(); // waited for replay
                    seen.add(notes(s));
                  }
                }));
    reader.start();
    reader.join();
    resume.get();
    assertThat(seen).containsExactly(List.of("carried"));
  }

  @Test
  void aStandbyBehindForLongerThanMaxWaitLeavesTheReadToThePrimary() {
    db.close();
    db = open(Duration.ofMillis(300));
    pair.run("pause-replay");
    write("behind");
    long start = System.nanoTime();
    try (Session s = db.session(READ_ONLY)) {
      Server server = server(s);
      long waitedMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(server.inRecovery).isFalse();
      assertThat(server.port).isEqualTo(5433);
      assertThat(notes(s)).containsExactly("behind");
      assertThat(waitedMillis).isBetween(250L, 2_000L);
      System.out.println("[replica] fell back to the primary after " + waitedMillis + " ms");
    }
    pair.run("resume-replay");
  }

  @Test
  void aKilledStandbySendsReadsToThePrimaryAndIsUsedAgainOnceRestarted() {
    write("before the kill");
    try (Session s = db.session(READ_ONLY)) {
      assertThat(server(s).inRecovery).isTrue(); // the pool holds a standby connection now
    }
    pair.run("kill-replica");
    // a pooled standby connection used within the pool's last 0.5 s is not checked before use, so
    // the first read may meet the dead connection: inTransaction retries it, on the primary
    Server first = db.callInTransaction(READ_ONLY, ReadReplicaTest::server);
    assertThat(first.inRecovery).isFalse();
    for (int i = 0; i < 5; i++) {
      try (Session s = db.session(READ_ONLY)) {
        assertThat(server(s).inRecovery).isFalse();
        assertThat(notes(s)).containsExactly("before the kill");
      }
    }
    write("while it was dead");
    pair.run("restart-replica");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try (Session s = db.session(READ_ONLY)) {
        if (server(s).inRecovery) {
          assertThat(notes(s)).containsExactly("before the kill", "while it was dead");
          return;
        }
      }
      assertThat(System.nanoTime()).as("the restarted standby is used again").isLessThan(deadline);
      sleep(100);
    }
  }

  @Test
  void aStandbyKilledUnderAnOpenReadOnlyTransactionFailsItsStatementOnlyTheSessionGoesOn() {
    write("kept");
    try (Session s = db.session(READ_ONLY)) {
      assertThat(server(s).inRecovery).isTrue();
      pair.run("kill-replica");
      assertThatThrownBy(() -> notes(s))
          .isInstanceOfSatisfying(
              DatabaseException.class, e -> assertThat(e.sqlState()).matches("08...|57P0."));
      s.rollback();
      assertThat(server(s).inRecovery).isFalse(); // its next transaction: on the primary
      assertThat(notes(s)).containsExactly("kept");
    }
  }

  @Test
  void aWriteInAReadOnlySessionFailsTypedAndTheSessionStaysUsable() {
    try (Session s = db.session(READ_ONLY)) {
      s.add(new Note("refused"));
      assertThatThrownBy(s::commit)
          .isInstanceOfSatisfying(
              SessionStateException.class,
              e -> assertThat(e.code()).isEqualTo("read-only-session"));
      s.rollback();
      assertThatThrownBy(
              () ->
                  s.selectSql(Note.class, "INSERT INTO rr_note (text) VALUES ('raw') RETURNING *"))
          .isInstanceOfSatisfying(
              DatabaseException.class, e -> assertThat(e.sqlState()).isEqualTo("25006"))
          .hasMessageContaining("read-only session");
      s.rollback();
      assertThat(server(s).inRecovery).isTrue();
      assertThat(notes(s)).isEmpty();
    }
    try (Session s = db.session()) {
      assertThat(notes(s)).isEmpty();
    }
  }

  @Test
  void aReplicaDownWhenTheDatabaseOpensIsNoErrorReadsGoToThePrimary() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort(); // nothing listens there once it is closed
    }
    write("on the primary");
    try (Database down =
        Database.builder(pair.primaryUrl)
            .replica("jdbc:postgresql://127.0.0.1:" + closedPort + "/test?user=postgres")
            .open(Registry.of(Note.class, Server.class))) {
      for (int i = 0; i < 3; i++) {
        try (Session s = down.session(READ_ONLY)) {
          assertThat(server(s).inRecovery).isFalse();
          assertThat(notes(s)).containsExactly("on the primary");
        }
      }
    }
  }

  @Test
  void aReplicaDataSourceTheApplicationOwnsServesReadOnlySessions() {
    java.util.concurrent.atomic.AtomicInteger taken =
        new java.util.concurrent.atomic.AtomicInteger();
    javax.sql.DataSource standby =
        new dev.tether.testing.SimpleDataSource() {
          @Override
          public java.sql.Connection getConnection() throws java.sql.SQLException {
            taken.incrementAndGet();
            return java.sql.DriverManager.getConnection(pair.replicaUrl);
          }
        };
    write("through a data source");
    try (Database viaDataSource =
        Database.builder(pair.primaryUrl)
            .replica(standby)
            .open(Registry.of(Note.class, Server.class))) {
      try (Session s = viaDataSource.session(READ_ONLY)) {
        assertThat(server(s).inRecovery).isTrue();
        assertThat(notes(s)).containsExactly("through a data source");
      }
      try (Session s = viaDataSource.session()) {
        assertThat(server(s).inRecovery).isFalse();
      }
    }
    assertThat(taken).hasValue(1); // one read-only session, one connection of the application's
  }

  @Test
  void aReplicaUrlOfAnotherDatabaseIsATypedError() {
    assertThatThrownBy(
            () ->
                Database.builder(pair.primaryUrl)
                    .replica("jdbc:mariadb://127.0.0.1:3306/test")
                    .open(Registry.of(Note.class)))
        .isInstanceOfSatisfying(
            TetherException.class, e -> assertThat(e.code()).isEqualTo("replicas-unsupported"))
        .hasMessageContaining("is not a postgresql URL");
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
