package dev.tether.session;

import dev.tether.ObjectState;
import dev.tether.attribute.InstanceState;
import dev.tether.attribute.SessionLink;
import dev.tether.engine.Engine;
import dev.tether.sql.SqlConnection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one session tracks, and the narrow view of it that the session's parts (the unit of work,
 * loading, savepoints, queries) work on instead of the session itself: the identity map, the
 * pending, deleted and changed objects, the transaction's connection and its journal, and the
 * engine to write through. SQLAlchemy's {@code Session} keeps the same sets ({@code identity_map},
 * {@code _new}, {@code _deleted}) for its {@code UOWTransaction} to read.
 */
final class SessionState {
  private final Engine engine;
  private final SessionLink link;
  private final Transaction transaction;
  private final IdentityMap identity = new IdentityMap();
  private final Set<InstanceState> pending = new LinkedHashSet<>();
  private final ModelCountingSet deleted = new ModelCountingSet();
  private final Set<InstanceState> changed = new LinkedHashSet<>();
  private final Journal journal = new Journal();
  private final RowEvents events;

  /**
   * Persistent orphans an autoflush left alone, with the collections they left: the next explicit
   * flush deletes them unless they found a new parent meanwhile.
   */
  private final Map<InstanceState, List<FlushState.Membership>> deferredOrphans =
      new IdentityHashMap<>();

  private boolean flushing;
  private long dirtyChecks;

  /**
   * @param link the session as its objects know it ({@link InstanceState#session()})
   * @param events the session's side of the lifecycle events
   */
  SessionState(
      Engine engine, SessionLink link, RowEvents events, dev.tether.TransactionOptions options) {
    this.engine = engine;
    this.link = link;
    this.events = events;
    this.transaction =
        new Transaction(
            engine.connections(),
            engine.executor(),
            engine.isolationToSet(options.isolation()),
            options.isReadOnly());
  }

  /** A session state whose transaction is {@code transaction} (a {@link JoinedTransaction}). */
  SessionState(Engine engine, SessionLink link, RowEvents events, Transaction transaction) {
    this.engine = engine;
    this.link = link;
    this.events = events;
    this.transaction = transaction;
  }

  Engine engine() {
    return engine;
  }

  /** The session as its objects know it. */
  SessionLink link() {
    return link;
  }

  /** Whether {@code s} belongs to this session. */
  boolean holds(InstanceState s) {
    return s.session() == link;
  }

  IdentityMap identity() {
    return identity;
  }

  /** Objects added and not inserted yet. */
  Set<InstanceState> pending() {
    return pending;
  }

  /** Persistent objects deleted and not flushed yet. */
  ModelCountingSet deleted() {
    return deleted;
  }

  /** Persistent objects whose relationships changed (column changes are found by comparison). */
  Set<InstanceState> changed() {
    return changed;
  }

  /** What the current transaction changed in memory, for a rollback to undo. */
  Journal journal() {
    return journal;
  }

  Map<InstanceState, List<FlushState.Membership>> deferredOrphans() {
    return deferredOrphans;
  }

  /** The lifecycle events: row events fired for this session, the database's listeners. */
  RowEvents events() {
    return events;
  }

  Transaction transaction() {
    return transaction;
  }

  /**
   * The transaction's connection, begun on first use. A pooled connection that the server closed
   * meanwhile (killed, failed over) fails as the transaction begins, before anything is done on it;
   * the pool evicts it, and the next one is tried.
   */
  SqlConnection connection() {
    return transaction.connection();
  }

  /** Whether a flush is running. */
  boolean flushing() {
    return flushing;
  }

  void flushing(boolean on) {
    flushing = on;
  }

  /**
   * Whether the session has new, deleted or changed objects: a full dirty check, asked only of
   * flushes that someone observes (flush listeners) or that must not write (read-only sessions).
   */
  boolean hasChanges() {
    if (!pending.isEmpty()
        || !deleted.isEmpty()
        || !changed.isEmpty()
        || !deferredOrphans.isEmpty()) {
      return true;
    }
    for (InstanceState s : identity.all()) {
      if (s.status() == ObjectState.PERSISTENT && !columnsUnchanged(s)) {
        return true;
      }
    }
    return false;
  }

  /** What a read-only session refuses to write, for its error message. */
  String changesSummary() {
    int dirty = 0;
    InstanceState example = pending.isEmpty() ? null : pending.iterator().next();
    for (InstanceState s : identity.all()) {
      if (s.status() == ObjectState.PERSISTENT && !s.columnsUnchanged()) {
        dirty++;
        example = example == null ? s : example;
      }
    }
    return pending.size()
        + " new, "
        + deleted.size()
        + " deleted and "
        + dirty
        + " changed object(s)"
        + (changed.isEmpty() ? "" : ", changed collections")
        + (example == null ? "" : " (such as " + example.describe() + ")");
  }

  /** {@link InstanceState#columnsUnchanged}, counted in {@link #dirtyChecks}. */
  boolean columnsUnchanged(InstanceState s) {
    dirtyChecks++;
    return s.columnsUnchanged();
  }

  /** Objects compared with their snapshot so far (dirty checks): for tests and tuning. */
  long dirtyChecks() {
    return dirtyChecks;
  }

  /** Removes {@code s} from every set of this session and detaches it; no SQL. */
  void forget(InstanceState s) {
    identity.remove(s.mapping(), s.key(), s);
    pending.remove(s);
    deleted.remove(s);
    changed.remove(s);
    deferredOrphans.remove(s);
    journal.inserted().remove(s);
    journal.deleted().remove(s);
    detach(s, s.hasRow() ? ObjectState.DETACHED : ObjectState.TRANSIENT);
  }

  void detach(InstanceState s, ObjectState to) {
    s.session(null);
    s.status(to);
  }
}
