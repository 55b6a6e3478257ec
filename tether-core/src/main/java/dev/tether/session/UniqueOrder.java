package dev.tether.session;

import dev.tether.attribute.InstanceState;
import dev.tether.mapping.ColumnMapping;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.TableConstraints;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Row-level order under UNIQUE keys, where table-level order is not enough. Across statements
 * ({@link #releasedForInserts}): a row that gives up a UNIQUE value (its key goes to NULL, or its
 * row is deleted as an orphan) is written before the inserts when a row to be inserted takes that
 * value, which is how a one-to-one's replacement child takes the old one's place. Among the UPDATEs
 * of one model ({@link #of}): when a row takes a key value that another row of the same flush holds
 * and gives up when a row takes a key value that another row of the same flush holds and gives up
 * (two one-to-one pairs swapping partners, three rotating), the holder must let go first. Holders
 * whose key has a nullable column go through NULL in an UPDATE of their own before the others
 * (SQLAlchemy knows foreign keys but not unique keys, and fails here); where every column of the
 * key is NOT NULL the UPDATEs run one at a time, holders first, and a cycle among them is refused
 * with the rows and the fix. Nothing is computed for a model without UNIQUE keys or rows that do
 * not change one.
 */
final class UniqueOrder {
  /** A holder's key column set to NULL before the UPDATEs. */
  record Release(InstanceState row, ColumnMapping column) {}

  private final List<Release> releases;
  private final List<InstanceState> sequence;

  private UniqueOrder(List<Release> releases, List<InstanceState> sequence) {
    this.releases = releases;
    this.sequence = sequence;
  }

  /** Nothing to order: the rows' UPDATEs run in batches, as they come. */
  static final UniqueOrder NONE = new UniqueOrder(List.of(), null);

  /** The NULL UPDATEs to run first, in order. */
  List<Release> releases() {
    return releases;
  }

  /** The rows in the order their UPDATEs must run one by one, or null: batches in any order. */
  List<InstanceState> sequence() {
    return sequence;
  }

  /**
   * The order for one model's rows about to be updated, each with its changed columns, under the
   * model's UNIQUE {@code keys} ({@link #uniqueKeys}).
   */
  static UniqueOrder of(
      List<List<ColumnMapping>> keys, Map<InstanceState, List<ColumnMapping>> dirty) {
    if (keys.isEmpty() || dirty.size() < 2) {
      return NONE;
    }
    List<Release> releases = new ArrayList<>();
    Map<InstanceState, List<InstanceState>> holderFirst = new IdentityHashMap<>();
    for (List<ColumnMapping> key : keys) {
      Map<List<Object>, InstanceState> held = new HashMap<>();
      List<InstanceState> changing = new ArrayList<>();
      for (Map.Entry<InstanceState, List<ColumnMapping>> e : dirty.entrySet()) {
        if (!java.util.Collections.disjoint(e.getValue(), key)) {
          changing.add(e.getKey());
          List<Object> old = values(key, e.getKey(), LOADED);
          if (old != null) {
            held.put(old, e.getKey());
          }
        }
      }
      for (InstanceState taker : changing) {
        List<Object> wanted = values(key, taker, NOW);
        InstanceState holder = wanted == null ? null : held.get(wanted);
        if (holder == null || holder == taker) {
          continue;
        }
        ColumnMapping nullable =
            key.stream().filter(ColumnMapping::nullable).findFirst().orElse(null);
        if (nullable != null) {
          if (releases.stream().noneMatch(r -> r.row() == holder && r.column() == nullable)) {
            releases.add(new Release(holder, nullable));
          }
        } else {
          holderFirst.computeIfAbsent(taker, k -> new ArrayList<>()).add(holder);
        }
      }
    }
    if (releases.isEmpty() && holderFirst.isEmpty()) {
      return NONE;
    }
    return new UniqueOrder(
        releases, holderFirst.isEmpty() ? null : holdersFirst(keys, dirty, holderFirst));
  }

  /** What a row will hold in a column once written (a key its relationships copy in included). */
  interface Future {
    Object value(InstanceState row, ColumnMapping column);
  }

  /**
   * Of {@code holders} (rows that give up their UNIQUE values in this flush, by an UPDATE or a
   * DELETE), those holding a value, as they were loaded, that a row of {@code inserts} takes, as
   * {@code future} says it will be written: these must be written before the inserts. Nothing is
   * computed when no holder's model has a UNIQUE key.
   */
  static Set<InstanceState> releasedForInserts(
      java.util.Collection<InstanceState> inserts,
      java.util.Collection<InstanceState> holders,
      Future future) {
    Set<InstanceState> out = new LinkedHashSet<>();
    if (inserts.isEmpty() || holders.isEmpty()) {
      return out;
    }
    Map<ModelMapping, List<List<ColumnMapping>>> keysOf = new IdentityHashMap<>();
    Set<List<ColumnMapping>> heldKeys = new HashSet<>();
    Map<List<Object>, InstanceState> holder = new HashMap<>(); // (key, values) -> its holder
    for (InstanceState h : holders) {
      for (List<ColumnMapping> key : keysOf.computeIfAbsent(h.mapping(), UniqueOrder::uniqueKeys)) {
        List<Object> old = values(key, h, LOADED);
        if (old != null) {
          heldKeys.add(key);
          holder.put(tagged(key, old), h);
        }
      }
    }
    if (holder.isEmpty()) {
      return out;
    }
    for (InstanceState s : inserts) {
      for (List<ColumnMapping> key : keysOf.computeIfAbsent(s.mapping(), UniqueOrder::uniqueKeys)) {
        if (!heldKeys.contains(key)) {
          continue;
        }
        List<Object> taken = values(key, s, future);
        InstanceState h = taken == null ? null : holder.get(tagged(key, taken));
        if (h != null) {
          out.add(h);
        }
      }
    }
    return out;
  }

  private static List<Object> tagged(List<ColumnMapping> key, List<Object> values) {
    List<Object> out = new ArrayList<>(values.size() + 1);
    out.add(key);
    out.addAll(values);
    return out;
  }

  /** Single-column UNIQUE columns and declared UNIQUE constraints and indexes, as column lists. */
  static List<List<ColumnMapping>> uniqueKeys(ModelMapping m) {
    List<List<ColumnMapping>> out = new ArrayList<>();
    for (ColumnMapping c : m.columns()) {
      if (c.unique() && !c.primaryKey()) {
        out.add(List.of(c));
      }
    }
    for (TableConstraints.Resolved r : m.table().constraints()) {
      if (r.isUnique()) {
        List<ColumnMapping> cols = new ArrayList<>();
        r.columns().forEach(name -> cols.add(m.table().column(name)));
        out.add(cols);
      }
    }
    return out;
  }

  /** A column's value as the row was loaded (its snapshot), before this flush. */
  private static final Future LOADED =
      (s, c) -> {
        Object[] snap = s.snapshot();
        return snap == null ? null : snap[c.index()];
      };

  /** A column's value in the object now. */
  private static final Future NOW = (s, c) -> c.get(s.owner());

  /** The key's values as {@code f} reads them; null when one is NULL (a NULL never clashes). */
  private static List<Object> values(List<ColumnMapping> key, InstanceState s, Future f) {
    Object[] out = new Object[key.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = f.value(s, key.get(i));
      if (out[i] == null) {
        return null;
      }
    }
    return Arrays.asList(out);
  }

  /** Every dirty row, each after the rows whose key values it takes; a cycle is refused. */
  private static List<InstanceState> holdersFirst(
      List<List<ColumnMapping>> keys,
      Map<InstanceState, List<ColumnMapping>> dirty,
      Map<InstanceState, List<InstanceState>> holderFirst) {
    List<InstanceState> out = new ArrayList<>();
    Map<InstanceState, Integer> mark = new IdentityHashMap<>(); // 1 visiting, 2 done
    for (InstanceState s : dirty.keySet()) {
      visit(keys, s, holderFirst, mark, out, new LinkedHashMap<>());
    }
    return out;
  }

  private static void visit(
      List<List<ColumnMapping>> keys,
      InstanceState s,
      Map<InstanceState, List<InstanceState>> holderFirst,
      Map<InstanceState, Integer> mark,
      List<InstanceState> out,
      LinkedHashMap<InstanceState, Boolean> path) {
    Integer state = mark.get(s);
    if (state != null && state == 2) {
      return;
    }
    if (state != null) {
      throw FlushMessages.uniqueCycle(keys, new ArrayList<>(path.keySet()), s);
    }
    mark.put(s, 1);
    path.put(s, true);
    for (InstanceState h : holderFirst.getOrDefault(s, List.of())) {
      visit(keys, h, holderFirst, mark, out, path);
    }
    path.remove(s);
    mark.put(s, 2);
    out.add(s);
  }
}
