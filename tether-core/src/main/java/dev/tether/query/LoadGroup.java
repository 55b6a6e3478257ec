package dev.tether.query;

import dev.tether.ObjectState;
import dev.tether.attribute.InstanceState;
import dev.tether.mapping.RelationshipMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects one query (or one relationship load) produced, and the plan they were loaded with.
 * Each member points to its group; when one member's lazy relationship loads, the group supplies
 * the peers whose same relationship is still unloaded, so that one IN query serves a batch of them
 * (Ebean's and Django's batched lazy loading).
 */
final class LoadGroup {
  final List<InstanceState> members;
  final LoadPlan plan;
  final boolean batch;
  private final Map<RelationshipMapping, Integer> cursors = new HashMap<>();

  LoadGroup(List<InstanceState> members, LoadPlan plan, boolean batch) {
    this.members = members;
    this.plan = plan;
    this.batch = batch;
  }

  /** Makes {@code objects} one group; objects already in another group join this one. */
  static void form(List<?> objects, LoadPlan plan, boolean batch) {
    List<InstanceState> states = new ArrayList<>(objects.size());
    for (Object o : objects) {
      states.add(InstanceState.of(o));
    }
    LoadGroup g = new LoadGroup(states, plan, batch);
    for (InstanceState s : states) {
      s.loadGroup(g);
    }
  }

  static LoadGroup of(InstanceState s) {
    return s.loadGroup() instanceof LoadGroup g ? g : null;
  }

  /**
   * Up to {@code limit - 1} members other than {@code owner} whose {@code rel} is unloaded and that
   * can load it (persistent in the same session), scanning on from where the last batch stopped.
   */
  List<InstanceState> unloadedPeers(InstanceState owner, RelationshipMapping rel, int limit) {
    List<InstanceState> out = new ArrayList<>();
    int n = members.size();
    int start = cursors.getOrDefault(rel, 0);
    int i = start;
    for (int seen = 0; seen < n && out.size() < limit - 1; seen++, i = (i + 1) % n) {
      InstanceState s = members.get(i);
      if (s != owner
          && s.session() == owner.session()
          && s.status() == ObjectState.PERSISTENT
          && s.mapping() == rel.owner()
          && !s.isLoaded(rel)) {
        out.add(s);
      }
    }
    cursors.put(rel, i);
    return out;
  }
}
