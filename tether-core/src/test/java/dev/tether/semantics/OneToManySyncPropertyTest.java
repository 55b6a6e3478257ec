package dev.tether.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tether.Many;
import dev.tether.Model;
import dev.tether.fixtures.OneToManyWiring;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * State-machine test of one-to-many sync: random sequences of every kind of write, on either side,
 * over 3 parents and 5 children, checked after every step against a deliberately plain model (a map
 * child → parent and an ordered list per parent). Run for each bidirectional wiring.
 *
 * <p>The invariants: {@code c.parent == p} exactly when {@code p.children} contains {@code c}; a
 * child is in at most one parent's collection; no collection holds an element twice; each
 * collection's order (by iteration, by index and by {@code indexOf}) is the model's.
 */
class OneToManySyncPropertyTest {
  private static final int PARENTS = 3;
  private static final int CHILDREN = 5;

  @Property(tries = 700)
  void back_populates_stays_in_sync(@ForAll("backPopulates") ActionChain<World> chain) {
    chain.withInvariant("in sync", World::check).run();
  }

  @Property(tries = 700)
  void backref_on_child_stays_in_sync(@ForAll("backrefOnChild") ActionChain<World> chain) {
    chain.withInvariant("in sync", World::check).run();
  }

  @Property(tries = 700)
  void backref_on_parent_stays_in_sync(@ForAll("backrefOnParent") ActionChain<World> chain) {
    chain.withInvariant("in sync", World::check).run();
  }

  @Provide
  Arbitrary<ActionChain<World>> backPopulates() {
    return chains(OneToManyWiring.BACK_POPULATES);
  }

  @Provide
  Arbitrary<ActionChain<World>> backrefOnChild() {
    return chains(OneToManyWiring.BACKREF_ON_CHILD);
  }

  @Provide
  Arbitrary<ActionChain<World>> backrefOnParent() {
    return chains(OneToManyWiring.BACKREF_ON_PARENT);
  }

  private static Arbitrary<ActionChain<World>> chains(OneToManyWiring wiring) {
    return ActionChain.<World>startWith(() -> new World(wiring))
        .withAction(4, action(SET_PARENT))
        .withAction(4, action(ADD))
        .withAction(2, action(ADD_AT))
        .withAction(2, action(REMOVE))
        .withAction(2, action(REMOVE_AT))
        .withAction(1, action(CLEAR))
        .withAction(2, action(SET_AT))
        .withAction(1, action(ITERATOR_REMOVE))
        .withAction(1, action(REMOVE_IF))
        .withAction(1, action(RETAIN_ALL))
        .withAction(1, action(SUB_LIST_CLEAR))
        .withAction(2, action(SWAP))
        .withAction(1, action(ADD_ALL_AT))
        .withAction(1, action(LIST_ITERATOR_ADD))
        .withAction(1, action(REVERSE))
        .withAction(1, action(SORT))
        .withMaxTransformations(40);
  }

  private static Action.Independent<World> action(Arbitrary<Transformer<World>> transformers) {
    return () -> transformers;
  }

  // ---- the actions: each one does the write on the objects and the same change on the model --

  private static Arbitrary<Integer> parent() {
    return Arbitraries.integers().between(0, PARENTS - 1);
  }

  private static Arbitrary<Integer> child() {
    return Arbitraries.integers().between(0, CHILDREN - 1);
  }

  /** A number that the action maps onto the valid range at run time (an index, a position). */
  private static Arbitrary<Integer> seed() {
    return Arbitraries.integers().between(0, 99);
  }

  /** A subset of the children, one bit each. */
  private static Arbitrary<Integer> mask() {
    return Arbitraries.integers().between(0, (1 << CHILDREN) - 1);
  }

  private static Transformer<World> step(String description, java.util.function.Consumer<World> f) {
    return Transformer.mutate(description, f);
  }

  private static final Arbitrary<Transformer<World>> SET_PARENT =
      Combinators.combine(child(), Arbitraries.integers().between(-1, PARENTS - 1))
          .as(
              (c, p) ->
                  step(
                      "c" + c + ".parent.set(" + (p < 0 ? "null" : "p" + p) + ")",
                      w -> w.setParent(c, p)));

  private static final Arbitrary<Transformer<World>> ADD =
      Combinators.combine(parent(), child())
          .as((p, c) -> step("p" + p + ".children.add(c" + c + ")", w -> w.add(p, c)));

  private static final Arbitrary<Transformer<World>> ADD_AT =
      Combinators.combine(parent(), seed(), child())
          .as(
              (p, i, c) ->
                  step(
                      "p" + p + ".children.add(" + i + " % (size+1), c" + c + ")",
                      w -> w.addAt(p, i, c)));

  private static final Arbitrary<Transformer<World>> REMOVE =
      Combinators.combine(parent(), child())
          .as((p, c) -> step("p" + p + ".children.remove(c" + c + ")", w -> w.remove(p, c)));

  private static final Arbitrary<Transformer<World>> REMOVE_AT =
      Combinators.combine(parent(), seed())
          .as(
              (p, i) ->
                  step("p" + p + ".children.remove(" + i + " % size)", w -> w.removeAt(p, i)));

  private static final Arbitrary<Transformer<World>> CLEAR =
      parent().map(p -> step("p" + p + ".children.clear()", w -> w.clear(p)));

  private static final Arbitrary<Transformer<World>> SET_AT =
      Combinators.combine(parent(), seed(), child())
          .as(
              (p, i, c) ->
                  step(
                      "p" + p + ".children.set(" + i + " % size, c" + c + ")",
                      w -> w.setAt(p, i, c)));

  private static final Arbitrary<Transformer<World>> ITERATOR_REMOVE =
      Combinators.combine(parent(), mask())
          .as(
              (p, m) ->
                  step(
                      "iterator over p" + p + ".children removing positions " + bits(m),
                      w -> w.iteratorRemove(p, m)));

  private static final Arbitrary<Transformer<World>> REMOVE_IF =
      Combinators.combine(parent(), mask())
          .as(
              (p, m) ->
                  step(
                      "p" + p + ".children.removeIf(c in " + bits(m) + ")", w -> w.removeIf(p, m)));

  private static final Arbitrary<Transformer<World>> RETAIN_ALL =
      Combinators.combine(parent(), mask())
          .as(
              (p, m) ->
                  step(
                      "p" + p + ".children.retainAll(c in " + bits(m) + ")",
                      w -> w.retainAll(p, m)));

  private static final Arbitrary<Transformer<World>> SUB_LIST_CLEAR =
      Combinators.combine(parent(), seed(), seed())
          .as(
              (p, a, b) ->
                  step(
                      "p" + p + ".children.subList(" + a + ", +" + b + ").clear()",
                      w -> w.subListClear(p, a, b)));

  private static final Arbitrary<Transformer<World>> SWAP =
      Combinators.combine(parent(), seed(), seed())
          .as(
              (p, i, j) ->
                  step(
                      "Collections.swap(p" + p + ".children, " + i + ", " + j + ")",
                      w -> w.swap(p, i, j)));

  private static final Arbitrary<Transformer<World>> ADD_ALL_AT =
      Combinators.combine(parent(), seed(), child().list().ofMaxSize(4))
          .as(
              (p, i, cs) ->
                  step(
                      "p" + p + ".children.addAll(" + i + " % (size+1), c" + cs + ")",
                      w -> w.addAllAt(p, i, cs)));

  private static final Arbitrary<Transformer<World>> LIST_ITERATOR_ADD =
      Combinators.combine(parent(), seed(), child())
          .as(
              (p, n, c) ->
                  step(
                      "p" + p + ".children.listIterator(): " + n + " x next(), add(c" + c + ")",
                      w -> w.listIteratorAdd(p, n, c)));

  private static final Arbitrary<Transformer<World>> REVERSE =
      parent().map(p -> step("Collections.reverse(p" + p + ".children)", w -> w.reverse(p)));

  private static final Arbitrary<Transformer<World>> SORT =
      parent().map(p -> step("p" + p + ".children.sort(by name)", w -> w.sort(p)));

  private static List<Integer> bits(int mask) {
    List<Integer> on = new ArrayList<>();
    for (int i = 0; i < CHILDREN; i++) {
      if ((mask & (1 << i)) != 0) {
        on.add(i);
      }
    }
    return on;
  }

  // ---- the world: real objects and the model -------------------------------------------------

  /** The objects under test and the model they must agree with. */
  static final class World {
    private final OneToManyWiring wiring;
    private final List<Model> parents = new ArrayList<>();
    private final List<Model> children = new ArrayList<>();
    private final Map<Model, Model> parentOf = new IdentityHashMap<>();
    private final Map<Model, List<Model>> order = new IdentityHashMap<>();

    World(OneToManyWiring wiring) {
      this.wiring = wiring;
      wiring.registry();
      for (int i = 0; i < PARENTS; i++) {
        Model p = wiring.newParent("p" + i);
        parents.add(p);
        order.put(p, new ArrayList<>());
      }
      for (int i = 0; i < CHILDREN; i++) {
        children.add(wiring.newChild("c" + i));
      }
    }

    private Many<Model> kids(int p) {
      return wiring.children(parents.get(p));
    }

    private List<Model> expected(int p) {
      return order.get(parents.get(p));
    }

    // -- model operations

    /** The child leaves its parent's list in the model, if it has a parent. */
    private void detach(Model c) {
      Model old = parentOf.remove(c);
      if (old != null) {
        order.get(old).remove(c);
      }
    }

    /** The child joins p's list at {@code index} in the model (it is not in that list). */
    private void attach(Model c, int p, int index) {
      detach(c);
      parentOf.put(c, parents.get(p));
      expected(p).add(index, c);
    }

    private void removeFromModel(int p, java.util.function.Predicate<Model> which) {
      for (Iterator<Model> it = expected(p).iterator(); it.hasNext(); ) {
        Model c = it.next();
        if (which.test(c)) {
          it.remove();
          parentOf.remove(c);
        }
      }
    }

    // -- actions

    void setParent(int c, int p) {
      Model child = children.get(c);
      Model target = p < 0 ? null : parents.get(p);
      wiring.parent(child).set(target);
      if (parentOf.get(child) != target) {
        detach(child);
        if (target != null) {
          attach(child, p, expected(p).size());
        }
      }
    }

    void add(int p, int c) {
      Model child = children.get(c);
      boolean changed = kids(p).add(child);
      boolean present = expected(p).contains(child);
      assertThat(changed).as("add returns whether it changed the list").isEqualTo(!present);
      if (!present) {
        attach(child, p, expected(p).size());
      }
    }

    void addAt(int p, int seed, int c) {
      Model child = children.get(c);
      int index = seed % (expected(p).size() + 1);
      kids(p).add(index, child);
      if (!expected(p).contains(child)) {
        attach(child, p, index);
      }
    }

    void remove(int p, int c) {
      Model child = children.get(c);
      boolean changed = kids(p).remove(child);
      boolean present = expected(p).contains(child);
      assertThat(changed).as("remove returns whether it changed the list").isEqualTo(present);
      if (present) {
        detach(child);
      }
    }

    void removeAt(int p, int seed) {
      if (expected(p).isEmpty()) {
        return;
      }
      int index = seed % expected(p).size();
      Model removed = kids(p).remove(index);
      assertThat(removed).isSameAs(expected(p).get(index));
      detach(removed);
    }

    void clear(int p) {
      kids(p).clear();
      removeFromModel(p, c -> true);
    }

    void setAt(int p, int seed, int c) {
      if (expected(p).isEmpty()) {
        return;
      }
      Model child = children.get(c);
      int index = seed % expected(p).size();
      Model old = kids(p).set(index, child);
      List<Model> list = expected(p);
      assertThat(old).isSameAs(list.get(index));
      int at = list.indexOf(child);
      if (at == index) {
        return;
      }
      if (at >= 0) {
        Collections.swap(list, index, at); // an ordered set swaps (DESIGN §2.1)
        return;
      }
      parentOf.remove(old);
      detach(child);
      list.set(index, child);
      parentOf.put(child, parents.get(p));
    }

    void iteratorRemove(int p, int mask) {
      Set<Model> doomed = Collections.newSetFromMap(new IdentityHashMap<>());
      List<Model> list = expected(p);
      for (int i = 0; i < list.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          doomed.add(list.get(i));
        }
      }
      int i = 0;
      for (Iterator<Model> it = kids(p).iterator(); it.hasNext(); i++) {
        it.next();
        if ((mask & (1 << i)) != 0) {
          it.remove();
        }
      }
      removeFromModel(p, doomed::contains);
    }

    private Set<Model> chosen(int mask) {
      Set<Model> set = Collections.newSetFromMap(new IdentityHashMap<>());
      for (int i : bits(mask)) {
        set.add(children.get(i));
      }
      return set;
    }

    void removeIf(int p, int mask) {
      Set<Model> doomed = chosen(mask);
      boolean changed = kids(p).removeIf(doomed::contains);
      assertThat(changed).isEqualTo(expected(p).stream().anyMatch(doomed::contains));
      removeFromModel(p, doomed::contains);
    }

    void retainAll(int p, int mask) {
      Set<Model> kept = chosen(mask);
      kids(p).retainAll(new ArrayList<>(kept));
      removeFromModel(p, c -> !kept.contains(c));
    }

    void subListClear(int p, int seedA, int seedB) {
      int size = expected(p).size();
      int from = seedA % (size + 1);
      int to = from + seedB % (size - from + 1);
      kids(p).subList(from, to).clear();
      List<Model> range = new ArrayList<>(expected(p).subList(from, to));
      removeFromModel(p, c -> range.stream().anyMatch(r -> r == c));
    }

    void swap(int p, int seedI, int seedJ) {
      int size = expected(p).size();
      if (size == 0) {
        return;
      }
      Collections.swap(kids(p), seedI % size, seedJ % size);
      Collections.swap(expected(p), seedI % size, seedJ % size);
    }

    void addAllAt(int p, int seed, List<Integer> cs) {
      List<Model> xs = new ArrayList<>();
      cs.forEach(c -> xs.add(children.get(c)));
      int index = seed % (expected(p).size() + 1);
      kids(p).addAll(index, xs);
      int at = index;
      for (Model x : xs) {
        if (!expected(p).contains(x)) {
          attach(x, p, at++);
        }
      }
    }

    void listIteratorAdd(int p, int steps, int c) {
      Model child = children.get(c);
      int position = Math.min(steps, expected(p).size());
      ListIterator<Model> it = kids(p).listIterator();
      for (int i = 0; i < position; i++) {
        it.next();
      }
      it.add(child);
      boolean present = expected(p).contains(child);
      assertThat(it.nextIndex()).isEqualTo(present ? position : position + 1);
      if (!present) {
        attach(child, p, position);
      }
    }

    void reverse(int p) {
      Collections.reverse(kids(p));
      Collections.reverse(expected(p));
    }

    void sort(int p) {
      Comparator<Model> byName = Comparator.comparing(Model::toString);
      kids(p).sort(byName);
      expected(p).sort(byName);
    }

    // -- the invariants

    /**
     * The invariants, with plain comparisons (this runs after every step of every chain); AssertJ
     * only builds its detailed message once something is wrong.
     */
    void check() {
      for (int p = 0; p < PARENTS; p++) {
        Many<Model> kids = kids(p);
        List<Model> expected = expected(p);
        if (!sameOrder(kids, expected)) {
          assertThat(kids).as("order of p%d.children", p).containsExactlyElementsOf(expected);
          fail("p%d.children: get(i) or indexOf disagree with iteration, expected %s", p, expected);
        }
        Set<Model> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(kids);
        assertThat(distinct.size()).as("p%d.children has no duplicates", p).isEqualTo(kids.size());
      }
      for (Model c : children) {
        Model parent = wiring.parent(c).get();
        if (parent != parentOf.get(c)) {
          assertThat(parent).as("%s.parent", c).isSameAs(parentOf.get(c));
        }
        int holders = 0;
        for (Model p : parents) {
          boolean contains = wiring.children(p).contains(c);
          if (contains != (parent == p)) {
            assertThat(contains).as("%s.parent == %s iff it is in its children", c, p).isFalse();
          }
          holders += contains ? 1 : 0;
        }
        assertThat(holders).as("collections holding %s", c).isLessThanOrEqualTo(1);
      }
    }

    /** Iteration, {@code get(i)} and {@code indexOf} all give the model's order. */
    private static boolean sameOrder(Many<Model> kids, List<Model> expected) {
      if (kids.size() != expected.size()) {
        return false;
      }
      Iterator<Model> it = kids.iterator();
      for (int i = 0; i < expected.size(); i++) {
        Model e = expected.get(i);
        if (it.next() != e || kids.get(i) != e || kids.indexOf(e) != i) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return wiring + " " + order.values();
    }
  }
}
