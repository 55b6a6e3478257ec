package dev.tether.session;

import dev.tether.attribute.InstanceState;
import dev.tether.mapping.RelationshipMapping;

/**
 * What one kind of relationship contributes to a flush, read from its container's history since the
 * last flush (SQLAlchemy's dependency processors, {@code dependency.py}): one implementation per
 * kind, chosen by {@link Kind#of}, so the unit of work asks each relationship the same question
 * instead of branching on its direction.
 */
interface DependencyProcessor {
  /** The kinds, by direction and container. */
  enum Kind {
    /** A collection of members whose foreign keys point at the owner. */
    ONE_TO_MANY,
    /** The parent side of a one-to-one: one member whose foreign key points at the owner. */
    ONE_TO_ONE_PARENT,
    /** The side that holds the foreign key; its keys are copied when its row is written. */
    MANY_TO_ONE,
    /** Rows of an association table. */
    MANY_TO_MANY;

    /** The kind of {@code rel}. */
    static Kind of(RelationshipMapping rel) {
      return switch (rel.direction()) {
        case ONE_TO_MANY -> rel.isCollection() ? ONE_TO_MANY : ONE_TO_ONE_PARENT;
        case MANY_TO_ONE -> MANY_TO_ONE;
        case MANY_TO_MANY -> MANY_TO_MANY;
      };
    }
  }

  /**
   * Records what {@code owner}'s {@code rel} gained and lost since the last flush ({@code isNew}:
   * the owner is pending, so all its members are gained).
   */
  void collect(InstanceState owner, RelationshipMapping rel, Object container, boolean isNew);

  /**
   * Records what left {@code owner}, which this flush deletes: a member removed from it is an
   * orphan too (it is no longer among the members its delete cascades to).
   */
  void collectFromDeleted(
      InstanceState owner, RelationshipMapping rel, Object container, boolean isNew);
}
