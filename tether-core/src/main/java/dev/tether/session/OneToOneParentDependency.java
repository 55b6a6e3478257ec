package dev.tether.session;

import dev.tether.attribute.InstanceState;
import dev.tether.attribute.ScalarAttribute;
import dev.tether.mapping.RelationshipMapping;
import dev.tether.session.FlushState.Membership;

/**
 * The parent side of a one-to-one: its one member takes the owner's key; when the member was
 * replaced, the previous one (looked up in the database if it was never loaded) loses it.
 */
final class OneToOneParentDependency implements DependencyProcessor {
  private final FlushState state;
  private final KeySync sync;

  OneToOneParentDependency(FlushState state, KeySync sync) {
    this.state = state;
    this.sync = sync;
  }

  @Override
  public void collect(
      InstanceState owner, RelationshipMapping rel, Object container, boolean isNew) {
    ScalarAttribute<?> one = (ScalarAttribute<?>) container;
    if ((one.changed() || isNew) && one.isLoaded() && one.peek() != null) {
      sync.requireInSession(InstanceState.of(one.peek()), owner, rel);
      FlushState.add(state.addedBy(), one.peek(), owner, rel);
    }
    if (one.changed() && !isNew) {
      state.replacedOneToOne().add(new Membership(owner, rel));
    }
  }

  @Override
  public void collectFromDeleted(
      InstanceState owner, RelationshipMapping rel, Object container, boolean isNew) {
    if (((ScalarAttribute<?>) container).changed() && !isNew) {
      state.replacedOneToOne().add(new Membership(owner, rel));
    }
  }
}
