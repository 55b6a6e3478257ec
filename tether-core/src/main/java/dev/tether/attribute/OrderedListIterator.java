package dev.tether.attribute;

import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import java.util.function.IntSupplier;

/**
 * The list iterator of a collection or a sub-list. AbstractList's would do, except that its {@code
 * add} always steps over the new element: adding an element that is already present is a no-op
 * here, so the cursor must stay, or the next {@code next()} skips an element.
 */
final class OrderedListIterator<T> implements ListIterator<T> {
  private final List<T> list;
  private final IntSupplier version;
  private int cursor;
  private int lastRet = -1;
  private int expected;

  OrderedListIterator(List<T> list, int index, IntSupplier version) {
    this.list = list;
    this.version = version;
    this.cursor = index;
    this.expected = version.getAsInt();
  }

  @Override
  public boolean hasNext() {
    return cursor < list.size();
  }

  @Override
  public T next() {
    checkForComodification();
    if (cursor >= list.size()) {
      throw new NoSuchElementException();
    }
    T x = list.get(cursor);
    lastRet = cursor++;
    return x;
  }

  @Override
  public boolean hasPrevious() {
    return cursor > 0;
  }

  @Override
  public T previous() {
    checkForComodification();
    if (cursor <= 0) {
      throw new NoSuchElementException();
    }
    T x = list.get(cursor - 1);
    lastRet = --cursor;
    return x;
  }

  @Override
  public int nextIndex() {
    return cursor;
  }

  @Override
  public int previousIndex() {
    return cursor - 1;
  }

  @Override
  public void remove() {
    if (lastRet < 0) {
      throw new IllegalStateException(
          "next() or previous() has not been called since the last" + " remove() or add()");
    }
    checkForComodification();
    list.remove(lastRet);
    if (lastRet < cursor) {
      cursor--;
    }
    lastRet = -1;
    expected = version.getAsInt();
  }

  @Override
  public void set(T x) {
    if (lastRet < 0) {
      throw new IllegalStateException(
          "next() or previous() has not been called since the last" + " remove() or add()");
    }
    checkForComodification();
    list.set(lastRet, x);
    expected = version.getAsInt();
  }

  @Override
  public void add(T x) {
    checkForComodification();
    int before = list.size();
    list.add(cursor, x);
    if (list.size() != before) {
      cursor++;
    }
    lastRet = -1;
    expected = version.getAsInt();
  }

  private void checkForComodification() {
    if (version.getAsInt() != expected) {
      throw new ConcurrentModificationException();
    }
  }
}
