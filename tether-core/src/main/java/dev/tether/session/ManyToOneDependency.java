package dev.tether.session;

import dev.tether.attribute.InstanceState;
import dev.tether.mapping.RelationshipMapping;

/**
 * The side that holds the foreign key: nothing to record, since {@link KeySync} reads the target
 * from the reference itself just before the row is written.
 */
final class ManyToOneDependency implements DependencyProcessor {
  @Override
  public void collect(
      InstanceState owner, RelationshipMapping rel, Object container, boolean isNew) {}

  @Override
  public void collectFromDeleted(
      InstanceState owner, RelationshipMapping rel, Object container, boolean isNew) {}
}
