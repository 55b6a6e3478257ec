package dev.tether.session;

import dev.tether.attribute.InstanceState;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ModelMapping;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code @ForeignKey(onUpdate = "CASCADE" | "SET NULL")} at the end of a flush: when an UPDATE
 * changed a referenced key, the database rewrote (or emptied) the referring rows, and the objects
 * of those rows that the session holds take the same value, field and snapshot, so that memory
 * agrees with the database and nothing is written back (SQLAlchemy's {@code passive_updates}, which
 * it applies to related objects only; here every object of the identity map follows).
 */
final class KeyCascades {
  private final SessionState session;

  /** Referenced column → the foreign keys whose ON UPDATE rule rewrites them. */
  private final Map<ColumnMapping, List<ColumnMapping>> followers = new IdentityHashMap<>();

  KeyCascades(SessionState session) {
    this.session = session;
    for (ModelMapping m : session.engine().metadata().models()) {
      for (ColumnMapping c : m.columns()) {
        if (c.references() != null && !c.onUpdate().isEmpty()) {
          followers.computeIfAbsent(c.references(), k -> new ArrayList<>()).add(c);
        }
      }
    }
  }

  /** {@code before} holds the snapshot each updated row had before this flush. */
  void afterUpdates(Map<InstanceState, Object[]> before) {
    if (followers.isEmpty()) {
      return;
    }
    before.forEach(
        (s, old) -> {
          if (old == null) {
            return;
          }
          for (ColumnMapping key : s.mapping().columns()) {
            Object now = key.get(s.owner());
            Object was = old[key.index()];
            if (was != null && key.differs(was, now)) {
              for (ColumnMapping fk : followers.getOrDefault(key, List.of())) {
                follow(fk, was, fk.onUpdate().equals("CASCADE") ? now : null);
              }
            }
          }
        });
  }

  /** The session's rows whose {@code fk} held {@code was} now hold {@code now} in the database. */
  private void follow(ColumnMapping fk, Object was, Object now) {
    if (!fk.onUpdate().equals("CASCADE") && !fk.onUpdate().equals("SET NULL")) {
      return; // RESTRICT and NO ACTION: the UPDATE succeeded, so no row referred to the old key
    }
    for (ModelMapping m : session.identity().models()) {
      if (m.table() != fk.table()) {
        continue;
      }
      for (InstanceState r : session.identity().of(m)) {
        Object[] snap = r.snapshot();
        if (snap != null && !fk.differs(snap[fk.index()], was)) {
          snap[fk.index()] = now;
          if (!fk.differs(fk.get(r.owner()), was)) {
            fk.set(r.owner(), now); // an unflushed change of the field itself is kept
          }
        }
      }
    }
  }
}
