package dev.tether.attribute;

import dev.tether.DetachedInstanceException;
import dev.tether.ObjectState;
import dev.tether.SessionStateException;
import dev.tether.mapping.Cascade;
import dev.tether.mapping.RelationshipMapping;

/**
 * Back-population: after one side of a linked pair changed, brings the other side (and any
 * displaced partner) into agreement, and applies the save-update cascade. The symmetric rule, for
 * {@code a.rel} gaining {@code b} with reverse {@code rev}:
 *
 * <ol>
 *   <li>{@code b.rev} gains {@code a}; if {@code b.rev} is single-valued, its previous value {@code
 *       d} is displaced and {@code d.rel} drops {@code b};
 *   <li>the side the user wrote already dropped its own previous value (the caller did that).
 * </ol>
 *
 * Reverse containers are changed with raw operations that fire nothing, so no echo guard is needed,
 * and they never load: an unloaded collection queues the change.
 */
final class Sync {
  private Sync() {}

  /** Refuses, before anything changes, to relate objects owned by two different sessions. */
  static void checkSessions(InstanceState a, RelationshipMapping rel, Object b) {
    SessionLink sa = a.session();
    SessionLink sb = InstanceState.of(b).session();
    if (sa != null && sb != null && sa != sb) {
      throw new SessionStateException(
          rel.qualifiedName()
              + ": "
              + InstanceState.of(b).describe()
              + " belongs to "
              + sb.describe()
              + " but "
              + a.describe()
              + " belongs to "
              + sa.describe()
              + "; an object can be related only to objects of its own session. Expunge it from"
              + " the other session first, or close that session.");
    }
  }

  /** {@code a.rel} now holds {@code b}: update the reverse side and cascade. */
  static void linked(InstanceState a, RelationshipMapping rel, Object b) {
    RelationshipMapping rev = rel.viewOnly() ? null : rel.reverse(); // viewOnly: never synced
    InstanceState bs = InstanceState.of(b);
    if (rev != null) {
      Object displaced = attribute(bs, rev).linkRaw(a.owner());
      if (displaced != null && displaced != a.owner()) {
        attribute(InstanceState.of(displaced), rel).unlinkRaw(b);
      }
    }
    cascade(a, rel, bs);
  }

  /** {@code a.rel} no longer holds {@code b}: update the reverse side; a new orphan is dropped. */
  static void unlinked(InstanceState a, RelationshipMapping rel, Object b) {
    RelationshipMapping rev = rel.viewOnly() ? null : rel.reverse(); // viewOnly: never synced
    if (rev != null) {
      attribute(InstanceState.of(b), rev).unlinkRaw(a.owner());
    }
    if (rel.cascades(Cascade.DELETE_ORPHAN)) {
      dropIfPending(InstanceState.of(b));
    } else if (rev != null && rev.cascades(Cascade.DELETE_ORPHAN)) {
      dropIfPending(a);
    }
  }

  private static void dropIfPending(InstanceState orphan) {
    SessionLink s = orphan.session();
    if (s != null && orphan.status() == ObjectState.PENDING) {
      s.expungeOrphan(orphan.owner());
    }
  }

  /**
   * Save-update cascade in both directions: the object written into a session object's relationship
   * joins that session, and so does the object whose relationship now points at a session object
   * (Tether saves it whichever side the user wrote; SQLAlchemy 2 drops it).
   */
  private static void cascade(InstanceState a, RelationshipMapping rel, InstanceState b) {
    SessionLink sa = a.session();
    SessionLink sb = b.session();
    if (sa != null && sb == null && rel.cascades(Cascade.SAVE_UPDATE)) {
      sa.cascadeAdd(b.owner());
    } else if (sb != null
        && sa == null
        && rel.reverse() != null
        && rel.reverse().cascades(Cascade.SAVE_UPDATE)) {
      sb.cascadeAdd(a.owner());
    }
  }

  static RelationshipContainer attribute(InstanceState state, RelationshipMapping rel) {
    return (RelationshipContainer) state.container(rel);
  }

  /** Element type check shared by both containers. */
  static void checkTarget(RelationshipMapping rel, Object value) {
    if (value == null) {
      throw new NullPointerException(
          rel.qualifiedName() + " cannot hold null; remove the element instead.");
    }
    Class<?> expected = rel.target().type();
    if (!expected.isInstance(value)) {
      Class<?> actual = value.getClass();
      boolean sameSimpleName = expected.getSimpleName().equals(actual.getSimpleName());
      throw new ClassCastException(
          rel.qualifiedName()
              + " holds "
              + className(expected, sameSimpleName)
              + " objects, not "
              + className(actual, sameSimpleName)
              + ".");
    }
  }

  /** The simple name, or the full one when two classes of one message share a simple name. */
  private static String className(Class<?> type, boolean qualify) {
    String canonical = type.getCanonicalName();
    return qualify ? (canonical != null ? canonical : type.getName()) : type.getSimpleName();
  }

  static DetachedInstanceException detached(InstanceState owner, RelationshipMapping rel) {
    return new DetachedInstanceException(
        "Cannot load "
            + rel.qualifiedName()
            + " of "
            + owner.describe()
            + ": the object is "
            + owner.status().name().toLowerCase(java.util.Locale.ROOT)
            + " (its session is closed or it was never in one), and "
            + rel.name()
            + " is not loaded (not yet used, or expired by commit). Use "
            + rel.qualifiedName()
            + " while the session is open, or attach the object to an open session with"
            + " session.add(...) first.");
  }
}
