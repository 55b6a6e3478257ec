package dev.tether.session;

import dev.tether.attribute.CollectionAttribute;
import dev.tether.attribute.InstanceState;
import dev.tether.mapping.RelationshipMapping;

/**
 * A one-to-many collection: each member it gained takes the owner's key, each member it lost loses
 * it (or becomes an orphan). Only records; {@link KeySync} writes the keys.
 */
final class OneToManyDependency implements DependencyProcessor {
  private final FlushState state;
  private final KeySync sync;

  OneToManyDependency(FlushState state, KeySync sync) {
    this.state = state;
    this.sync = sync;
  }

  @Override
  public void collect(
      InstanceState owner, RelationshipMapping rel, Object container, boolean isNew) {
    CollectionAttribute<?> many = (CollectionAttribute<?>) container;
    for (Object m : isNew ? many.membersIfLoaded() : many.addedSinceFlush()) {
      sync.requireInSession(InstanceState.of(m), owner, rel);
      FlushState.add(state.addedBy(), m, owner, rel);
    }
    if (!isNew) {
      for (Object m : many.removedSinceFlush()) {
        FlushState.add(state.removedBy(), m, owner, rel);
      }
    }
  }

  @Override
  public void collectFromDeleted(
      InstanceState owner, RelationshipMapping rel, Object container, boolean isNew) {
    for (Object m : ((CollectionAttribute<?>) container).removedSinceFlush()) {
      FlushState.add(state.removedBy(), m, owner, rel);
    }
  }
}
