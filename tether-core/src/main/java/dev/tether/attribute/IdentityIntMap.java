package dev.tether.attribute;

import java.util.Arrays;

/**
 * An open-addressing map from object identity to an int, with no boxing and no per-entry
 * allocation. Backs the O(1) membership test and removal of {@link OrderedIdentitySet}.
 */
final class IdentityIntMap {
  private static final int MISSING = -1;
  private Object[] keys = new Object[16];
  private int[] values = new int[16];
  private int size;

  int size() {
    return size;
  }

  /** The value for {@code key}, or -1. */
  int get(Object key) {
    int mask = keys.length - 1;
    for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
      Object k = keys[i];
      if (k == null) {
        return MISSING;
      }
      if (k == key) {
        return values[i];
      }
    }
  }

  void put(Object key, int value) {
    if ((size + 1) * 3 >= keys.length * 2) {
      resize(keys.length * 2);
    }
    int mask = keys.length - 1;
    for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
      Object k = keys[i];
      if (k == null) {
        keys[i] = key;
        values[i] = value;
        size++;
        return;
      }
      if (k == key) {
        values[i] = value;
        return;
      }
    }
  }

  /** Removes {@code key}; returns its value or -1. Backward-shift deletion keeps probes short. */
  int remove(Object key) {
    int mask = keys.length - 1;
    int i = hash(key) & mask;
    while (true) {
      Object k = keys[i];
      if (k == null) {
        return MISSING;
      }
      if (k == key) {
        break;
      }
      i = (i + 1) & mask;
    }
    int removed = values[i];
    int gap = i;
    for (int j = (gap + 1) & mask; keys[j] != null; j = (j + 1) & mask) {
      int home = hash(keys[j]) & mask;
      boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
      if (movable) {
        keys[gap] = keys[j];
        values[gap] = values[j];
        gap = j;
      }
    }
    keys[gap] = null;
    size--;
    return removed;
  }

  void clear() {
    if (size > 0) {
      Arrays.fill(keys, null);
      size = 0;
    }
  }

  private void resize(int capacity) {
    Object[] oldKeys = keys;
    int[] oldValues = values;
    keys = new Object[capacity];
    values = new int[capacity];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int hash(Object key) {
    int h = System.identityHashCode(key);
    return h ^ (h >>> 16);
  }
}
