package dev.tether.session;

import dev.tether.attribute.CollectionAttribute;
import dev.tether.attribute.InstanceState;
import dev.tether.attribute.ScalarAttribute;
import dev.tether.mapping.Cascade;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Walks of the object graph along the relationships that carry a cascade, as far as memory holds it
 * (nothing is loaded): what an expunge, refresh or expire reaches, and what a save-update carries
 * into the session. Pure functions of the graph; the session decides what to do with each object.
 */
final class CascadeWalk {
  private CascadeWalk() {}

  /**
   * {@code root} and the objects of {@code session} it reaches through loaded relationships that
   * cascade {@code option} ({@code expunge} and {@code refresh-expire} are part of {@code "all"}),
   * root first.
   */
  static List<InstanceState> reach(Object session, InstanceState root, Cascade option) {
    List<InstanceState> out = new ArrayList<>();
    Set<InstanceState> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<InstanceState> work = new ArrayDeque<>();
    work.add(root);
    while (!work.isEmpty()) {
      InstanceState s = work.poll();
      if (!seen.add(s) || s.session() != session) {
        continue;
      }
      out.add(s);
      s.forEachRelationship(
          (rel, c) -> {
            if (!rel.cascades(option)) {
              return;
            }
            if (c instanceof ScalarAttribute<?> one && one.isLoaded() && one.peek() != null) {
              work.add(InstanceState.of(one.peek()));
            } else if (c instanceof CollectionAttribute<?> many) {
              for (Object m : many.membersIfLoaded()) {
                work.add(InstanceState.of(m));
              }
            }
          });
    }
    return out;
  }

  /**
   * Calls {@code action} with each object {@code s} holds in memory through a save-update
   * relationship: loaded scalar values, loaded members and members added since the last flush.
   */
  static void forEachSavedWith(InstanceState s, Consumer<Object> action) {
    if (!s.isBound()) {
      return; // no container was ever used, so none holds an object
    }
    s.forEachRelationship(
        (rel, container) -> {
          if (!rel.cascades(Cascade.SAVE_UPDATE)) {
            return;
          }
          if (container instanceof ScalarAttribute<?> one) {
            Object v = one.isLoaded() ? one.peek() : null;
            if (v != null) {
              action.accept(v);
            }
          } else if (container instanceof CollectionAttribute<?> many) {
            for (Object v : many.membersIfLoaded()) {
              action.accept(v);
            }
            for (Object v : many.addedSinceFlush()) {
              action.accept(v);
            }
          }
        });
  }
}
