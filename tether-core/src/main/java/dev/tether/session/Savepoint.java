package dev.tether.session;

import dev.tether.NestedTransaction;
import dev.tether.ObjectState;
import dev.tether.SessionStateException;
import dev.tether.attribute.InstanceState;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A JDBC savepoint and the image of the session when it was set. The session was flushed just
 * before, so memory equalled the database then: rolling back restores that image (objects, states,
 * column values) after the database rolled back to the savepoint.
 */
final class Savepoint implements NestedTransaction {
  private final SessionState session;
  private final Runnable flush;
  private final java.util.Collection<Savepoint> open;
  private final java.sql.Savepoint savepoint;
  private final Map<InstanceState, Object[]> snapshots = new IdentityHashMap<>();
  private final Set<InstanceState> inserted;
  private final Set<InstanceState> deleted;
  private final int historyMark;
  private boolean done;
  private boolean failed;

  /**
   * @param flush the session's flush, run before the savepoint is set and before it is released
   * @param open the session's open savepoints, which this one leaves when it ends
   */
  Savepoint(SessionState session, Runnable flush, java.util.Collection<Savepoint> open) {
    this.session = session;
    this.flush = flush;
    this.open = open;
    flush.run();
    try {
      this.savepoint = session.connection().jdbc().setSavepoint();
    } catch (SQLException e) {
      throw session.engine().dialect().translate(e, "SAVEPOINT");
    }
    for (InstanceState s : session.identity().all()) {
      snapshots.put(s, s.snapshot());
    }
    this.inserted = new LinkedHashSet<>(session.journal().inserted());
    this.deleted = new LinkedHashSet<>(session.journal().deleted());
    this.historyMark = session.journal().historyMark();
  }

  /**
   * An image without a JDBC savepoint of its own, for a savepoint that the owner of a joined
   * transaction set ({@link JoinedSession}); the session must have been flushed before it.
   */
  Savepoint(SessionState session) {
    this.session = session;
    this.flush = () -> {};
    this.open = new java.util.ArrayList<>();
    this.savepoint = null;
    for (InstanceState s : session.identity().all()) {
      snapshots.put(s, s.snapshot());
    }
    this.inserted = new LinkedHashSet<>(session.journal().inserted());
    this.deleted = new LinkedHashSet<>(session.journal().deleted());
    this.historyMark = session.journal().historyMark();
  }

  @Override
  public void commit() {
    if (failed) {
      throw new SessionStateException(
          "Cannot commit this nested transaction: a flush inside it failed, so it was rolled back"
              + " to its savepoint. The outer transaction goes on without its changes.");
    }
    requireOpen("commit");
    flush.run();
    try {
      session.connection().jdbc().releaseSavepoint(savepoint);
    } catch (SQLException e) {
      throw session.engine().dialect().translate(e, "RELEASE SAVEPOINT");
    }
    done = true;
    open.remove(this);
  }

  /** A flush inside failed: back to the savepoint; a later rollback() is then a no-op. */
  void rollBackAfterFailedFlush() {
    rollback();
    failed = true;
  }

  @Override
  public void rollback() {
    if (failed) {
      return;
    }
    requireOpen("roll back");
    done = true;
    open.remove(this);
    try {
      if (savepoint != null) { // null: the owner of a joined transaction rolls back
        session.connection().jdbc().rollback(savepoint);
      }
    } catch (SQLException e) {
      throw session.engine().dialect().translate(e, "ROLLBACK TO SAVEPOINT");
    }
    for (InstanceState s : session.identity().all()) {
      if (!snapshots.containsKey(s)) {
        if (session.journal().inserted().remove(s)) { // inserted after the savepoint
          session.identity().remove(s.mapping(), s.key(), s);
          session.journal().resetKey(s);
          s.clearSnapshot();
          session.detach(s, ObjectState.TRANSIENT);
        } else { // loaded after the savepoint: back to the values it was loaded with
          session.journal().restoreSnapshot(s);
          s.restoreColumns();
        }
      }
    }
    session.journal().truncateHistory(historyMark);
    for (InstanceState s : session.pending()) {
      session.journal().resetKey(s);
      session.detach(s, ObjectState.TRANSIENT);
    }
    session.pending().clear();
    session.deleted().clear();
    session.changed().clear();
    for (InstanceState s : new LinkedHashSet<>(session.journal().deleted())) {
      if (!deleted.contains(s)) { // deleted after the savepoint: its row is back
        session.journal().deleted().remove(s);
        s.status(ObjectState.PERSISTENT);
        session.identity().putIfAbsent(s.mapping(), s.key(), s);
      }
    }
    session.journal().inserted().retainAll(inserted);
    for (Map.Entry<InstanceState, Object[]> e : snapshots.entrySet()) {
      InstanceState s = e.getKey();
      if (s.session() == session.link() && e.getValue() != null) {
        s.restoreSnapshot(e.getValue());
        s.restoreColumns();
      }
    }
    for (InstanceState s : session.identity().all()) {
      s.expireRelationships();
    }
  }

  @Override
  public void close() {
    if (!done) {
      rollback();
    }
  }

  private void requireOpen(String action) {
    if (done) {
      throw new SessionStateException(
          "Cannot "
              + action
              + " this nested transaction: it was already committed or rolled back.");
    }
  }
}
