package dev.tether.session;

import dev.tether.attribute.InstanceState;
import dev.tether.mapping.ModelMapping;
import java.util.AbstractSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An insertion-ordered set of objects that also counts its members per model, so that "does this
 * set hold an object of model m?" is O(1) (the session's deleted objects, asked at every {@code
 * get}). Every change goes through {@link #add}, {@link #remove}, {@link #clear} or the iterator's
 * {@code remove}, which {@link AbstractSet}'s bulk operations use too, so the counts cannot drift.
 */
final class ModelCountingSet extends AbstractSet<InstanceState> {
  private final Set<InstanceState> members = new LinkedHashSet<>();
  private final Map<ModelMapping, int[]> counts = new IdentityHashMap<>();

  /** The models with at least one member (a live view; do not change the set while iterating). */
  Set<ModelMapping> models() {
    return counts.keySet();
  }

  @Override
  public boolean add(InstanceState s) {
    if (!members.add(s)) {
      return false;
    }
    counts.computeIfAbsent(s.mapping(), k -> new int[1])[0]++;
    return true;
  }

  @Override
  public boolean remove(Object o) {
    if (!members.remove(o)) {
      return false;
    }
    uncount((InstanceState) o);
    return true;
  }

  private void uncount(InstanceState s) {
    ModelMapping m = s.mapping();
    int[] n = counts.get(m);
    if (--n[0] == 0) {
      counts.remove(m);
    }
  }

  @Override
  public boolean contains(Object o) {
    return members.contains(o);
  }

  @Override
  public int size() {
    return members.size();
  }

  @Override
  public boolean isEmpty() {
    return members.isEmpty();
  }

  @Override
  public void clear() {
    members.clear();
    counts.clear();
  }

  @Override
  public Iterator<InstanceState> iterator() {
    Iterator<InstanceState> it = members.iterator();
    return new Iterator<>() {
      private InstanceState last;

      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public InstanceState next() {
        last = it.next();
        return last;
      }

      @Override
      public void remove() {
        it.remove();
        uncount(last);
      }
    };
  }
}
