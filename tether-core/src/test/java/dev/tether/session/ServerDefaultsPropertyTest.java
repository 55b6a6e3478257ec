package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.fixtures.DatabaseFilled.Ticket;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Batches of new rows that set a random subset of the columns with server defaults, on every
 * available database: each distinct subset is one INSERT (the rows that share it batched, in the
 * order they were added), every value the database chose comes back in that INSERT, what the
 * application set is kept, a second flush sends nothing, and memory equals what a fresh session
 * loads.
 */
class ServerDefaultsPropertyTest {
  private static final Map<TestDatabase, Database> OPEN = new EnumMap<>(TestDatabase.class);
  private static final LocalDateTime SET_TIME = LocalDateTime.of(2020, 2, 2, 2, 2, 2);

  @BeforeContainer
  static void open() {
    OPEN.putAll(TestDatabase.openEveryAvailable(Registry.of(Ticket.class)));
  }

  @AfterContainer
  static void close() {
    OPEN.values().forEach(Database::close);
    OPEN.clear();
  }

  @Property(tries = 40)
  void everyMixOfSetAndUnsetDefaultsIsWrittenAndReadBackExactly(@ForAll long seed) {
    assertThat(OPEN).containsKey(TestDatabase.SQLITE);
    for (Map.Entry<TestDatabase, Database> e : OPEN.entrySet()) {
      run(e.getValue(), new Random(seed), e.getKey().name() + " seed " + seed);
    }
  }

  private static void run(Database db, Random random, String where) {
    StatementRecorder sql = new StatementRecorder();
    List<Ticket> tickets = new ArrayList<>();
    Set<Integer> patterns = new HashSet<>();
    for (int i = 1 + random.nextInt(25); i > 0; i--) {
      int pattern = random.nextInt(16);
      patterns.add(pattern);
      Ticket t = new Ticket("t" + i);
      t.status = (pattern & 1) != 0 ? "set" : null;
      t.openedAt = (pattern & 2) != 0 ? SET_TIME : null;
      t.attempts = (pattern & 4) != 0 ? 7 : null;
      t.priority = (pattern & 8) != 0 ? 9 : null;
      tickets.add(t);
    }
    List<Integer> setBits = tickets.stream().map(ServerDefaultsPropertyTest::bits).toList();
    db.addStatementListener(sql);
    try (Session s = db.session()) {
      tickets.forEach(s::add);
      s.flush();
      assertThat(sql.count()).as(where + " " + sql).isEqualTo(patterns.size());
      sql.clear();
      s.flush();
      assertThat(sql.count()).as(where + ": a second flush " + sql).isZero();
      s.commit();
    } finally {
      db.removeStatementListener(sql);
    }
    for (int i = 0; i < tickets.size(); i++) {
      Ticket t = tickets.get(i);
      int set = setBits.get(i);
      assertThat(t.status).as(where).isEqualTo((set & 1) != 0 ? "set" : "new");
      assertThat(t.openedAt).as(where).isNotNull();
      if ((set & 2) != 0) {
        assertThat(t.openedAt).as(where).isEqualTo(SET_TIME);
      }
      assertThat(t.attempts).as(where).isEqualTo((set & 4) != 0 ? 7 : 0);
      assertThat(t.priority).as(where).isEqualTo((set & 8) != 0 ? 9 : 3);
    }
    try (Session s = db.session()) {
      for (Ticket t : tickets) {
        Ticket read = s.get(Ticket.class, t.id);
        assertThat(List.of(read.status, read.openedAt, read.attempts, read.priority))
            .as(where)
            .containsExactly(t.status, t.openedAt, t.attempts, t.priority);
      }
    }
  }

  /** Which of the four defaulted fields {@code t} sets, as bits. */
  private static int bits(Ticket t) {
    return (t.status != null ? 1 : 0)
        | (t.openedAt != null ? 2 : 0)
        | (t.attempts != null ? 4 : 0)
        | (t.priority != null ? 8 : 0);
  }
}
