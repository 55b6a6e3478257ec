package dev.tether.session;

import dev.tether.ObjectState;
import dev.tether.attribute.InstanceState;
import dev.tether.mapping.ModelMapping;

/**
 * When a read flushes first (SQLAlchemy's autoflush, Hibernate's query spaces): before a query, a
 * lazy load and a {@code get}, each as little as keeps the read's answer equal to what memory says.
 */
final class Autoflush {
  /** The session's flush; {@code auto} marks a flush that a read asked for. */
  interface Flush {
    void run(boolean auto);
  }

  private final SessionState session;
  private final DeleteReach deleteReach;
  private final Flush flush;
  private boolean enabled = true;

  Autoflush(SessionState session, DeleteReach deleteReach, Flush flush) {
    this.session = session;
    this.deleteReach = deleteReach;
    this.flush = flush;
  }

  void enabled(boolean on) {
    enabled = on;
  }

  /**
   * Autoflush before a query, which may filter on any column: {@link #reading} over every model in
   * the session, so a session without changes is compared but not flushed.
   */
  void beforeQuery() {
    reading(session.identity().models().toArray(new ModelMapping[0]));
  }

  /**
   * Autoflush before a lazy load or a {@code get} by key: a flush when something structural is
   * pending (new or deleted objects, relationship changes), which could change the rows the load
   * finds; otherwise nothing, in O(1). Column-only changes cannot change which rows a load by key
   * returns, and rows already in the identity map keep their in-memory values, so they wait for the
   * next flush; without this, every lazy load would compare every object of the session with its
   * snapshot, making a run of n lazy loads cost O(n × session size).
   *
   * <p>One consequence, documented on {@link dev.tether.Session#setAutoflush}: a foreign key
   * written directly on the field (not through the relationship) is not seen by a lazy load before
   * the next flush, as in Hibernate; the flush then re-points the loaded relationships.
   */
  void beforeLoad() {
    reading();
  }

  /**
   * Autoflush before a {@code get} of a key of {@code m} that the identity map does not hold: as
   * {@link #beforeLoad}, except that pending deletes alone do not flush when no delete can reach a
   * row of {@code m}. Such a delete removes a row of another key (a deleted object is in the
   * identity map, so a get of its own key never gets here) and, through cascades, orphan handling
   * and database foreign-key actions, only rows of the models {@link
   * DeleteReach#touchedByDeletesOf} names. Keeping the deletes pending lets a loop of {@code
   * delete(get(...))} batch them in one flush. New objects and relationship changes still flush: a
   * new row may take the key asked for.
   */
  void beforeGet(ModelMapping m) {
    if (!enabled || session.flushing()) {
      return;
    }
    if (session.pending().isEmpty()
        && session.changed().isEmpty()
        && !session.deleted().isEmpty()
        && deletesCannotReach(m)) {
      return;
    }
    beforeLoad();
  }

  private boolean deletesCannotReach(ModelMapping m) {
    for (ModelMapping d : session.deleted().models()) {
      if (deleteReach.touchedByDeletesOf(d).contains(m)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Autoflush before SQL that reads the tables of {@code reads} (null entries ignored) and filters
   * on their columns: {@link #beforeLoad}'s structural check, then a flush if an object of a model
   * read has a changed column field (Hibernate's query spaces). Objects of other models are not
   * compared.
   */
  void reading(ModelMapping... reads) {
    if (!enabled || session.flushing()) {
      return;
    }
    if (!session.pending().isEmpty()
        || !session.deleted().isEmpty()
        || !session.changed().isEmpty()) {
      flush.run(true);
      return;
    }
    for (ModelMapping m : reads) {
      if (m == null) {
        continue;
      }
      for (InstanceState s : session.identity().of(m)) {
        if (s.status() == ObjectState.PERSISTENT && !session.columnsUnchanged(s)) {
          flush.run(true);
          return;
        }
      }
    }
  }
}
