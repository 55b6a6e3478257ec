package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.ExternalTransaction;
import dev.tether.IntegrityException;
import dev.tether.Isolation;
import dev.tether.NestedTransaction;
import dev.tether.ObjectState;
import dev.tether.Session;
import dev.tether.SessionStateException;
import dev.tether.TetherException;
import dev.tether.TransactionOptions;
import dev.tether.fixtures.BackPopulates;
import dev.tether.fixtures.BackPopulates.Child;
import dev.tether.fixtures.BackPopulates.Parent;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A session that joins a transaction someone else owns ({@code Database.join}): here the owner is
 * the test itself, with a plain JDBC connection, as a framework's transaction manager would be. The
 * session writes through that connection, never commits, rolls back or closes it, and ends its
 * in-memory transaction when the owner says.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class JoinedTransactionTest {
  @Parameter TestDatabase target;
  @TempDir Path dir;
  final StatementRecorder sql = new StatementRecorder();
  Database db;
  Connection connection;
  Owner owner;

  /** The owner of the transaction: a JDBC connection with autocommit off. */
  static final class Owner implements ExternalTransaction {
    final Connection connection;
    ExternalTransaction.Participant tether;

    Owner(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Connection connection() {
      return connection;
    }

    @Override
    public void enlist(ExternalTransaction.Participant participant) {
      tether = participant;
    }

    void commit() throws SQLException {
      tether.beforeCommit();
      connection.commit();
      tether.afterCompletion(true);
    }

    void rollback() throws SQLException {
      connection.rollback();
      tether.afterCompletion(false);
    }
  }

  @BeforeEach
  void open() throws SQLException {
    String url = target.sharedUrl(dir);
    db = target.open(BackPopulates.registry(), url);
    db.addStatementListener(sql);
    connection = DriverManager.getConnection(url);
    connection.setAutoCommit(false);
    owner = new Owner(connection);
  }

  @AfterEach
  void close() throws SQLException {
    connection.rollback();
    connection.close();
    db.close();
  }

  private long rows(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  private long committedRows(Class<?> model) {
    try (Session other = db.session(TransactionOptions.defaults().readOnly())) {
      return other.select(model).count();
    }
  }

  private Parent committedParent(String name) {
    Parent p = new Parent(name);
    try (Session s = db.session()) {
      s.add(p);
      s.commit();
    }
    return p;
  }

  @Test
  void flushWritesThroughTheOwnersConnectionAndLeavesItsTransactionAlone() throws SQLException {
    try (Session session = db.join(owner)) {
      Parent p = new Parent("p");
      p.children.add(new Child("c"));
      session.add(p);
      sql.assertStatements(2, session::flush);

      assertThat(rows(connection, "bp_child")).isEqualTo(1); // in the owner's transaction
      assertThat(committedRows(Parent.class)).isZero(); // nothing committed
      assertThat(connection.getAutoCommit()).isFalse();
    }
    assertThat(connection.isClosed()).isFalse();
    assertThat(rows(connection, "bp_parent")).isEqualTo(1); // closing changed nothing written
  }

  @Test
  void theOwnersCommitFlushesAndKeepsTheChanges() throws SQLException {
    try (Session session = db.join(owner)) {
      Parent p = new Parent("p");
      p.children.add(new Child("c"));
      session.add(p);

      sql.assertStatements(2, () -> run(owner::commit)); // flushed by beforeCommit, no COMMIT sent

      assertThat(committedRows(Child.class)).isEqualTo(1);
      assertThat(session.stateOf(p)).isEqualTo(ObjectState.PERSISTENT);
      assertThat(p.children.get(0).parentId).isEqualTo(p.id);
    }
  }

  @Test
  void theOwnersRollbackUndoesTheWritesAndRestoresTheObjects() throws SQLException {
    Integer id = committedParent("old").id;
    try (Session session = db.join(owner)) {
      Parent p = session.get(Parent.class, id);
      p.name = "new";
      Child c = new Child("c");
      p.children.add(c);
      session.flush();
      assertThat(rows(connection, "bp_child")).isEqualTo(1);

      owner.rollback();

      assertThat(p.name).isEqualTo("old"); // as after session.rollback()
      assertThat(session.stateOf(p)).isEqualTo(ObjectState.PERSISTENT);
      assertThat(session.stateOf(c)).isEqualTo(ObjectState.TRANSIENT);
      assertThat(c.id).isNull();
      assertThat(rows(connection, "bp_child")).isZero();
      assertThat(committedRows(Child.class)).isZero();

      // the session goes on in the owner's next transaction
      p.name = "again";
      owner.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.get(Parent.class, id).name).isEqualTo("again");
    }
  }

  @Test
  void commitAndRollbackOnTheJoinedSessionAreRefused() throws SQLException {
    try (Session session = db.join(owner)) {
      session.add(new Parent("p"));
      assertThatThrownBy(session::commit)
          .isInstanceOf(SessionStateException.class)
          .hasMessageContaining("owner")
          .extracting(e -> ((TetherException) e).code())
          .isEqualTo("external-transaction");
      assertThatThrownBy(session::rollback)
          .isInstanceOf(SessionStateException.class)
          .extracting(e -> ((TetherException) e).code())
          .isEqualTo("external-transaction");
      assertThat(committedRows(Parent.class)).isZero();
      assertThat(rows(connection, "bp_parent")).isZero(); // refused before flushing
    }
  }

  @Test
  void aFailedFlushMakesTheOwnersTransactionRollbackOnly() throws SQLException {
    Integer id = committedParent("taken").id;
    try (Session session = db.join(owner)) {
      session.add(new Parent("fine"));
      session.flush();
      Parent duplicate = new Parent("duplicate");
      duplicate.id = id;
      session.add(duplicate);
      assertThatThrownBy(session::flush).isInstanceOf(IntegrityException.class);

      assertThatThrownBy(owner::commit)
          .isInstanceOf(SessionStateException.class)
          .extracting(e -> ((TetherException) e).code())
          .isEqualTo("external-transaction-rollback-only");
      owner.rollback();
      assertThat(committedRows(Parent.class)).isEqualTo(1);
    }
  }

  @Test
  void closingTheSessionBeforeTheOwnerEndsMakesTheTransactionRollbackOnly() throws SQLException {
    Session session = db.join(owner);
    session.add(new Parent("written"));
    session.flush();
    session.close();

    assertThatThrownBy(owner::commit)
        .isInstanceOf(SessionStateException.class)
        .extracting(e -> ((TetherException) e).code())
        .isEqualTo("external-transaction-rollback-only");
    owner.rollback(); // the closed session ignores it
    assertThat(committedRows(Parent.class)).isZero();
  }

  @Test
  void beginNestedIsASavepointOnTheOwnersConnection() throws SQLException {
    try (Session session = db.join(owner)) {
      Parent kept = new Parent("kept");
      session.add(kept);
      Parent dropped = new Parent("dropped");
      try (NestedTransaction nested = session.beginNested()) {
        session.add(dropped);
        session.flush();
        nested.rollback();
      }
      assertThat(session.stateOf(dropped)).isEqualTo(ObjectState.TRANSIENT);
      owner.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.select(Parent.class).list()).extracting(p -> p.name).containsExactly("kept");
    }
  }

  @Test
  void theOwnersSavepointRollbackRestoresTheObjects() throws SQLException {
    Integer id = committedParent("before").id;
    try (Session session = db.join(owner)) {
      Parent p = session.get(Parent.class, id);
      p.name = "outer";
      owner.tether.flush();
      java.sql.Savepoint savepoint = connection.setSavepoint();
      owner.tether.savepointSet(savepoint);

      p.name = "inner";
      Parent added = new Parent("inner child's parent");
      session.add(added);
      session.flush();

      owner.tether.savepointRolledBack(savepoint);
      connection.rollback(savepoint);

      assertThat(p.name).isEqualTo("outer");
      assertThat(session.stateOf(added)).isEqualTo(ObjectState.TRANSIENT);
      owner.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.select(Parent.class).list()).extracting(p -> p.name).containsExactly("outer");
    }
  }

  @Test
  void aFailedFlushAfterTheOwnersSavepointIsUndoneByRollingBackToIt() throws SQLException {
    Integer taken = committedParent("taken").id;
    try (Session session = db.join(owner)) {
      Parent kept = new Parent("kept");
      session.add(kept);
      owner.tether.flush();
      java.sql.Savepoint savepoint = connection.setSavepoint();
      owner.tether.savepointSet(savepoint);

      Parent fine = new Parent("fine");
      session.add(fine);
      Parent duplicate = new Parent("duplicate");
      duplicate.id = taken;
      session.add(duplicate);
      assertThatThrownBy(session::flush).isInstanceOf(IntegrityException.class);

      owner.tether.savepointRolledBack(savepoint);
      connection.rollback(savepoint);
      assertThat(session.stateOf(kept)).isEqualTo(ObjectState.PERSISTENT);
      assertThat(kept.id).isNotNull();
      assertThat(session.stateOf(fine)).isEqualTo(ObjectState.TRANSIENT);
      owner.commit(); // no longer rollback-only: the failed writes are undone
    }
    try (Session s = db.session()) {
      assertThat(s.select(Parent.class).list())
          .extracting(p -> p.name)
          .containsExactlyInAnyOrder("taken", "kept");
    }
  }

  @Test
  void aSavepointOverUnflushedChangesIsRefused() throws SQLException {
    try (Session session = db.join(owner)) {
      session.add(new Parent("unflushed"));
      java.sql.Savepoint savepoint = connection.setSavepoint();
      assertThatThrownBy(() -> owner.tether.savepointSet(savepoint))
          .isInstanceOf(SessionStateException.class)
          .hasMessageContaining("flush()");
    }
  }

  @Test
  void aReadOnlyJoinedSessionRefusesToWrite() throws SQLException {
    committedParent("p");
    try (Session session = db.join(owner, TransactionOptions.defaults().readOnly())) {
      Parent p = session.select(Parent.class).one();
      p.name = "changed";
      assertThatThrownBy(session::flush)
          .isInstanceOf(SessionStateException.class)
          .extracting(e -> ((TetherException) e).code())
          .isEqualTo("read-only-session");
    }
  }

  @Test
  void theIsolationLevelIsTheOwnersToSet() {
    assertThatThrownBy(
            () -> db.join(owner, TransactionOptions.defaults().isolation(Isolation.SERIALIZABLE)))
        .isInstanceOf(TetherException.class)
        .hasMessageContaining("owner");
  }

  private interface SqlAction {
    void run() throws SQLException;
  }

  private static void run(SqlAction action) {
    try {
      action.run();
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
