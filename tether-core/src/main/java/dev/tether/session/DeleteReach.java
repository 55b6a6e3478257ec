package dev.tether.session;

import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.Direction;
import dev.tether.mapping.Metadata;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which models a flush that deletes rows of one model may touch, computed once per model and shared
 * by the sessions of one database: the autoflush before a {@code get} asks it to keep pending
 * deletes batched when they cannot reach the model read.
 */
final class DeleteReach {
  private final Metadata metadata;
  private final Map<ModelMapping, Set<ModelMapping>> reach = new ConcurrentHashMap<>();

  DeleteReach(Metadata metadata) {
    this.metadata = metadata;
  }

  /**
   * The models whose rows a flush that deletes rows of {@code m} may delete or change, other rows
   * of {@code m} included when they can be reached: transitively, every model with a foreign key to
   * a reached model's table (a database action, a nulled key or an orphan) and every target of a
   * reached model's one-to-many, one-to-one or many-to-many relationship (cascades). Deliberately
   * wide; computed once per model.
   */
  Set<ModelMapping> touchedByDeletesOf(ModelMapping m) {
    return reach.computeIfAbsent(m, this::compute);
  }

  private Set<ModelMapping> compute(ModelMapping from) {
    Set<ModelMapping> reached = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<ModelMapping> work = new ArrayDeque<>();
    work.add(from);
    while (!work.isEmpty()) {
      ModelMapping x = work.poll();
      for (ModelMapping y : metadata.models()) {
        for (ColumnMapping c : y.columns()) {
          if (c.references() != null && c.references().table() == x.table() && reached.add(y)) {
            work.add(y);
          }
        }
      }
      for (RelationshipMapping r : x.relationships()) {
        if (r.direction() != Direction.MANY_TO_ONE && reached.add(r.target())) {
          work.add(r.target());
        }
      }
    }
    return Collections.unmodifiableSet(reached);
  }
}
