package dev.tether.attribute;

import java.util.Arrays;
import java.util.Comparator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * Insertion-ordered set by object identity with O(1) append, membership and removal, and list
 * indexing. Removal leaves a hole that is squeezed out lazily (on index access or when holes
 * outnumber elements), so a run of removals costs O(1) each, amortised. The storage of every {@code
 * Many}.
 */
final class OrderedIdentitySet {
  private Object[] slots = new Object[8];
  private int end; // slots[0, end) hold elements or null holes
  private int holes;
  private final IdentityIntMap positions = new IdentityIntMap();

  int size() {
    return end - holes;
  }

  boolean contains(Object o) {
    return o != null && positions.get(o) >= 0;
  }

  /** Appends {@code o} unless present; returns whether it was added. */
  boolean add(Object o) {
    if (contains(o)) {
      return false;
    }
    if (end == slots.length) {
      // Squeeze out holes only when they fill a quarter of the array, so that the O(length)
      // compaction is paid for by the removals that made them; otherwise grow. Compacting for any
      // hole made every add after a removal O(n) once the array was full.
      if (holes >= slots.length / 4) {
        compact();
      } else {
        slots = Arrays.copyOf(slots, slots.length * 2);
      }
    }
    positions.put(o, end);
    slots[end++] = o;
    return true;
  }

  /** Removes {@code o}; returns whether it was present. */
  boolean remove(Object o) {
    return remove(o, true);
  }

  /**
   * Removes {@code o} without moving other elements, so that a {@link Cursor} stays valid (the
   * iterator's own {@code remove}).
   */
  boolean removeInPlace(Object o) {
    return remove(o, false);
  }

  private boolean remove(Object o, boolean mayCompact) {
    if (o == null) {
      return false;
    }
    int at = positions.remove(o);
    if (at < 0) {
      return false;
    }
    slots[at] = null;
    holes++;
    if (at == end - 1) {
      trimEnd();
    } else if (mayCompact && holes > 16 && holes > size()) {
      compact();
    }
    return true;
  }

  Object get(int index) {
    checkIndex(index, size());
    compactIfNeeded();
    return slots[index];
  }

  int indexOf(Object o) {
    if (!contains(o)) {
      return -1;
    }
    compactIfNeeded();
    return positions.get(o);
  }

  /** Inserts {@code o} (absent) at {@code index}, shifting later elements. */
  void insert(int index, Object o) {
    checkIndex(index, size() + 1);
    if (index == size()) {
      add(o); // an append needs no compaction
      return;
    }
    compactIfNeeded();
    if (end == slots.length) {
      slots = Arrays.copyOf(slots, slots.length * 2);
    }
    System.arraycopy(slots, index, slots, index + 1, end - index);
    slots[index] = o;
    end++;
    for (int i = index; i < end; i++) {
      positions.put(slots[i], i);
    }
  }

  /** Replaces the element at {@code index} by {@code o} (absent); returns the old element. */
  Object replace(int index, Object o) {
    checkIndex(index, size());
    compactIfNeeded();
    Object old = slots[index];
    positions.remove(old);
    slots[index] = o;
    positions.put(o, index);
    return old;
  }

  /** Swaps the elements at two indexes. */
  void swap(int i, int j) {
    compactIfNeeded();
    Object a = slots[i];
    slots[i] = slots[j];
    slots[j] = a;
    positions.put(slots[i], i);
    positions.put(slots[j], j);
  }

  void sort(Comparator<Object> order) {
    compactIfNeeded();
    Arrays.sort(slots, 0, end, order);
    for (int i = 0; i < end; i++) {
      positions.put(slots[i], i);
    }
  }

  void clear() {
    Arrays.fill(slots, 0, end, null);
    end = 0;
    holes = 0;
    positions.clear();
  }

  Object[] toArray() {
    Object[] out = new Object[size()];
    int n = 0;
    for (int i = 0; i < end; i++) {
      if (slots[i] != null) {
        out[n++] = slots[i];
      }
    }
    return out;
  }

  void forEach(Consumer<Object> action) {
    for (Object o : toArray()) {
      action.accept(o);
    }
  }

  /** A cursor over the raw slots; holes are skipped. Used by the collection's iterator. */
  final class Cursor {
    private int next;

    Cursor() {
      compactIfNeeded();
    }

    private int advance(int from) {
      int i = from;
      while (i < end && slots[i] == null) {
        i++;
      }
      return i;
    }

    boolean hasNext() {
      next = advance(next);
      return next < end;
    }

    Object next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return slots[next++];
    }
  }

  Cursor cursor() {
    return new Cursor();
  }

  private void trimEnd() {
    while (end > 0 && slots[end - 1] == null) {
      end--;
      holes--;
    }
  }

  private void compactIfNeeded() {
    if (holes > 0) {
      compact();
    }
  }

  private void compact() {
    int w = 0;
    for (int r = 0; r < end; r++) {
      Object o = slots[r];
      if (o != null) {
        if (w != r) {
          slots[w] = o;
          positions.put(o, w);
        }
        w++;
      }
    }
    Arrays.fill(slots, w, end, null);
    end = w;
    holes = 0;
  }

  private static void checkIndex(int index, int size) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size);
    }
  }
}
