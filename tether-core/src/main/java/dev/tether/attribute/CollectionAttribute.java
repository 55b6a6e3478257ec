package dev.tether.attribute;

import dev.tether.LazyLoadException;
import dev.tether.Many;
import dev.tether.mapping.Loading;
import dev.tether.mapping.RelationshipMapping;
import java.util.AbstractList;
import java.util.Collection;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import java.util.Spliterator;

/**
 * The container behind every {@link Many}: an ordered identity set whose every mutator fires the
 * back-population of {@link Sync}. While a persistent object's collection is not loaded, changes
 * arriving from the other side are queued (added / removed) and merged when it loads, so sync never
 * runs SQL. It also records what was added and removed since the last flush.
 *
 * @param <T> the related model
 */
public final class CollectionAttribute<T> extends AbstractList<T>
    implements Many<T>, RelationshipContainer, RandomAccess {
  private final InstanceState state;
  private RelationshipMapping rel;
  private final OrderedIdentitySet items = new OrderedIdentitySet();
  private boolean loaded = true;
  private OrderedIdentitySet pendingAdds;
  private OrderedIdentitySet pendingRemoves;
  private OrderedIdentitySet added;
  private OrderedIdentitySet removed;

  /** Created by {@code Model.many()}. */
  public CollectionAttribute(InstanceState state) {
    this.state = state;
  }

  // ---- List reads ---------------------------------------------------------------------------

  @Override
  public int size() {
    read();
    return items.size();
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get(int index) {
    read();
    return (T) items.get(index);
  }

  @Override
  public boolean contains(Object o) {
    read();
    return items.contains(o);
  }

  @Override
  public int indexOf(Object o) {
    read();
    return items.indexOf(o);
  }

  @Override
  public int lastIndexOf(Object o) {
    return indexOf(o);
  }

  @Override
  public Object[] toArray() {
    read();
    return items.toArray();
  }

  // ---- List writes: each fires sync -------------------------------------------------------

  @Override
  public boolean add(T x) {
    if (queuesWrites()) {
      Sync.checkTarget(rel, x);
      if (pendingAdds != null && pendingAdds.contains(x)) {
        return false;
      }
      Sync.checkSessions(state, rel, x);
      linkRaw(x);
      Sync.linked(state, rel, x);
      return true;
    }
    load();
    Sync.checkTarget(rel, x);
    if (items.contains(x)) {
      return false;
    }
    Sync.checkSessions(state, rel, x);
    items.add(x);
    added(x);
    Sync.linked(state, rel, x);
    return true;
  }

  @Override
  public void add(int index, T x) {
    load();
    Sync.checkTarget(rel, x);
    if (items.contains(x)) {
      return;
    }
    Sync.checkSessions(state, rel, x);
    items.insert(index, x);
    added(x);
    Sync.linked(state, rel, x);
  }

  /**
   * Adds the absent elements of {@code xs} in order; every element is checked before anything
   * changes, so a null or a wrong type leaves the collection and every parent as they were.
   */
  @Override
  public boolean addAll(Collection<? extends T> xs) {
    if (queuesWrites()) {
      boolean changed = false;
      for (Object x : checked(xs)) {
        @SuppressWarnings("unchecked")
        T t = (T) x;
        changed |= add(t);
      }
      return changed;
    }
    load();
    boolean changed = false;
    for (Object x : checked(xs)) {
      if (!items.contains(x)) {
        items.add(x);
        added(x);
        Sync.linked(state, rel, x);
        changed = true;
      }
    }
    return changed;
  }

  /**
   * Inserts the absent elements of {@code xs}, in order, starting at {@code index}; elements
   * already present stay where they are (AbstractList's version advances the index for them too,
   * and so misplaces the rest or runs past the end).
   */
  @Override
  public boolean addAll(int index, Collection<? extends T> xs) {
    load();
    if (index < 0 || index > items.size()) {
      throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size());
    }
    int at = index;
    for (Object x : checked(xs)) {
      if (!items.contains(x)) {
        items.insert(at++, x);
        added(x);
        Sync.linked(state, rel, x);
      }
    }
    return at > index;
  }

  @Override
  public boolean remove(Object o) {
    if (queuesWrites()) {
      if (o == null || !rel.target().type().isInstance(o)) {
        return false;
      }
      if (pendingRemoves != null && pendingRemoves.contains(o)) {
        return false;
      }
      unlinkRaw(o);
      Sync.unlinked(state, rel, o);
      return true;
    }
    load();
    if (!items.remove(o)) {
      return false;
    }
    removed(o);
    Sync.unlinked(state, rel, o);
    return true;
  }

  @Override
  public T remove(int index) {
    T old = get(index);
    remove(old);
    return old;
  }

  /**
   * Replaces the element at {@code index}. If {@code x} is already a member elsewhere the two swap
   * places (membership does not change, so nothing is synced); this keeps {@code Collections.swap},
   * {@code reverse} and {@code shuffle} working on an ordered set.
   */
  @Override
  public T set(int index, T x) {
    load();
    Sync.checkTarget(rel, x);
    T old = get(index);
    if (old == x) {
      return old;
    }
    int at = items.indexOf(x);
    if (at >= 0) {
      items.swap(index, at);
      return old;
    }
    Sync.checkSessions(state, rel, x);
    items.replace(index, x);
    modCount++;
    removed(old);
    added(x);
    Sync.unlinked(state, rel, old);
    Sync.linked(state, rel, x);
    return old;
  }

  @Override
  public void clear() {
    load();
    Object[] all = items.toArray();
    items.clear();
    for (Object o : all) {
      removed(o);
    }
    for (Object o : all) {
      Sync.unlinked(state, rel, o);
    }
  }

  @Override
  protected void removeRange(int from, int to) {
    load();
    Object[] all = items.toArray();
    for (int i = from; i < to; i++) {
      remove(all[i]);
    }
  }

  @Override
  public void sort(Comparator<? super T> order) {
    load();
    @SuppressWarnings("unchecked")
    Comparator<Object> c =
        order == null
            ? (a, b) -> {
              @SuppressWarnings({"unchecked", "rawtypes"})
              int r = ((Comparable) a).compareTo(b);
              return r;
            }
            : (Comparator<Object>) order;
    items.sort(c);
    modCount++;
  }

  @Override
  public Iterator<T> iterator() {
    read();
    return new Itr();
  }

  /**
   * Loads first: the JDK's random-access spliterator records the modification count when it is
   * created, before its first {@code size()} would load, so a stream over an unloaded collection
   * threw ConcurrentModificationException.
   */
  @Override
  public Spliterator<T> spliterator() {
    read();
    return super.spliterator();
  }

  @Override
  public ListIterator<T> listIterator(int index) {
    read();
    if (index < 0 || index > items.size()) {
      throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size());
    }
    return new OrderedListIterator<>(this, index, () -> modCount);
  }

  @Override
  public List<T> subList(int from, int to) {
    read();
    if (from < 0 || to > items.size() || from > to) {
      throw new IndexOutOfBoundsException("subList(" + from + ", " + to + ") of " + items.size());
    }
    return new SubList<>(this, from, to);
  }

  /**
   * The relationship this container holds (tether-jackson writes a collection found on its own).
   */
  public RelationshipMapping relationship() {
    bound();
    return rel;
  }

  @Override
  public boolean isLoaded() {
    return loadedNow();
  }

  /** The loaded flag for a read that does not bind: an expiry may wait for the first bind. */
  private boolean loadedNow() {
    if (rel == null) {
      state.settle();
    }
    return loaded;
  }

  // ---- raw operations used by sync on the reverse side -------------------------------------

  @Override
  public Object linkRaw(Object other) {
    bound();
    if (!loaded) {
      if (pendingRemoves == null || !pendingRemoves.remove(other)) {
        pendingAdds = addTo(pendingAdds, other);
      }
      added(other);
    } else if (items.add(other)) {
      added(other);
    }
    return null;
  }

  @Override
  public void unlinkRaw(Object other) {
    bound();
    if (!loaded) {
      if (pendingAdds == null || !pendingAdds.remove(other)) {
        pendingRemoves = addTo(pendingRemoves, other);
      }
      removed(other);
    } else if (items.remove(other)) {
      removed(other);
    }
  }

  // ---- for the session ---------------------------------------------------------------------

  /**
   * Fills an unloaded collection with the rows the database returned, merged with the changes
   * queued while it was unloaded; points each member's unloaded reverse reference here.
   */
  public void populate(List<?> rows) {
    bound();
    items.clear();
    RelationshipMapping rev = rel.reverse();
    for (Object r : rows) {
      if ((pendingRemoves == null || !pendingRemoves.contains(r)) && !movedAway(r, rev)) {
        items.add(r);
      }
    }
    if (pendingAdds != null) {
      pendingAdds.forEach(items::add);
    }
    pendingAdds = null;
    pendingRemoves = null;
    loaded = true;
    modCount++;
    if (rev != null && !rev.isCollection()) {
      for (Object member : items.toArray()) {
        ScalarAttribute<?> back = (ScalarAttribute<?>) InstanceState.of(member).container(rev);
        if (!back.isLoaded()) {
          back.setCommitted(state.owner());
        }
      }
    }
  }

  /**
   * Whether a row's member already points elsewhere in memory: its reference is loaded (so newer
   * than the row) and is not this owner. That happens when it moved while this owner was not in
   * memory, so no removal could be queued here; loading it back would put it in two collections.
   */
  private boolean movedAway(Object member, RelationshipMapping rev) {
    if (rev == null || rev.isCollection()) {
      return false;
    }
    ScalarAttribute<?> back = (ScalarAttribute<?>) InstanceState.of(member).container(rev);
    return back.isLoaded() && back.peek() != state.owner();
  }

  /** Current members without loading (empty when unloaded). */
  public Object[] membersIfLoaded() {
    return loadedNow() ? items.toArray() : new Object[0];
  }

  /** Objects added since the last flush (also while unloaded). */
  public Object[] addedSinceFlush() {
    return added == null ? new Object[0] : added.toArray();
  }

  /** Objects removed since the last flush (also while unloaded). */
  public Object[] removedSinceFlush() {
    return removed == null ? new Object[0] : removed.toArray();
  }

  @Override
  public void flushed() {
    added = null;
    removed = null;
    if (!loadedNow()) {
      // the flush wrote what was queued: the rows say it now, and a queued removal kept past the
      // flush would cancel a later re-add, losing the member if the collection loads before the
      // next flush writes it back
      pendingAdds = null;
      pendingRemoves = null;
    }
  }

  /**
   * Puts back history that an earlier flush of a transaction that was then rolled back had written,
   * before the history recorded since: the next flush writes both again.
   */
  public void restoreHistory(Object[] earlierAdded, Object[] earlierRemoved) {
    Object[] laterAdded = addedSinceFlush();
    Object[] laterRemoved = removedSinceFlush();
    added = null;
    removed = null;
    for (Object o : earlierAdded) {
      added(o);
    }
    for (Object o : earlierRemoved) {
      removed(o);
    }
    for (Object o : laterAdded) {
      added(o);
    }
    for (Object o : laterRemoved) {
      removed(o);
    }
  }

  @Override
  public void expire() {
    items.clear();
    loaded = false;
    pendingAdds = null;
    pendingRemoves = null;
    added = null;
    removed = null;
    modCount++;
  }

  @Override
  public void bind(InstanceState owner, RelationshipMapping relationship) {
    this.rel = relationship;
  }

  @Override
  public boolean belongsTo(InstanceState s) {
    return s == state;
  }

  @Override
  public String toString() {
    if (!loadedNow() && state.session() == null) {
      return "<" + (rel == null ? "relationship" : rel.qualifiedName()) + " not loaded>";
    }
    return super.toString();
  }

  // ---- internals ---------------------------------------------------------------------------

  private void added(Object o) {
    modCount++;
    if (removed == null || !removed.remove(o)) {
      added = addTo(added, o);
    }
    state.changed();
  }

  private void removed(Object o) {
    modCount++;
    if (added == null || !added.remove(o)) {
      removed = addTo(removed, o);
    }
    state.changed();
  }

  /** A copy of {@code xs} whose every element may join this collection; throws otherwise. */
  private Object[] checked(Collection<?> xs) {
    Object[] in = xs.toArray();
    for (Object x : in) {
      Sync.checkTarget(rel, x);
      Sync.checkSessions(state, rel, x);
    }
    return in;
  }

  private static OrderedIdentitySet addTo(OrderedIdentitySet set, Object o) {
    OrderedIdentitySet s = set == null ? new OrderedIdentitySet() : set;
    s.add(o);
    return s;
  }

  private void bound() {
    if (rel == null) {
      state.bind();
    }
  }

  /**
   * Whether this is a write-only collection of an object with rows ({@code lazy = "write_only"}):
   * {@code add} and {@code remove} are queued for the flush without reading the members.
   */
  private boolean queuesWrites() {
    bound();
    return !loaded && rel.loading() == Loading.WRITE_ONLY;
  }

  /**
   * The refusal to read a write-only collection: it names the query that reads its members.
   * (Exposed for the loader, which refuses the same way.)
   */
  public static LazyLoadException writeOnlyRead(InstanceState owner, RelationshipMapping rel) {
    return new LazyLoadException(
        rel.qualifiedName()
            + " of "
            + owner.describe()
            + " is write-only (lazy = \"write_only\"): it is never loaded, only added to and"
            + " removed from (queued, written at flush). Query its members with session.select("
            + rel.owner().name()
            + "_."
            + rel.name()
            + ", owner), with where, orderBy and limit as needed.");
  }

  /** {@link #load()} for a read: a write-only collection is never read, even in memory. */
  private void read() {
    bound();
    if (rel.loading() == Loading.WRITE_ONLY) {
      throw writeOnlyRead(state, rel);
    }
    load();
  }

  private void load() {
    bound();
    if (loaded) {
      return;
    }
    SessionLink s = state.session();
    if (s == null) {
      throw Sync.detached(state, rel);
    }
    populate(s.loadCollection(state, rel));
  }

  /** Iterates the live slots; {@code remove()} is O(1) and fires sync. */
  private final class Itr implements Iterator<T> {
    private final OrderedIdentitySet.Cursor cursor = items.cursor();
    private Object last;
    private int expected = modCount;

    @Override
    public boolean hasNext() {
      return cursor.hasNext();
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
      checkForComodification();
      if (!cursor.hasNext()) {
        throw new NoSuchElementException();
      }
      last = cursor.next();
      return (T) last;
    }

    @Override
    public void remove() {
      if (last == null) {
        throw new IllegalStateException("next() has not been called, or remove() already was");
      }
      checkForComodification();
      Object o = last;
      last = null;
      items.removeInPlace(o);
      removed(o);
      Sync.unlinked(state, rel, o);
      expected = modCount;
    }

    private void checkForComodification() {
      if (modCount != expected) {
        throw new ConcurrentModificationException();
      }
    }
  }

  /**
   * A range view whose writes go through the collection (so they sync); its bounds follow the
   * collection's size change, since adding a present element changes nothing.
   */
  private static final class SubList<T> extends AbstractList<T> {
    private final CollectionAttribute<T> root;
    private final int from;
    private int to;
    private int expected;

    SubList(CollectionAttribute<T> root, int from, int to) {
      this.root = root;
      this.from = from;
      this.to = to;
      this.expected = root.modCount;
    }

    @Override
    public T get(int index) {
      check(index, size());
      return root.get(from + index);
    }

    @Override
    public int size() {
      comod();
      return to - from;
    }

    @Override
    public T set(int index, T x) {
      check(index, size());
      T old = root.set(from + index, x);
      expected = root.modCount;
      return old;
    }

    @Override
    public void add(int index, T x) {
      check(index, size() + 1);
      int before = root.items.size();
      root.add(from + index, x);
      to += root.items.size() - before;
      expected = root.modCount;
      modCount++;
    }

    @Override
    public boolean addAll(Collection<? extends T> xs) {
      return addAll(size(), xs);
    }

    @Override
    public boolean addAll(int index, Collection<? extends T> xs) {
      check(index, size() + 1);
      int before = root.items.size();
      boolean changed = root.addAll(from + index, xs);
      to += root.items.size() - before;
      expected = root.modCount;
      if (changed) {
        modCount++;
      }
      return changed;
    }

    @Override
    public ListIterator<T> listIterator(int index) {
      check(index, size() + 1);
      return new OrderedListIterator<>(this, index, () -> modCount);
    }

    @Override
    public T remove(int index) {
      check(index, size());
      T old = root.remove(from + index);
      to--;
      expected = root.modCount;
      modCount++;
      return old;
    }

    @Override
    protected void removeRange(int a, int b) {
      comod();
      root.removeRange(from + a, from + b);
      to -= b - a;
      expected = root.modCount;
      modCount++;
    }

    private void comod() {
      if (root.modCount != expected) {
        throw new ConcurrentModificationException();
      }
    }

    private void check(int index, int size) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size);
      }
    }
  }
}
