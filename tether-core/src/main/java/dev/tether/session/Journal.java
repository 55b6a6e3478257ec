package dev.tether.session;

import dev.tether.attribute.InstanceState;
import dev.tether.mapping.ColumnMapping;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the current transaction changed in memory that a rollback must undo: objects inserted (and
 * which of their keys the database generated), objects deleted, and the column values each updated
 * object had when the transaction began.
 */
final class Journal {
  private Set<InstanceState> inserted = new LinkedHashSet<>();
  private final Set<InstanceState> deleted = new LinkedHashSet<>();
  private Set<InstanceState> generatedKey =
      java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<InstanceState, Object[]> before = new IdentityHashMap<>();
  private final java.util.List<Runnable> historyRestores = new java.util.ArrayList<>();

  /**
   * Sizes the sets for {@code n} more inserts when they are empty (the start of a transaction's
   * first flush), so that a large flush does not rehash them again and again.
   */
  void expectInserts(int n) {
    if (inserted.isEmpty() && generatedKey.isEmpty() && n > 12) {
      inserted = new LinkedHashSet<>(FlushState.capacity(n));
      generatedKey = java.util.Collections.newSetFromMap(new IdentityHashMap<>(n));
    }
  }

  /** Objects inserted in this transaction. */
  Set<InstanceState> inserted() {
    return inserted;
  }

  /** Objects deleted in this transaction. */
  Set<InstanceState> deleted() {
    return deleted;
  }

  void inserted(InstanceState s, boolean keyGenerated) {
    inserted.add(s);
    if (keyGenerated) {
      generatedKey.add(s);
    }
  }

  /** Remembers the committed column values before the first UPDATE of this transaction. */
  void updating(InstanceState s) {
    before.putIfAbsent(s, s.snapshot());
  }

  /** Clears a key the database generated in this transaction (the row no longer exists). */
  void resetKey(InstanceState s) {
    if (generatedKey.remove(s)) {
      s.mapping().id().set(s.owner(), null);
    }
    s.key(null);
  }

  /**
   * Puts back the snapshot of the transaction's start, so the next flush sees the changes, and the
   * {@code @Version} field with it, so the retry expects the version the row has again.
   */
  void restoreSnapshot(InstanceState s) {
    Object[] old = before.get(s);
    if (old != null) {
      s.restoreSnapshot(old);
      ColumnMapping version = s.mapping().version();
      if (version != null) {
        version.set(s.owner(), old[version.index()]); // the row's version once rolled back
      }
    }
  }

  /** Sets the column fields back to their committed values (explicit rollback). */
  void restoreColumns(InstanceState s) {
    restoreSnapshot(s);
    s.restoreColumns();
  }

  /**
   * Remembers what a collection's flushed history was, so that a rollback of the transaction can
   * make the next flush write it again.
   */
  void flushedHistory(
      dev.tether.attribute.CollectionAttribute<?> collection, Object[] added, Object[] removed) {
    if (added.length > 0 || removed.length > 0) {
      historyRestores.add(() -> collection.restoreHistory(added, removed));
    }
  }

  /** How much collection history is recorded, for a savepoint to cut back to. */
  int historyMark() {
    return historyRestores.size();
  }

  /** Forgets the collection history recorded after {@code mark} (rolled back to a savepoint). */
  void truncateHistory(int mark) {
    historyRestores.subList(mark, historyRestores.size()).clear();
  }

  /** Puts every flushed collection history back, earliest flush first. */
  void restoreHistories() {
    java.util.List<Runnable> restores = new java.util.ArrayList<>(historyRestores);
    java.util.Collections.reverse(restores); // each restore goes before what came later
    restores.forEach(Runnable::run);
  }

  void clear() {
    historyRestores.clear();
    inserted.clear();
    deleted.clear();
    generatedKey.clear();
    before.clear();
  }
}
