package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.IntegrityException;
import dev.tether.Session;
import dev.tether.fixtures.BackPopulates;
import dev.tether.fixtures.BackPopulates.Child;
import dev.tether.fixtures.BackPopulates.Parent;
import dev.tether.testing.SimpleDataSource;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-transaction statement cache (F5) and the dialect's connection setup for application data
 * sources (F8), observed through a data source that hands out one physical connection (like a pool
 * of one) and counts what is prepared, closed and executed on it.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class StatementCacheTest {
  @Parameter TestDatabase target;
  final StatementRecorder sql = new StatementRecorder();
  CountingDataSource data;
  Database db;
  final Integer[] ids = new Integer[3];

  @BeforeEach
  void open() throws SQLException {
    target.open(BackPopulates.registry()).close(); // availability check and an empty database
    // no driver options: SQLite's URL does not ask for foreign keys, Tether must
    data = new CountingDataSource(DriverManager.getConnection(target.url()));
    db = Database.open(data, BackPopulates.registry());
    db.createAll();
    db.addStatementListener(sql);
    try (Session s = db.session()) {
      Parent[] parents = new Parent[3];
      for (int i = 0; i < 3; i++) {
        parents[i] = new Parent("p" + (i + 1));
        s.add(parents[i]);
      }
      s.commit();
      for (int i = 0; i < 3; i++) {
        ids[i] = parents[i].id;
      }
    }
    data.prepared.clear();
    sql.clear();
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
    data.physical.close();
  }

  @Test
  void lookupsInOneTransactionPrepareTheirSqlOnce() {
    try (Session s = db.session()) {
      sql.assertStatements(
          3,
          () -> {
            assertThat(s.get(Parent.class, ids[0]).name).isEqualTo("p1");
            assertThat(s.get(Parent.class, ids[1]).name).isEqualTo("p2");
            assertThat(s.get(Parent.class, ids[2]).name).isEqualTo("p3");
          });
      assertThat(data.prepared).hasSize(1);
      assertThat(data.openStatements()).isEqualTo(1); // cached, for the next lookup
    }
    assertThat(data.openStatements()).isZero(); // the session's end closed it
  }

  @Test
  void commitClosesTheCachedStatementsAndTheNextTransactionPreparesAgain() {
    try (Session s = db.session()) {
      s.get(Parent.class, ids[0]);
      s.commit();
      assertThat(data.openStatements()).isZero();
      s.get(Parent.class, ids[1]);
      assertThat(data.prepared).hasSize(2);
      assertThat(data.prepared.get(1)).isEqualTo(data.prepared.get(0));
    }
    assertThat(data.openStatements()).isZero();
  }

  @Test
  void aStatementWhoseUseFailedIsClosedAndTheSessionGoesOn() {
    try (Session s = db.session()) {
      s.get(Parent.class, ids[0]);
      Child orphan = new Child("orphan");
      orphan.parentId = 999; // no such parent: the insert fails
      s.add(orphan);
      assertThatThrownBy(s::flush).isInstanceOf(IntegrityException.class);
      assertThat(data.openStatements()).isZero(); // rolled back: nothing kept
      s.delete(orphan);
      Child child = new Child("c");
      child.parentId = ids[1];
      s.add(child);
      s.commit();
    }
    assertThat(data.openStatements()).isZero();
    try (Session s = db.session()) {
      assertThat(s.get(Parent.class, ids[1]).children).extracting(c -> c.name).containsExactly("c");
    }
  }

  @Test
  void repeatedBatchesOnOneCachedStatementWriteEveryRowOnce() {
    try (Session s = db.session()) {
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 3; i++) {
          Child c = new Child("r" + round + "c" + i);
          c.parentId = ids[i];
          s.add(c);
        }
        s.flush();
      }
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.get(Parent.class, ids[0]).children).hasSize(3);
      assertThat(s.select(Child.class).list()).hasSize(9);
    }
    assertThat(data.openStatements()).isZero();
  }

  @Test
  void foreignKeysAreEnforcedOnAnApplicationDataSourceWhoseUrlDoesNotAskForThem() {
    try (Session s = db.session()) {
      Child orphan = new Child("o");
      orphan.parentId = 999;
      s.add(orphan);
      assertThatThrownBy(s::commit).isInstanceOf(IntegrityException.class);
    }
  }

  @Test
  void theDialectSetsUpEachPhysicalConnectionOnce() {
    for (int i = 0; i < 3; i++) {
      try (Session s = db.session()) {
        s.get(Parent.class, ids[0]);
        s.commit();
      }
    }
    // every SQL run other than prepared statements (DDL, the dialect's set-up) ran once: the
    // set-up on the first acquisition of the physical connection, never again
    assertThat(data.executed).doesNotHaveDuplicates();
  }

  /**
   * One physical connection behind a new proxy per {@code getConnection} (as a pool does), whose
   * {@code close} gives it back; counts prepared statements (by SQL), open ones and other SQL.
   */
  static final class CountingDataSource extends SimpleDataSource {
    final Connection physical;
    final List<String> prepared = Collections.synchronizedList(new ArrayList<>());
    final List<String> executed = Collections.synchronizedList(new ArrayList<>());
    final Set<Object> open =
        Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    /** What {@code unwrap} returns: always the same object, as a pool's driver connection. */
    final Connection driverView;

    CountingDataSource(Connection physical) {
      this.physical = physical;
      this.driverView = counting();
    }

    int openStatements() {
      return open.size();
    }

    @Override
    public Connection getConnection() {
      return counting();
    }

    private Connection counting() {
      InvocationHandler h =
          (proxy, m, args) -> {
            switch (m.getName()) {
              case "close":
                return null; // back to the "pool"
              case "isClosed":
                return false;
              case "unwrap":
                return driverView;
              case "prepareStatement":
                prepared.add((String) args[0]);
                return track((PreparedStatement) call(physical, m, args), PreparedStatement.class);
              case "createStatement":
                return track((Statement) call(physical, m, args), Statement.class);
              default:
                return call(physical, m, args);
            }
          };
      return (Connection)
          Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, h);
    }

    private <S extends Statement> S track(S statement, Class<S> type) {
      Object[] self = new Object[1];
      InvocationHandler h =
          (proxy, m, args) -> {
            if (m.getName().equals("close")) {
              open.remove(self[0]);
            }
            if (m.getName().startsWith("execute") && args != null && args[0] instanceof String s) {
              executed.add(s);
            }
            return call(statement, m, args);
          };
      S proxy =
          type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, h));
      self[0] = proxy;
      open.add(proxy);
      return proxy;
    }
  }
}
