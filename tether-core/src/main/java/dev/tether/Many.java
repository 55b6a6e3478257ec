package dev.tether;

import java.util.List;

/**
 * The collection side of a relationship: one-to-many or many-to-many. Create it with {@link
 * Model#many()} in a {@code final} field.
 *
 * <p>A {@code Many} is a {@link List} whose every method — {@code add}, {@code remove}, {@code
 * set}, {@code clear}, {@code removeIf}, {@code retainAll}, iterators, {@code subList} — keeps the
 * reverse side in sync. It is an <em>ordered set</em>: it keeps insertion order and never holds the
 * same object twice ({@code add} of a present element returns {@code false} and changes nothing;
 * {@code set(i, x)} with {@code x} already at another index swaps the two). Membership uses object
 * identity, and adding or removing an element is O(1) whatever the size.
 *
 * <pre>{@code
 * parent.children.add(child);     // child.parent.get() == parent
 * parent.children.remove(child);  // child.parent.get() == null
 * }</pre>
 *
 * @param <T> the related model
 */
public interface Many<T> extends List<T> {
  /**
   * Whether the contents are in memory. A persistent object's collection loads on first use;
   * changes made to it from the other side before then are queued and merged in when it loads.
   */
  boolean isLoaded();
}
