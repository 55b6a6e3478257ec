package dev.tether.session;

import dev.tether.ObjectState;
import dev.tether.attribute.InstanceState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the end of a transaction does to the session's objects, once the database has committed or
 * rolled back: a commit detaches what was deleted and (by default) expires relationships; a
 * rollback puts memory back as it was when the transaction began; a failed flush makes every change
 * since then pending again; closing detaches everything. {@link Transaction} ends the JDBC side;
 * this class knows nothing of JDBC.
 */
final class TransactionEnds {
  private final SessionState session;

  TransactionEnds(SessionState session) {
    this.session = session;
  }

  /** After COMMIT: deleted objects are detached, the journal starts again. */
  void committed(boolean expireRelationships) {
    for (InstanceState s : session.journal().deleted()) {
      session.detach(s, ObjectState.DETACHED);
    }
    session.journal().clear();
    if (expireRelationships) {
      for (InstanceState s : session.identity().all()) {
        s.expireRelationships();
      }
    }
  }

  /**
   * After ROLLBACK: objects inserted or added in the transaction are transient again, deleted ones
   * persistent, and every persistent object has the column values of the transaction's start.
   */
  void rolledBack() {
    Journal journal = session.journal();
    for (InstanceState s : journal.inserted()) {
      session.identity().remove(s.mapping(), s.key(), s);
      journal.resetKey(s);
      session.detach(s, ObjectState.TRANSIENT);
    }
    for (InstanceState s : session.pending()) {
      journal.resetKey(s);
      session.detach(s, ObjectState.TRANSIENT);
    }
    session.pending().clear();
    for (InstanceState s : journal.deleted()) {
      s.status(ObjectState.PERSISTENT);
      session.identity().putIfAbsent(s.mapping(), s.key(), s);
    }
    session.deleted().clear();
    for (InstanceState s : session.identity().all()) {
      journal.restoreColumns(s);
      s.status(ObjectState.PERSISTENT);
      s.expireRelationships();
    }
    session.changed().clear();
    session.deferredOrphans().clear();
    journal.clear();
  }

  /**
   * After a failed flush (the transaction is rolled back): every change made since the last commit
   * is pending again. Rows inserted in this transaction are re-inserted, updates and deletes
   * re-applied, by the next flush. Nothing is half-written and nothing is lost.
   */
  void flushFailed() {
    Journal journal = session.journal();
    List<InstanceState> reinsert = new ArrayList<>(journal.inserted());
    for (InstanceState s : reinsert) {
      session.identity().remove(s.mapping(), s.key(), s);
      journal.resetKey(s);
      s.clearSnapshot();
      s.status(ObjectState.PENDING);
    }
    for (InstanceState s : session.pending()) {
      journal.resetKey(s);
    }
    Set<InstanceState> all = new LinkedHashSet<>(reinsert);
    all.addAll(session.pending());
    session.pending().clear();
    session.pending().addAll(all);
    for (InstanceState s : journal.deleted()) {
      s.status(ObjectState.PERSISTENT);
      session.identity().putIfAbsent(s.mapping(), s.key(), s);
      session.deleted().add(s);
    }
    for (InstanceState s : session.identity().all()) {
      journal.restoreSnapshot(s);
    }
    journal.restoreHistories();
    for (InstanceState s : session.identity().all()) {
      session.changed().add(s);
    }
    session.changed().addAll(session.pending());
    journal.clear();
  }

  /** On close: every object leaves the session, the sets are emptied. */
  void closed() {
    for (InstanceState s : session.identity().all()) {
      session.detach(s, ObjectState.DETACHED);
    }
    for (InstanceState s : session.pending()) {
      session.detach(s, ObjectState.TRANSIENT);
    }
    for (InstanceState s : session.journal().deleted()) {
      session.detach(s, ObjectState.DETACHED);
    }
    session.identity().clear();
    session.pending().clear();
    session.deleted().clear();
    session.changed().clear();
    session.journal().clear();
  }
}
