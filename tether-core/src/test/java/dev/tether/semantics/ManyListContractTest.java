package dev.tether.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Many;
import dev.tether.One;
import dev.tether.fixtures.BackPopulates;
import dev.tether.fixtures.BackPopulates.Child;
import dev.tether.fixtures.BackPopulates.Parent;
import dev.tether.fixtures.BackrefOnChild;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Many} as a {@link List}: every method works, keeps the reverse side in sync, and honours
 * Tether's ordered-set rule (DESIGN §2.1: insertion order, never an element twice, {@code set(i,
 * x)} with x elsewhere swaps). Where the {@code List} contract and the ordered-set rule meet, the
 * result must equal what an {@code ArrayList} gives for the same calls on distinct elements.
 */
class ManyListContractTest {

  @BeforeAll
  static void register() {
    BackPopulates.registry();
    BackrefOnChild.registry();
  }

  private static List<Child> children(int n) {
    List<Child> cs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cs.add(new Child("c" + i));
    }
    return cs;
  }

  private static Parent parentWith(List<Child> cs) {
    Parent p = new Parent("p");
    p.children.addAll(cs);
    return p;
  }

  // ---- ordered set (DESIGN §2.1) -------------------------------------------------------------

  /** Better than SQLAlchemy (§2.1): add(i, x) of a present element neither moves nor duplicates. */
  @Test
  void add_at_index_of_a_present_element_is_a_no_op() {
    List<Child> cs = children(3);
    Parent p = parentWith(cs);

    p.children.add(0, cs.get(2));
    assertThat(p.children).containsExactlyElementsOf(cs);
    assertThat(p.children.indexOf(cs.get(2))).isEqualTo(2);
    assertThat(p.children.lastIndexOf(cs.get(2))).isEqualTo(2);
  }

  /**
   * §2.1: {@code set(i, x)} with x already at j swaps the two; membership and parents unchanged.
   */
  @Test
  void set_with_a_member_from_another_index_swaps() {
    List<Child> cs = children(4);
    Parent p = parentWith(cs);

    assertThat(p.children.set(0, cs.get(3))).isSameAs(cs.get(0));
    assertThat(p.children).containsExactly(cs.get(3), cs.get(1), cs.get(2), cs.get(0));
    assertThat(cs).allMatch(c -> c.parent.get() == p);
  }

  /** {@code addAll(i, xs)} inserts the absent elements of xs, in order, at i; present ones stay. */
  @Test
  void add_all_at_index_inserts_only_the_absent_elements_there() {
    List<Child> cs = children(5);
    Parent p = parentWith(cs.subList(0, 3));

    assertThat(p.children.addAll(0, List.of(cs.get(1), cs.get(3)))).isTrue();
    assertThat(p.children).containsExactly(cs.get(3), cs.get(0), cs.get(1), cs.get(2));

    assertThat(p.children.addAll(4, List.of(cs.get(0), cs.get(4)))).isTrue();
    assertThat(p.children).containsExactly(cs.get(3), cs.get(0), cs.get(1), cs.get(2), cs.get(4));

    assertThat(p.children.addAll(1, List.of(cs.get(4), cs.get(2)))).isFalse();
    assertThat(p.children.addAll(2, List.of())).isFalse();
    assertThat(p.children).hasSize(5);
    assertThat(cs).allMatch(c -> c.parent.get() == p);

    assertThatThrownBy(() -> p.children.addAll(6, List.of(new Child("x"))))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  /** A list iterator's {@code add} of a present element changes nothing, the cursor included. */
  @Test
  void list_iterator_add_of_a_present_element_does_not_move_the_cursor() {
    List<Child> cs = children(4);
    Parent p = parentWith(cs.subList(0, 3));

    ListIterator<Child> it = p.children.listIterator();
    it.add(cs.get(1)); // present: no-op
    assertThat(it.nextIndex()).isZero();
    assertThat(it.next()).isSameAs(cs.get(0));
    it.add(cs.get(3)); // absent: inserted before the cursor, like ArrayList
    assertThat(it.next()).isSameAs(cs.get(1));
    assertThat(it.previousIndex()).isEqualTo(2);
    assertThat(p.children).containsExactly(cs.get(0), cs.get(3), cs.get(1), cs.get(2));
    assertThat(cs.get(3).parent.get()).isSameAs(p);
  }

  /** A list iterator walks both ways and its {@code set} / {@code remove} sync like the list's. */
  @Test
  void list_iterator_walks_both_ways_and_syncs_set_and_remove() {
    List<Child> cs = children(4);
    Child outsider = new Child("x");
    Parent q = parentWith(List.of(outsider));
    Parent p = parentWith(cs.subList(0, 3));

    ListIterator<Child> it = p.children.listIterator(3);
    assertThat(it.hasNext()).isFalse();
    assertThat(it.previous()).isSameAs(cs.get(2));
    it.set(outsider); // takes x from q; c2 leaves p
    assertThat(q.children).isEmpty();
    assertThat(outsider.parent.get()).isSameAs(p);
    assertThat(cs.get(2).parent.get()).isNull();
    assertThat(it.previous()).isSameAs(cs.get(1));
    it.remove();
    assertThat(cs.get(1).parent.get()).isNull();
    assertThat(it.previous()).isSameAs(cs.get(0));
    assertThat(it.hasPrevious()).isFalse();
    assertThat(it.next()).isSameAs(cs.get(0));
    assertThat(it.next()).isSameAs(outsider);
    assertThat(p.children).containsExactly(cs.get(0), outsider);
  }

  /** Collections.swap, reverse and shuffle give exactly what they give on an ArrayList. */
  @Test
  void swap_reverse_and_shuffle_permute_like_an_array_list() {
    List<Child> cs = children(40);
    Parent p = parentWith(cs);
    List<Child> expected = new ArrayList<>(cs);

    Collections.swap(p.children, 3, 17);
    Collections.swap(expected, 3, 17);
    assertThat(p.children).containsExactlyElementsOf(expected);

    Collections.swap(p.children, 5, 5);
    assertThat(p.children).containsExactlyElementsOf(expected);

    Collections.reverse(p.children);
    Collections.reverse(expected);
    assertThat(p.children).containsExactlyElementsOf(expected);

    Collections.shuffle(p.children, new Random(42));
    Collections.shuffle(expected, new Random(42));
    assertThat(p.children).containsExactlyElementsOf(expected);

    Collections.rotate(p.children, 7);
    Collections.rotate(expected, 7);
    assertThat(p.children).containsExactlyElementsOf(expected);

    assertThat(cs).allMatch(c -> c.parent.get() == p);
  }

  /** {@code sort} and {@code Collections.sort} reorder without changing membership or parents. */
  @Test
  void sort_reorders_in_place() {
    List<Child> cs = children(12);
    Collections.shuffle(cs, new Random(7));
    Parent p = parentWith(cs);
    p.children.remove(cs.get(4)); // a hole in the storage must not disturb sorting

    p.children.sort(Comparator.comparing((Child c) -> c.name).reversed());
    List<Child> expected = new ArrayList<>(cs);
    expected.remove(cs.get(4));
    expected.sort(Comparator.comparing((Child c) -> c.name).reversed());
    assertThat(p.children).containsExactlyElementsOf(expected);

    Collections.sort(p.children, Comparator.comparing(c -> c.name));
    expected.sort(Comparator.comparing(c -> c.name));
    assertThat(p.children).containsExactlyElementsOf(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(p.children.indexOf(expected.get(i))).isEqualTo(i);
    }
    assertThat(expected).allMatch(c -> c.parent.get() == p);
  }

  /**
   * Sorting, shuffling or reversing a sub-list uses the JDK's default algorithms, which write with
   * {@code set}; the ordered set's swap-on-set makes them come out right.
   */
  @Test
  void sub_list_sort_shuffle_and_reverse_permute_the_range_only() {
    List<Child> cs = children(30);
    Parent p = parentWith(cs);
    List<Child> expected = new ArrayList<>(cs);

    p.children.subList(3, 25).sort(Comparator.comparing((Child c) -> c.name).reversed());
    expected.subList(3, 25).sort(Comparator.comparing((Child c) -> c.name).reversed());
    assertThat(p.children).containsExactlyElementsOf(expected);

    Collections.shuffle(p.children.subList(1, 29), new Random(3));
    Collections.shuffle(expected.subList(1, 29), new Random(3));
    assertThat(p.children).containsExactlyElementsOf(expected);

    Collections.reverse(p.children.subList(0, 27));
    Collections.reverse(expected.subList(0, 27));
    assertThat(p.children).containsExactlyElementsOf(expected);
    assertThat(cs).allMatch(c -> c.parent.get() == p);
  }

  /** {@code replaceAll} is element-wise {@code set}: new elements join, replaced ones leave. */
  @Test
  void replace_all_syncs_every_replaced_element() {
    List<Child> cs = children(3);
    List<Child> others = children(3);
    Parent p = parentWith(cs);

    p.children.replaceAll(c -> others.get(cs.indexOf(c)));
    assertThat(p.children).containsExactlyElementsOf(others);
    assertThat(cs).allMatch(c -> c.parent.get() == null);
    assertThat(others).allMatch(c -> c.parent.get() == p);
  }

  /** A sub-list is a live view: its writes sync, and it follows the list's size changes. */
  @Test
  void sub_list_writes_sync_through_the_view() {
    List<Child> cs = children(6);
    Child x = new Child("x");
    Parent p = parentWith(cs.subList(0, 5));

    List<Child> view = p.children.subList(1, 4); // c1 c2 c3
    view.add(1, x);
    assertThat(view).containsExactly(cs.get(1), x, cs.get(2), cs.get(3));
    view.add(0, cs.get(4)); // present in the root: no-op, the view keeps its size
    assertThat(view).hasSize(4);
    assertThat(view.remove(2)).isSameAs(cs.get(2));
    assertThat(view.set(0, cs.get(5))).isSameAs(cs.get(1));
    view.removeIf(c -> c == cs.get(3));

    assertThat(view).containsExactly(cs.get(5), x);
    assertThat(p.children).containsExactly(cs.get(0), cs.get(5), x, cs.get(4));
    assertThat(x.parent.get()).isSameAs(p);
    assertThat(cs.get(5).parent.get()).isSameAs(p);
    assertThat(cs.get(1).parent.get()).isNull();
    assertThat(cs.get(2).parent.get()).isNull();
    assertThat(cs.get(3).parent.get()).isNull();

    p.children.subList(1, 3).clear();
    assertThat(p.children).containsExactly(cs.get(0), cs.get(4));
    assertThat(x.parent.get()).isNull();

    p.children.add(x);
    p.children.subList(0, 3).subList(1, 2).clear(); // nested views too
    assertThat(p.children).containsExactly(cs.get(0), x);
    assertThat(cs.get(4).parent.get()).isNull();
  }

  /** A sub-list's {@code addAll} and list iterator follow the ordered-set rule like the list's. */
  @Test
  void sub_list_add_all_and_list_iterator_skip_present_elements() {
    List<Child> cs = children(5);
    Parent p = parentWith(cs.subList(0, 3));

    List<Child> view = p.children.subList(1, 3); // c1 c2
    assertThat(view.addAll(0, List.of(cs.get(0), cs.get(3)))).isTrue(); // c0 stays where it is
    assertThat(view).containsExactly(cs.get(3), cs.get(1), cs.get(2));
    assertThat(p.children).containsExactly(cs.get(0), cs.get(3), cs.get(1), cs.get(2));
    assertThat(view.addAll(List.of(cs.get(4), cs.get(1)))).isTrue();
    assertThat(view).containsExactly(cs.get(3), cs.get(1), cs.get(2), cs.get(4));
    assertThat(view.addAll(List.of(cs.get(0)))).isFalse();

    ListIterator<Child> it = view.listIterator();
    it.add(cs.get(2)); // present: the cursor stays
    assertThat(it.next()).isSameAs(cs.get(3));
    assertThat(p.children).containsExactly(cs.get(0), cs.get(3), cs.get(1), cs.get(2), cs.get(4));
    assertThat(cs).allMatch(c -> c.parent.get() == p);
  }

  /** A change to the list behind a view's back is detected, as with ArrayList. */
  @Test
  void structural_changes_outside_an_iterator_or_view_are_detected() {
    List<Child> cs = children(3);
    Parent p = parentWith(cs);

    List<Child> view = p.children.subList(0, 2);
    p.children.add(new Child("x"));
    assertThatThrownBy(view::size).isInstanceOf(ConcurrentModificationException.class);

    Iterator<Child> it = p.children.iterator();
    it.next();
    cs.get(2).parent.set(null); // from the other side
    assertThatThrownBy(it::next).isInstanceOf(ConcurrentModificationException.class);
  }

  /** Iterator.remove without next(), or twice, is refused. */
  @Test
  void iterator_remove_needs_a_current_element() {
    Parent p = parentWith(children(2));
    Iterator<Child> it = p.children.iterator();
    assertThatThrownBy(it::remove).isInstanceOf(IllegalStateException.class);
    it.next();
    it.remove();
    assertThatThrownBy(it::remove).isInstanceOf(IllegalStateException.class);
    assertThat(p.children).hasSize(1);
  }

  // ---- equality, errors, printing -----------------------------------------------------------

  /** A Many equals any List with the same elements in the same order (by identity). */
  @Test
  void equals_and_hash_code_follow_the_list_contract() {
    List<Child> cs = children(3);
    Parent p = parentWith(cs);

    assertThat(p.children).isEqualTo(cs);
    assertThat(cs).isEqualTo(p.children);
    assertThat(p.children.hashCode()).isEqualTo(cs.hashCode());
    assertThat(p.children).isEqualTo(List.copyOf(cs));
    assertThat(p.children).isNotEqualTo(List.of(cs.get(1), cs.get(0), cs.get(2)));
    assertThat(p.children).isNotEqualTo(new LinkedHashSet<>(cs));
    assertThat(new Parent("a").children).isEqualTo(new Parent("b").children).isEqualTo(List.of());
    assertThat(new Parent("a").children.hashCode()).isEqualTo(List.of().hashCode());

    Child twin = new Child("c0"); // same columns, another object: not equal
    assertThat(p.children).doesNotContain(twin);
    assertThat(p.children.indexOf(twin)).isEqualTo(-1);
    assertThat(p.children.contains(null)).isFalse();
    assertThat(p.children.remove(null)).isFalse();
  }

  /**
   * A null element is refused by every way in, with the relationship named, and changes nothing.
   */
  @Test
  void null_elements_are_refused_before_anything_changes() {
    List<Child> cs = children(2);
    Parent p = parentWith(cs.subList(0, 1));
    Child c1 = cs.get(1);

    assertThatThrownBy(() -> p.children.add(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("Parent.children cannot hold null");
    assertThatThrownBy(() -> p.children.add(0, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> p.children.set(0, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> p.children.addAll(Arrays.asList(c1, null)))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> p.children.addAll(0, Arrays.asList(c1, null)))
        .isInstanceOf(NullPointerException.class);

    assertThat(p.children).containsExactly(cs.get(0));
    assertThat(c1.parent.get()).isNull();
  }

  /** An object of the wrong class (through a raw type) is refused with both classes named. */
  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void wrong_element_types_are_refused() {
    Parent p = new Parent("p");
    Child c = new Child("c");
    List raw = p.children;
    BackrefOnChild.Child stranger = new BackrefOnChild.Child("s");

    assertThatThrownBy(() -> raw.add(new Parent("q")))
        .isInstanceOf(ClassCastException.class)
        .hasMessageContaining("Parent.children")
        .hasMessageContaining("not Parent");
    assertThatThrownBy(() -> raw.add(stranger))
        .isInstanceOf(ClassCastException.class)
        .hasMessageContaining(BackrefOnChild.Child.class.getCanonicalName());
    assertThatThrownBy(() -> raw.addAll(List.of(c, "text")))
        .isInstanceOf(ClassCastException.class)
        .hasMessageContaining("String");
    assertThat(p.children).isEmpty();
    assertThat(c.parent.get()).isNull();

    One rawOne = c.parent;
    assertThatThrownBy(() -> rawOne.set(new Child("not a parent")))
        .isInstanceOf(ClassCastException.class)
        .hasMessageContaining("Child.parent");
    assertThat(c.parent.isPresent()).isFalse();
  }

  /** An index out of range fails like ArrayList's, and changes nothing. */
  @Test
  void indexes_out_of_range_are_refused() {
    List<Child> cs = children(2);
    Parent p = parentWith(cs);
    Child x = new Child("x");

    assertThatThrownBy(() -> p.children.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> p.children.add(3, x)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> p.children.set(-1, x)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> p.children.remove(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> p.children.subList(1, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(p.children).containsExactlyElementsOf(cs);
    assertThat(x.parent.get()).isNull();
  }

  /** A transient object's collections are in memory from the start, declared or backref. */
  @Test
  void transient_collections_are_loaded() {
    assertThat(new Parent("p").children.isLoaded()).isTrue();
    Many<BackrefOnChild.Child> generated = new BackrefOnChild.Parent("p").related("children");
    assertThat(generated.isLoaded()).isTrue();
    assertThat(generated).isEmpty();
  }

  /** Printing shows column fields, never relationships, so cycles cannot recurse. */
  @Test
  void to_string_prints_columns_only() {
    Parent p = new Parent("p");
    Child c = new Child("c");
    c.parent.set(p);

    assertThat(c).hasToString("Child(id=null, name=c, parentId=null)");
    assertThat(p).hasToString("Parent(id=null, name=p)");
    assertThat(p.children).hasToString("[Child(id=null, name=c, parentId=null)]");
    assertThat(c.parent).hasToString("Parent(id=null, name=p)");
    assertThat(new Parent("q").children).hasToString("[]");
    assertThat(new Child("d").parent).hasToString("null");

    c.id = 7;
    p.id = 3;
    assertThat(c).hasToString("Child(id=7, name=c, parentId=null)"); // the FK is set at flush
    c.parentId = 3;
    assertThat(p.children).hasToString("[Child(id=7, name=c, parentId=3)]");
  }

  /** {@code isPresent} follows the reference through every change, from either side. */
  @Test
  void is_present_follows_the_reference() {
    Parent p = new Parent("p");
    Child c = new Child("c");
    assertThat(c.parent.isPresent()).isFalse();
    c.parent.set(p);
    assertThat(c.parent.isPresent()).isTrue();
    p.children.clear();
    assertThat(c.parent.isPresent()).isFalse();
    p.children.add(c);
    assertThat(c.parent.isPresent()).isTrue();
    c.parent.set(null);
    assertThat(c.parent.isPresent()).isFalse();
  }

  /** An unknown relationship name fails with a "did you mean" and the names that exist. */
  @Test
  void related_with_an_unknown_name_suggests_the_close_one() {
    Parent p = new Parent("p");
    assertThatThrownBy(() -> p.related("childen"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Parent has no relationship 'childen'")
        .hasMessageContaining("Did you mean 'children'?")
        .hasMessageContaining("children");
    assertThatThrownBy(() -> new BackrefOnChild.Parent("p").related("chlidren"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Did you mean 'children'?");
    assertThatThrownBy(() -> p.related("name")) // a column, not a relationship
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no relationship 'name'");
    assertThatThrownBy(() -> p.related("zzzzzzzz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("Did you mean");
  }

  /** Removing during a for-each over a copy is the safe pattern; the set type is irrelevant. */
  @Test
  void remove_all_accepts_any_collection() {
    List<Child> cs = children(4);
    Parent p = parentWith(cs);
    assertThat(p.children.removeAll(Set.of(cs.get(0), cs.get(3)))).isTrue();
    assertThat(p.children.removeAll(new ArrayList<>(p.children))).isTrue();
    assertThat(p.children).isEmpty();
    assertThat(cs).allMatch(c -> c.parent.get() == null);
  }
}
