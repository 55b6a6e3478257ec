package dev.tether.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Many;
import dev.tether.Model;
import dev.tether.fixtures.OneToManyWiring;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Set;

/**
 * S23–S29 (collection and scalar mutations of a one-to-many), replayed on each bidirectional
 * wiring: backPopulates on both sides, backref on the child, backref on the parent. The transcripts
 * were recorded with backPopulates; a backref links the two sides "exactly like back_populates"
 * (S06), so all three must agree.
 */
class OneToManyMutationTest {

  /** The objects of one transcript, on one wiring. */
  private static final class Scene {
    final OneToManyWiring w;

    Scene(OneToManyWiring w) {
      this.w = w;
      w.registry();
    }

    Model parent(String name) {
      return w.newParent(name);
    }

    Model child(String name) {
      return w.newChild(name);
    }

    List<Model> children(int n) {
      List<Model> cs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        cs.add(w.newChild("c" + i));
      }
      return cs;
    }

    Many<Model> kids(Model parent) {
      return w.children(parent);
    }

    Model parentOf(Model child) {
      return w.parent(child).get();
    }

    void setParent(Model child, Model parent) {
      w.parent(child).set(parent);
    }
  }

  // ---- S23 -------------------------------------------------------------------------------------

  /** S23: setting the scalar moves the child; re-setting the same parent changes nothing. */
  @EachBidirectionalWiring
  void s23_reassigning_the_scalar_moves_the_child(OneToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model p1 = s.parent("p1");
    Model p2 = s.parent("p2");
    Model c = s.child("c");

    s.setParent(c, p1);
    s.setParent(c, p2);
    assertThat(s.kids(p1)).isEmpty();
    assertThat(s.kids(p2)).containsExactly(c);

    s.setParent(c, p2);
    assertThat(s.kids(p2)).containsExactly(c);

    s.setParent(c, null);
    assertThat(s.kids(p2)).isEmpty();
    assertThat(s.parentOf(c)).isNull();
  }

  /**
   * S23, {@code del c.parent}: Java has no {@code del}; {@code set(null)} is its equivalent, and on
   * an unset reference it is a no-op (SQLAlchemy raises AttributeError for {@code del} there).
   */
  @EachBidirectionalWiring
  void s23_set_null_is_del_and_is_idempotent(OneToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model p1 = s.parent("p1");
    Model c = s.child("c");

    s.setParent(c, p1);
    s.setParent(c, null);
    assertThat(s.kids(p1)).isEmpty();
    assertThat(s.parentOf(c)).isNull();
    assertThat(s.w.parent(c).isPresent()).isFalse();

    s.setParent(c, null);
    assertThat(s.parentOf(c)).isNull();
    assertThat(s.kids(p1)).isEmpty();
  }

  /** S23: re-setting the current parent does not move the child to the end of the list. */
  @EachBidirectionalWiring
  void s23_resetting_the_same_parent_keeps_the_order(OneToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model p = s.parent("p");
    List<Model> cs = s.children(3);
    cs.forEach(c -> s.setParent(c, p));

    s.setParent(cs.get(0), p);
    assertThat(s.kids(p)).containsExactlyElementsOf(cs);
  }

  // ---- S24 -------------------------------------------------------------------------------------

  /**
   * S24: remove(c) clears c.parent. Removing a non-member is the Java List contract ({@code false},
   * nothing changes) where Python raises ValueError; the other parent keeps its child either way.
   */
  @EachBidirectionalWiring
  void s24_remove_clears_the_parent_and_ignores_non_members(OneToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model p = s.parent("p");
    Model p2 = s.parent("p2");
    Model c = s.child("c");
    Model x = s.child("x");
    s.setParent(x, p2);

    s.kids(p).add(c);
    assertThat(s.kids(p).remove(c)).isTrue();
    assertThat(s.parentOf(c)).isNull();
    assertThat(s.kids(p)).isEmpty();

    assertThat(s.kids(p).remove(x)).isFalse();
    assertThat(s.parentOf(x)).isSameAs(p2);
    assertThat(s.kids(p2)).containsExactly(x);
  }

  // ---- S25 -------------------------------------------------------------------------------------

  /**
   * S25 with Tether's improvement (DESIGN §2.1, collections are ordered sets): SQLAlchemy gives
   * {@code [c, c]} after two appends, and after one remove {@code [c]} with c.parent still p.
   * Tether never holds c twice, so one remove takes it out and clears the parent.
   */
  @EachBidirectionalWiring
  void s25_appending_twice_is_a_no_op(OneToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model p = s.parent("p");
    Model c = s.child("c");

    assertThat(s.kids(p).add(c)).isTrue();
    assertThat(s.kids(p).add(c)).isFalse(); // SQLAlchemy: [c, c]
    assertThat(s.kids(p)).containsExactly(c);
    assertThat(s.parentOf(c)).isSameAs(p);

    s.kids(p).remove(c);
    assertThat(s.kids(p)).isEmpty(); // SQLAlchemy: [c], c.parent still p
    assertThat(s.parentOf(c)).isNull();

    s.setParent(c, p);
    assertThat(s.kids(p)).containsExactly(c);
    s.kids(p).add(c);
    s.kids(p).add(0, c);
    s.kids(p).addAll(List.of(c, c));
    assertThat(s.kids(p)).containsExactly(c); // SQLAlchemy: [c, c] before the flush
  }

  // ---- S26 -------------------------------------------------------------------------------------

  /**
   * S26, {@code p.children = [c2, c3, c4]}: a Many is a final field, so "replacing the contents" is
   * {@code retainAll} + {@code addAll}. Dropped members lose their parent, new ones are taken from
   * their previous parent, kept ones are untouched; the old contents can be copied first.
   */
  @EachBidirectionalWiring
  void s26_replacing_the_contents_diffs_by_identity(OneToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model p = s.parent("p");
    Model q = s.parent("q");
    Model c1 = s.child("c1");
    Model c2 = s.child("c2");
    Model c3 = s.child("c3");
    Model c4 = s.child("c4");
    s.kids(p).addAll(List.of(c1, c2));
    s.kids(q).add(c4);
    List<Model> old = List.copyOf(s.kids(p));

    List<Model> replacement = List.of(c2, c3, c4);
    s.kids(p).retainAll(replacement);
    s.kids(p).addAll(replacement);

    assertThat(s.kids(p)).containsExactly(c2, c3, c4);
    assertThat(s.parentOf(c1)).isNull();
    assertThat(s.parentOf(c2)).isSameAs(p);
    assertThat(s.parentOf(c3)).isSameAs(p);
    assertThat(s.parentOf(c4)).isSameAs(p);
    assertThat(s.kids(q)).isEmpty();
    assertThat(old).containsExactly(c1, c2);

    // p.children = []
    s.kids(p).clear();
    assertThat(s.parentOf(c2)).isNull();
    assertThat(s.parentOf(c3)).isNull();
    assertThat(s.parentOf(c4)).isNull();
  }

  /** S26 the naive way, {@code clear()} then {@code addAll}: the same end state. */
  @EachBidirectionalWiring
  void s26_clear_then_add_all_reaches_the_same_state(OneToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model p = s.parent("p");
    Model q = s.parent("q");
    Model c1 = s.child("c1");
    Model c2 = s.child("c2");
    Model c3 = s.child("c3");
    Model c4 = s.child("c4");
    s.kids(p).addAll(List.of(c1, c2));
    s.kids(q).add(c4);

    s.kids(p).clear();
    s.kids(p).addAll(List.of(c2, c3, c4));

    assertThat(s.kids(p)).containsExactly(c2, c3, c4);
    assertThat(s.parentOf(c1)).isNull();
    assertThat(List.of(c2, c3, c4)).allMatch(c -> s.parentOf(c) == p);
    assertThat(s.kids(q)).isEmpty();
  }

  /** S26: "assigning the current collection to itself is a no-op", in its Java forms. */
  @EachBidirectionalWiring
  void s26_adding_or_retaining_the_collection_itself_changes_nothing(OneToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model p = s.parent("p");
    List<Model> cs = s.children(3);
    s.kids(p).addAll(cs);

    assertThat(s.kids(p).addAll(s.kids(p))).isFalse();
    assertThat(s.kids(p).retainAll(s.kids(p))).isFalse();
    assertThat(s.kids(p)).containsExactlyElementsOf(cs);
    assertThat(cs).allMatch(c -> s.parentOf(c) == p);
  }

  // ---- S27 -------------------------------------------------------------------------------------

  /**
   * S27: every removal path fires a remove per element. Python's {@code del p.children[0]} is
   * {@code remove(0)}, {@code pop()} is {@code remove(size() - 1)}, {@code del p.children[0:1]} is
   * {@code subList(0, 1).clear()}, and {@code del p.children} is {@code clear()}.
   */
  @EachBidirectionalWiring
  void s27_every_removal_path_clears_the_parent(OneToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model p = s.parent("p");
    List<Model> cs = s.children(5);
    Many<Model> kids = s.kids(p);

    kids.addAll(cs);
    assertThat(cs).allMatch(c -> s.parentOf(c) == p);

    kids.remove(0);
    assertThat(s.parentOf(cs.get(0))).isNull();

    assertThat(kids.remove(kids.size() - 1)).isSameAs(cs.get(4));
    assertThat(s.parentOf(cs.get(4))).isNull();

    kids.subList(0, 1).clear();
    assertThat(s.parentOf(cs.get(1))).isNull();

    kids.clear();
    assertThat(s.parentOf(cs.get(2))).isNull();
    assertThat(s.parentOf(cs.get(3))).isNull();
    assertThat(kids).isEmpty();

    kids.addAll(cs.subList(0, 2));
    kids.clear(); // del p.children
    assertThat(kids).isEmpty();
    assertThat(s.parentOf(cs.get(0))).isNull();
    assertThat(s.parentOf(cs.get(1))).isNull();
  }

  /** S27 continued: {@code removeIf}, {@code removeAll}, {@code retainAll}. */
  @EachBidirectionalWiring
  void s27_bulk_removals_clear_exactly_the_removed(OneToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model p = s.parent("p");
    List<Model> cs = s.children(6);
    Many<Model> kids = s.kids(p);
    kids.addAll(cs);

    assertThat(kids.removeIf(c -> c == cs.get(1) || c == cs.get(4))).isTrue();
    assertThat(kids).containsExactly(cs.get(0), cs.get(2), cs.get(3), cs.get(5));
    assertThat(s.parentOf(cs.get(1))).isNull();
    assertThat(s.parentOf(cs.get(4))).isNull();
    assertThat(kids.removeIf(c -> false)).isFalse();

    assertThat(kids.removeAll(Set.of(cs.get(0), cs.get(1)))).isTrue();
    assertThat(kids).containsExactly(cs.get(2), cs.get(3), cs.get(5));
    assertThat(s.parentOf(cs.get(0))).isNull();

    assertThat(kids.retainAll(List.of(cs.get(3), cs.get(4)))).isTrue();
    assertThat(kids).containsExactly(cs.get(3));
    assertThat(s.parentOf(cs.get(2))).isNull();
    assertThat(s.parentOf(cs.get(5))).isNull();
    assertThat(s.parentOf(cs.get(3))).isSameAs(p);
    assertThat(s.parentOf(cs.get(4))).isNull();
  }

  /** S27 continued: removal through an iterator, a list iterator and a sub-list's iterator. */
  @EachBidirectionalWiring
  void s27_iterator_removal_clears_the_parent(OneToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model p = s.parent("p");
    List<Model> cs = s.children(6);
    Many<Model> kids = s.kids(p);
    kids.addAll(cs);

    for (Iterator<Model> it = kids.iterator(); it.hasNext(); ) {
      if (it.next() == cs.get(2)) {
        it.remove();
      }
    }
    assertThat(kids).containsExactly(cs.get(0), cs.get(1), cs.get(3), cs.get(4), cs.get(5));
    assertThat(s.parentOf(cs.get(2))).isNull();

    ListIterator<Model> li = kids.listIterator(kids.size());
    assertThat(li.previous()).isSameAs(cs.get(5));
    li.remove();
    assertThat(s.parentOf(cs.get(5))).isNull();

    Iterator<Model> sub = kids.subList(1, 3).iterator();
    sub.next();
    sub.remove();
    assertThat(kids).containsExactly(cs.get(0), cs.get(3), cs.get(4));
    assertThat(s.parentOf(cs.get(1))).isNull();
    assertThat(List.of(cs.get(0), cs.get(3), cs.get(4))).allMatch(c -> s.parentOf(c) == p);
  }

  // ---- S28 -------------------------------------------------------------------------------------

  /** S28: a child is in one parent's list at a time; appending it elsewhere moves it. */
  @EachBidirectionalWiring
  void s28_appending_to_a_second_parent_moves_the_child(OneToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model p1 = s.parent("p1");
    Model p2 = s.parent("p2");
    Model c = s.child("c");

    s.kids(p1).add(c);
    s.kids(p2).add(c);
    assertThat(s.kids(p1)).isEmpty();
    assertThat(s.kids(p2)).containsExactly(c);
    assertThat(s.parentOf(c)).isSameAs(p2);

    // p3.children = [c]
    Model p3 = s.parent("p3");
    s.kids(p3).clear();
    s.kids(p3).addAll(List.of(c));
    assertThat(s.kids(p2)).isEmpty();
    assertThat(s.kids(p3)).containsExactly(c);
    assertThat(s.parentOf(c)).isSameAs(p3);
  }

  /** S28 for every way into a list: add(i, x), set(i, x), addAll(i, xs), listIterator.add. */
  @EachBidirectionalWiring
  void s28_every_insertion_path_takes_the_child_from_its_parent(OneToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model from = s.parent("from");
    Model to = s.parent("to");
    List<Model> cs = s.children(6);
    s.kids(from).addAll(cs.subList(0, 5));
    s.kids(to).add(cs.get(5));
    Many<Model> kids = s.kids(to);

    kids.add(0, cs.get(0));
    kids.set(1, cs.get(1)); // replaces c5, which loses its parent
    kids.addAll(1, List.of(cs.get(2), cs.get(3)));
    ListIterator<Model> li = kids.listIterator(kids.size());
    li.add(cs.get(4));

    assertThat(kids).containsExactly(cs.get(0), cs.get(2), cs.get(3), cs.get(1), cs.get(4));
    assertThat(s.kids(from)).isEmpty();
    assertThat(cs.subList(0, 5)).allMatch(c -> s.parentOf(c) == to);
    assertThat(s.parentOf(cs.get(5))).isNull();
  }

  /**
   * S28 in bulk: {@code p.children.addAll(q.children)} moves all of q's children, although each one
   * leaves q while q's list is being read (the argument is copied first, so no
   * ConcurrentModificationException and nobody is skipped).
   */
  @EachBidirectionalWiring
  void s28_add_all_of_another_parents_children_moves_them_all(OneToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model p = s.parent("p");
    Model q = s.parent("q");
    List<Model> cs = s.children(4);
    s.kids(p).add(cs.get(0));
    s.kids(q).addAll(cs.subList(1, 4));

    assertThat(s.kids(p).addAll(s.kids(q))).isTrue();
    assertThat(s.kids(q)).isEmpty();
    assertThat(s.kids(p)).containsExactlyElementsOf(cs);
    assertThat(cs).allMatch(c -> s.parentOf(c) == p);

    s.kids(q).addAll(0, s.kids(p).subList(2, 4));
    assertThat(s.kids(q)).containsExactly(cs.get(2), cs.get(3));
    assertThat(s.kids(p)).containsExactly(cs.get(0), cs.get(1));
  }

  // ---- S29 -------------------------------------------------------------------------------------

  /**
   * S29: extend, insert, slice assignment, item assignment, {@code +=}, self-assignment, reverse.
   * Python's {@code p.children[0:2] = [c4]} is {@code subList(0, 2).clear(); add(0, c4)}.
   */
  @EachBidirectionalWiring
  void s29_list_operations_sync_every_element_in_and_out(OneToManyWiring wiring) {
    Scene s = new Scene(wiring);
    Model p = s.parent("p");
    Model c1 = s.child("c1");
    Model c2 = s.child("c2");
    Model c3 = s.child("c3");
    Model c4 = s.child("c4");
    Model c5 = s.child("c5");
    Model c6 = s.child("c6");
    Many<Model> kids = s.kids(p);

    kids.addAll(List.of(c1, c2));
    kids.add(0, c3);
    assertThat(kids).containsExactly(c3, c1, c2);

    kids.subList(0, 2).clear();
    kids.add(0, c4);
    assertThat(kids).containsExactly(c4, c2);
    assertThat(s.parentOf(c3)).isNull();
    assertThat(s.parentOf(c1)).isNull();
    assertThat(s.parentOf(c4)).isSameAs(p);

    assertThat(kids.set(0, c5)).isSameAs(c4);
    assertThat(kids).containsExactly(c5, c2);
    assertThat(s.parentOf(c4)).isNull();
    assertThat(s.parentOf(c5)).isSameAs(p);

    kids.addAll(List.of(c6));
    assertThat(kids).containsExactly(c5, c2, c6);
    assertThat(s.parentOf(c6)).isSameAs(p);

    assertThat(kids.set(0, kids.get(0))).isSameAs(c5);
    assertThat(kids).containsExactly(c5, c2, c6);
    assertThat(s.parentOf(c5)).isSameAs(p);

    Collections.reverse(kids);
    assertThat(kids).containsExactly(c6, c2, c5);
    assertThat(List.of(c2, c5, c6)).allMatch(c -> s.parentOf(c) == p);
  }
}
