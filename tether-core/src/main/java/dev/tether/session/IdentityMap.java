package dev.tether.session;

import dev.tether.attribute.InstanceState;
import dev.tether.mapping.ModelMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** One object per row per session: model → primary key → object state. */
final class IdentityMap {
  private final Map<ModelMapping, Map<Object, InstanceState>> byModel = new IdentityHashMap<>();

  /** The model looked up last and its rows: lookups tend to repeat one model. */
  private ModelMapping lastModel;

  private Map<Object, InstanceState> lastRows;

  InstanceState get(ModelMapping m, Object key) {
    Map<Object, InstanceState> rows = rows(m);
    return rows == null ? null : rows.get(normalize(m, key));
  }

  /** Adds {@code s}; returns the state already registered under its key, if any. */
  InstanceState putIfAbsent(ModelMapping m, Object key, InstanceState s) {
    Map<Object, InstanceState> rows = rows(m);
    if (rows == null) {
      rows = new HashMap<>();
      byModel.put(m, rows);
      lastModel = m;
      lastRows = rows;
    }
    return rows.putIfAbsent(normalize(m, key), s);
  }

  private Map<Object, InstanceState> rows(ModelMapping m) {
    if (m == lastModel) {
      return lastRows;
    }
    Map<Object, InstanceState> rows = byModel.get(m);
    if (rows != null) {
      lastModel = m;
      lastRows = rows;
    }
    return rows;
  }

  void remove(ModelMapping m, Object key, InstanceState s) {
    Map<Object, InstanceState> rows = rows(m);
    if (rows != null) {
      rows.remove(normalize(m, key), s);
    }
  }

  /**
   * The objects of model {@code m}: a live view, not a copy; do not change the map while iterating.
   */
  java.util.Collection<InstanceState> of(ModelMapping m) {
    Map<Object, InstanceState> rows = byModel.get(m);
    return rows == null ? List.of() : java.util.Collections.unmodifiableCollection(rows.values());
  }

  /** The models that have objects here (a live view). */
  java.util.Set<ModelMapping> models() {
    return java.util.Collections.unmodifiableSet(byModel.keySet());
  }

  List<InstanceState> all() {
    List<InstanceState> out = new ArrayList<>();
    byModel.values().forEach(rows -> out.addAll(rows.values()));
    return out;
  }

  /** Whether any object of {@code m} is registered. */
  boolean holdsAny(ModelMapping m) {
    Map<Object, InstanceState> rows = byModel.get(m);
    return rows != null && !rows.isEmpty();
  }

  void clear() {
    byModel.clear();
    lastModel = null;
    lastRows = null;
  }

  /** {@code get(Parent.class, 1L)} finds an {@code Integer} key and vice versa. */
  static Object normalize(ModelMapping m, Object key) {
    return Keys.normalize(m, key);
  }
}
