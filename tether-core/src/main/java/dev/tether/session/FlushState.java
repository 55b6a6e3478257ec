package dev.tether.session;

import dev.tether.attribute.InstanceState;
import dev.tether.mapping.RelationshipMapping;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one flush has found and decided so far, shared by its parts ({@link UnitOfWork}, {@link
 * KeySync}, {@link Persistence}): the rows to insert and delete, the members each relationship
 * gained or lost, orphans, rows whose foreign key waits for a row inserted later, and the snapshot
 * of each row before its first UPDATE. SQLAlchemy's {@code UOWTransaction} plays this part.
 */
final class FlushState {
  /** An owner's relationship that changed a member's foreign key. */
  record Membership(InstanceState owner, RelationshipMapping rel) {}

  private final boolean auto;
  private final Map<InstanceState, List<Membership>> deferredOrphans = new IdentityHashMap<>();
  private final Map<InstanceState, List<Membership>> addedBy;
  private final Map<InstanceState, List<Membership>> removedBy = new IdentityHashMap<>();
  private final Map<InstanceState, List<Membership>> orphanedBy = new IdentityHashMap<>();
  private final List<Membership> replacedOneToOne = new ArrayList<>();
  private final Set<InstanceState> orphanDeletes = new LinkedHashSet<>();
  private final Set<InstanceState> deletedEarly = new LinkedHashSet<>();
  private final Set<InstanceState> toInsert;
  private final Set<InstanceState> toDelete = new LinkedHashSet<>();
  private final Set<InstanceState> inserted;
  private final Set<InstanceState> postUpdate = new LinkedHashSet<>();
  private final Map<InstanceState, Object[]> before = new IdentityHashMap<>();

  /**
   * @param auto an autoflush (before a load)
   * @param expected about how many rows will be inserted, to size the sets once
   */
  FlushState(boolean auto, int expected) {
    this.auto = auto;
    this.toInsert = new LinkedHashSet<>(capacity(expected));
    this.inserted = new LinkedHashSet<>(capacity(expected));
    this.addedBy = new IdentityHashMap<>(expected);
  }

  /** Records that {@code owner}'s {@code rel} gained or lost {@code member}, in {@code map}. */
  static void add(
      Map<InstanceState, List<Membership>> map,
      Object member,
      InstanceState owner,
      RelationshipMapping rel) {
    map.computeIfAbsent(InstanceState.of(member), k -> new ArrayList<>())
        .add(new Membership(owner, rel));
  }

  /** A hash capacity that holds {@code n} entries without resizing. */
  static int capacity(int n) {
    return n < 12 ? 16 : (int) (n / 0.75f) + 1;
  }

  /** Whether this is an autoflush, which leaves persistent orphans for the next explicit flush. */
  boolean auto() {
    return auto;
  }

  /** Persistent orphans an autoflush left for later, with the memberships they lost. */
  Map<InstanceState, List<Membership>> deferredOrphans() {
    return deferredOrphans;
  }

  /** Members a one-to-many gained, with the owners that gained them. */
  Map<InstanceState, List<Membership>> addedBy() {
    return addedBy;
  }

  /** Members a one-to-many lost, with the owners that lost them. */
  Map<InstanceState, List<Membership>> removedBy() {
    return removedBy;
  }

  /** Members left without their owner: a replaced one-to-one, a deleted parent without cascade. */
  Map<InstanceState, List<Membership>> orphanedBy() {
    return orphanedBy;
  }

  /** One-to-one owners whose member was replaced (the previous one may not be loaded). */
  List<Membership> replacedOneToOne() {
    return replacedOneToOne;
  }

  /** Orphans deleted by delete-orphan. */
  Set<InstanceState> orphanDeletes() {
    return orphanDeletes;
  }

  /** Rows already deleted before the inserts. */
  Set<InstanceState> deletedEarly() {
    return deletedEarly;
  }

  /** Rows to insert. */
  Set<InstanceState> toInsert() {
    return toInsert;
  }

  /** Rows to delete. */
  Set<InstanceState> toDelete() {
    return toDelete;
  }

  /** Rows inserted so far. */
  Set<InstanceState> inserted() {
    return inserted;
  }

  /** Rows inserted with a NULL foreign key that an UPDATE sets after the inserts (a cycle). */
  Set<InstanceState> postUpdate() {
    return postUpdate;
  }

  /** The snapshot of each updated row before its first UPDATE of this flush. */
  Map<InstanceState, Object[]> before() {
    return before;
  }
}
