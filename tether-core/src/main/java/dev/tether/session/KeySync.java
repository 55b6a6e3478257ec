package dev.tether.session;

import dev.tether.ObjectState;
import dev.tether.attribute.InstanceState;
import dev.tether.attribute.ScalarAttribute;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.Direction;
import dev.tether.mapping.RelationshipMapping;
import dev.tether.session.FlushState.Membership;
import java.util.List;
import java.util.Objects;

/**
 * Copies key values between rows, the flush's one place for it (SQLAlchemy's {@code sync.py}): a
 * many-to-one's target key into the row's foreign key, a collection's owner key into the members it
 * gained, NULL into members it lost (or a refusal, naming the fix, where the key cannot be empty);
 * a key whose row is inserted later in this flush is NULL now and set by an UPDATE after the
 * inserts (a cycle between tables).
 */
final class KeySync {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger("dev.tether.session");

  private final SessionState session;
  private final FlushState state;

  KeySync(SessionState session, FlushState state) {
    this.session = session;
    this.state = state;
  }

  void requireInSession(InstanceState target, InstanceState from, RelationshipMapping rel) {
    if (target.session() == session.link() && target.status() != ObjectState.TRANSIENT) {
      return;
    }
    throw FlushMessages.notInSession(from, target, rel);
  }

  /**
   * Copies foreign-key values from relationships into {@code s}'s fields: first its own many-to-one
   * references, then collections that gained or lost it (the collection side wins, as in
   * SQLAlchemy).
   */
  void syncForeignKeys(InstanceState s, boolean isNew) {
    Object owner = s.owner();
    s.forEachRelationship(
        (rel, container) -> {
          if (rel.viewOnly()
              || rel.direction() != Direction.MANY_TO_ONE
              || !(container instanceof ScalarAttribute<?> one)) {
            return;
          }
          boolean apply = one.changed() || (isNew && one.isLoaded() && one.peek() != null);
          if (apply) {
            Object target = one.peek();
            if (target != null && state.toDelete().contains(InstanceState.of(target))) {
              target = null; // its parent is deleted in this flush: it is left without one
            }
            if (target != null) {
              requireInSession(InstanceState.of(target), s, rel);
            } else if (!isNew && rel.foreignKey().get(owner) != null) {
              refuseEmptyKey(s, rel);
            }
            rel.foreignKey().set(owner, keyFor(s, rel, target));
          }
        });
    List<Membership> added = state.addedBy().getOrDefault(s, List.of());
    for (Membership l : state.orphanedBy().getOrDefault(s, List.of())) {
      if (!readded(added, l)
          && Objects.equals(l.rel().foreignKey().get(owner), refOf(l.owner(), l.rel()))) {
        detachFrom(s, l);
      }
    }
    for (Membership l : state.removedBy().getOrDefault(s, List.of())) {
      if (!readded(added, l)
          && Objects.equals(l.rel().foreignKey().get(owner), refOf(l.owner(), l.rel()))) {
        detachFrom(s, l);
      }
    }
    for (Membership l : added) {
      if (state.toDelete().contains(l.owner())) {
        if (Objects.equals(l.rel().foreignKey().get(owner), refOf(l.owner(), l.rel()))) {
          detachFrom(s, l); // linked to a parent deleted in this flush
        }
      } else {
        l.rel().foreignKey().set(owner, keyFor(s, l.rel(), l.owner().owner()));
      }
    }
  }

  /** A many-to-one set to null on a row whose key cannot be empty: refuse with the fix. */
  private static void refuseEmptyKey(InstanceState s, RelationshipMapping rel) {
    ColumnMapping fk = rel.foreignKey();
    if (fk.primaryKey() || !fk.nullable()) {
      throw FlushMessages.cannotBeOrphan(
          s,
          fk,
          " no longer refers to a "
              + rel.target().name()
              + " ("
              + rel.qualifiedName()
              + " is null)",
          ", give it another " + rel.target().name(),
          rel.reverse());
    }
  }

  /** Whether another parent, one that survives this flush, took the member over the same key. */
  boolean readded(List<Membership> added, Membership l) {
    return added.stream()
        .anyMatch(
            a ->
                a.rel().foreignKey() == l.rel().foreignKey()
                    && !state.toDelete().contains(a.owner()));
  }

  /**
   * Empties the foreign key by which {@code s} belonged to {@code l.owner()}; refuses, naming the
   * fix, when the key cannot be empty (SQLAlchemy fails later: IntegrityError, or an assertion for
   * a key that is part of the primary key).
   */
  private static void detachFrom(InstanceState s, Membership l) {
    ColumnMapping fk = l.rel().foreignKey();
    if (fk.primaryKey() || !fk.nullable()) {
      throw FlushMessages.cannotBeOrphan(
          s,
          fk,
          " no longer belongs to " + l.owner().describe() + " (" + l.rel().qualifiedName() + ")",
          ", move it to another " + l.owner().mapping().name(),
          l.rel());
    }
    fk.set(s.owner(), null);
  }

  /**
   * The value for a foreign key pointing at {@code target}; when the target's row is not inserted
   * yet (a cycle between tables), null now and an UPDATE after the inserts.
   */
  private Object keyFor(InstanceState s, RelationshipMapping rel, Object target) {
    if (target == null) {
      return null;
    }
    InstanceState t = InstanceState.of(target);
    Object v = rel.referencedColumn().get(target);
    if (v == null && state.toInsert().contains(t) && !state.inserted().contains(t)) {
      if (!rel.foreignKey().nullable()) {
        throw FlushMessages.cycleOfNotNullKeys(s, t, rel);
      }
      state.postUpdate().add(s);
      LOG.debug(
          "{}: {} is state.inserted() as NULL and set by an UPDATE after the inserts: {} is not state.inserted()"
              + " yet (a cycle of foreign keys between {} and {})",
          s.describe(),
          rel.foreignKey(),
          t.describe(),
          rel.owner().table().name(),
          rel.target().table().name());
    }
    return v;
  }

  static Object refOf(InstanceState owner, RelationshipMapping rel) {
    return rel.referencedColumn().get(owner.owner());
  }
}
