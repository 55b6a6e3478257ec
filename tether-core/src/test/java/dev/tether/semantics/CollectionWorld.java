package dev.tether.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Many;
import dev.tether.Model;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Set;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;

/**
 * The state of a state-machine test over several {@code Many} collections (of one or both sides of
 * a relationship): the real objects, and a deliberately plain model of them — an ordered list per
 * collection. Every {@code List} write is applied to both; what the write does to the
 * <em>other</em> side is the subclass's business ({@link #joined}, {@link #left}), since it differs
 * between a one-to-many (the element leaves its previous owner) and a many-to-many (nothing moves).
 *
 * <p>{@link #listWrites} adds every List write to a chain; {@link #check()} compares each
 * collection with its model (order by iteration, by index and by {@code indexOf}; no duplicates).
 */
abstract class CollectionWorld {
  /** How many elements a mask can choose from; collections have at most this many candidates. */
  static final int MASK_BITS = 6;

  /** The number of collections under test. */
  abstract int collections();

  /** Collection {@code k}, the real one. */
  abstract Many<Model> real(int k);

  /** The objects that may be put into collection {@code k}. */
  abstract List<Model> candidates(int k);

  /** The model of collection {@code k}: what it must hold, in order. */
  abstract List<Model> expected(int k);

  /** {@code x} has just entered collection {@code k}: update the model of the other side. */
  abstract void joined(int k, Model x);

  /** {@code x} has just left collection {@code k}: update the model of the other side. */
  abstract void left(int k, Model x);

  /** A short name of collection {@code k} for failure messages, e.g. {@code a0.tags}. */
  abstract String describe(int k);

  private Model candidate(int k, int seed) {
    List<Model> cs = candidates(k);
    return cs.get(seed % cs.size());
  }

  // ---- the writes: each does the call on the real collection and the same change on the model --

  void add(int k, int seed) {
    Model x = candidate(k, seed);
    boolean present = expected(k).contains(x);
    assertThat(real(k).add(x)).as("add returns whether it changed the list").isEqualTo(!present);
    if (!present) {
      expected(k).add(x);
      joined(k, x);
    }
  }

  void addAt(int k, int seedIndex, int seed) {
    Model x = candidate(k, seed);
    int index = seedIndex % (expected(k).size() + 1);
    real(k).add(index, x);
    if (!expected(k).contains(x)) {
      expected(k).add(index, x);
      joined(k, x);
    }
  }

  void remove(int k, int seed) {
    Model x = candidate(k, seed);
    boolean present = expected(k).contains(x);
    assertThat(real(k).remove(x))
        .as("remove returns whether it changed the list")
        .isEqualTo(present);
    if (present) {
      expected(k).remove(x);
      left(k, x);
    }
  }

  void removeAt(int k, int seedIndex) {
    if (expected(k).isEmpty()) {
      return;
    }
    int index = seedIndex % expected(k).size();
    Model removed = real(k).remove(index);
    assertThat(removed).isSameAs(expected(k).get(index));
    expected(k).remove(index);
    left(k, removed);
  }

  void clear(int k) {
    real(k).clear();
    removeFromModel(k, x -> true);
  }

  void setAt(int k, int seedIndex, int seed) {
    if (expected(k).isEmpty()) {
      return;
    }
    Model x = candidate(k, seed);
    List<Model> list = expected(k);
    int index = seedIndex % list.size();
    Model old = real(k).set(index, x);
    assertThat(old).isSameAs(list.get(index));
    int at = list.indexOf(x);
    if (at == index) {
      return;
    }
    if (at >= 0) {
      Collections.swap(list, index, at); // an ordered set swaps (DESIGN §2.1)
      return;
    }
    list.set(index, x);
    left(k, old);
    joined(k, x);
  }

  void iteratorRemove(int k, int mask) {
    List<Model> list = expected(k);
    Set<Model> doomed = identitySet();
    for (int i = 0; i < list.size(); i++) {
      if ((mask & (1 << i)) != 0) {
        doomed.add(list.get(i));
      }
    }
    int i = 0;
    for (Iterator<Model> it = real(k).iterator(); it.hasNext(); i++) {
      it.next();
      if ((mask & (1 << i)) != 0) {
        it.remove();
      }
    }
    removeFromModel(k, doomed::contains);
  }

  void removeIf(int k, int mask) {
    Set<Model> doomed = chosen(k, mask);
    boolean changed = real(k).removeIf(doomed::contains);
    assertThat(changed).isEqualTo(expected(k).stream().anyMatch(doomed::contains));
    removeFromModel(k, doomed::contains);
  }

  void retainAll(int k, int mask) {
    Set<Model> kept = chosen(k, mask);
    real(k).retainAll(new ArrayList<>(kept));
    removeFromModel(k, x -> !kept.contains(x));
  }

  void subListClear(int k, int seedA, int seedB) {
    int size = expected(k).size();
    int from = seedA % (size + 1);
    int to = from + seedB % (size - from + 1);
    real(k).subList(from, to).clear();
    Set<Model> range = identitySet();
    range.addAll(expected(k).subList(from, to));
    removeFromModel(k, range::contains);
  }

  void swap(int k, int seedI, int seedJ) {
    int size = expected(k).size();
    if (size == 0) {
      return;
    }
    Collections.swap(real(k), seedI % size, seedJ % size);
    Collections.swap(expected(k), seedI % size, seedJ % size);
  }

  void addAllAt(int k, int seedIndex, List<Integer> seeds) {
    List<Model> xs = new ArrayList<>();
    seeds.forEach(s -> xs.add(candidate(k, s)));
    int index = seedIndex % (expected(k).size() + 1);
    real(k).addAll(index, xs);
    int at = index;
    for (Model x : xs) {
      if (!expected(k).contains(x)) {
        expected(k).add(at++, x);
        joined(k, x);
      }
    }
  }

  void listIteratorAdd(int k, int steps, int seed) {
    Model x = candidate(k, seed);
    int position = Math.min(steps, expected(k).size());
    ListIterator<Model> it = real(k).listIterator();
    for (int i = 0; i < position; i++) {
      it.next();
    }
    it.add(x);
    boolean present = expected(k).contains(x);
    assertThat(it.nextIndex()).isEqualTo(present ? position : position + 1);
    if (!present) {
      expected(k).add(position, x);
      joined(k, x);
    }
  }

  void reverse(int k) {
    Collections.reverse(real(k));
    Collections.reverse(expected(k));
  }

  void sort(int k) {
    Comparator<Model> byName = Comparator.comparing(Model::toString);
    real(k).sort(byName);
    expected(k).sort(byName);
  }

  /** Removes the members {@code which} selects from the model of {@code k}, in order. */
  private void removeFromModel(int k, Predicate<Model> which) {
    List<Model> gone = new ArrayList<>();
    for (Iterator<Model> it = expected(k).iterator(); it.hasNext(); ) {
      Model x = it.next();
      if (which.test(x)) {
        it.remove();
        gone.add(x);
      }
    }
    gone.forEach(x -> left(k, x));
  }

  private Set<Model> chosen(int k, int mask) {
    Set<Model> set = identitySet();
    List<Model> cs = candidates(k);
    for (int i = 0; i < cs.size(); i++) {
      if ((mask & (1 << i)) != 0) {
        set.add(cs.get(i));
      }
    }
    return set;
  }

  static Set<Model> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  // ---- the invariant every collection world shares ---------------------------------------------

  /** Each collection holds exactly its model, in order, with no element twice. */
  void check() {
    for (int k = 0; k < collections(); k++) {
      Many<Model> real = real(k);
      List<Model> expected = expected(k);
      assertThat(real).as("order of %s", describe(k)).containsExactlyElementsOf(expected);
      assertThat(real).as("%s has no duplicates", describe(k)).doesNotHaveDuplicates();
      assertThat(real.size()).isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertThat(real.get(i)).as("%s.get(%d)", describe(k), i).isSameAs(expected.get(i));
        assertThat(real.indexOf(expected.get(i))).isEqualTo(i);
      }
    }
  }

  // ---- the actions, for jqwik ------------------------------------------------------------------

  /** Names for the steps jqwik prints when a chain fails, known before any world exists. */
  interface Names {
    /** Collection {@code k}, e.g. {@code a0.tags}. */
    String collection(int k);

    /** The candidate that {@code seed} picks for collection {@code k}, e.g. {@code t2}. */
    String candidate(int k, int seed);
  }

  /** Adds every List write on collections {@code 0 .. collections - 1} to {@code chain}. */
  static <W extends CollectionWorld> ActionChainArbitrary<W> listWrites(
      ActionChainArbitrary<W> chain, int collections, Names n) {
    Arbitrary<Integer> k = Arbitraries.integers().between(0, collections - 1);
    Arbitrary<Integer> seed = Arbitraries.integers().between(0, 99);
    Arbitrary<Integer> mask = Arbitraries.integers().between(0, (1 << MASK_BITS) - 1);
    return chain
        .withAction(
            4,
            action(
                Combinators.combine(k, seed)
                    .as(
                        (c, s) ->
                            step(
                                n.collection(c) + ".add(" + n.candidate(c, s) + ")",
                                w -> w.add(c, s)))))
        .withAction(
            2,
            action(
                Combinators.combine(k, seed, seed)
                    .as(
                        (c, i, s) ->
                            step(
                                n.collection(c)
                                    + ".add("
                                    + i
                                    + " % (size+1), "
                                    + n.candidate(c, s)
                                    + ")",
                                w -> w.addAt(c, i, s)))))
        .withAction(
            2,
            action(
                Combinators.combine(k, seed)
                    .as(
                        (c, s) ->
                            step(
                                n.collection(c) + ".remove(" + n.candidate(c, s) + ")",
                                w -> w.remove(c, s)))))
        .withAction(
            2,
            action(
                Combinators.combine(k, seed)
                    .as(
                        (c, i) ->
                            step(
                                n.collection(c) + ".remove(" + i + " % size)",
                                w -> w.removeAt(c, i)))))
        .withAction(1, action(k.map(c -> step(n.collection(c) + ".clear()", w -> w.clear(c)))))
        .withAction(
            2,
            action(
                Combinators.combine(k, seed, seed)
                    .as(
                        (c, i, s) ->
                            step(
                                n.collection(c)
                                    + ".set("
                                    + i
                                    + " % size, "
                                    + n.candidate(c, s)
                                    + ")",
                                w -> w.setAt(c, i, s)))))
        .withAction(
            1,
            action(
                Combinators.combine(k, mask)
                    .as(
                        (c, m) ->
                            step(
                                "iterator over "
                                    + n.collection(c)
                                    + " removing positions "
                                    + bits(m),
                                w -> w.iteratorRemove(c, m)))))
        .withAction(
            1,
            action(
                Combinators.combine(k, mask)
                    .as(
                        (c, m) ->
                            step(
                                n.collection(c) + ".removeIf(candidate in " + bits(m) + ")",
                                w -> w.removeIf(c, m)))))
        .withAction(
            1,
            action(
                Combinators.combine(k, mask)
                    .as(
                        (c, m) ->
                            step(
                                n.collection(c) + ".retainAll(candidates " + bits(m) + ")",
                                w -> w.retainAll(c, m)))))
        .withAction(
            1,
            action(
                Combinators.combine(k, seed, seed)
                    .as(
                        (c, a, b) ->
                            step(
                                n.collection(c) + ".subList(" + a + ", +" + b + ").clear()",
                                w -> w.subListClear(c, a, b)))))
        .withAction(
            1,
            action(
                Combinators.combine(k, seed, seed)
                    .as(
                        (c, i, j) ->
                            step(
                                "Collections.swap(" + n.collection(c) + ", " + i + ", " + j + ")",
                                w -> w.swap(c, i, j)))))
        .withAction(
            1,
            action(
                Combinators.combine(k, seed, seed.list().ofMaxSize(4))
                    .as(
                        (c, i, ss) -> {
                          List<String> xs = new ArrayList<>();
                          ss.forEach(s -> xs.add(n.candidate(c, s)));
                          return step(
                              n.collection(c) + ".addAll(" + i + " % (size+1), " + xs + ")",
                              w -> w.addAllAt(c, i, ss));
                        })))
        .withAction(
            1,
            action(
                Combinators.combine(k, seed, seed)
                    .as(
                        (c, steps, s) ->
                            step(
                                n.collection(c)
                                    + ".listIterator(): "
                                    + steps
                                    + " x next(), add("
                                    + n.candidate(c, s)
                                    + ")",
                                w -> w.listIteratorAdd(c, steps, s)))))
        .withAction(
            1,
            action(
                k.map(
                    c -> step("Collections.reverse(" + n.collection(c) + ")", w -> w.reverse(c)))))
        .withAction(
            1, action(k.map(c -> step(n.collection(c) + ".sort(by name)", w -> w.sort(c)))));
  }

  private static List<Integer> bits(int mask) {
    List<Integer> on = new ArrayList<>();
    for (int i = 0; i < MASK_BITS; i++) {
      if ((mask & (1 << i)) != 0) {
        on.add(i);
      }
    }
    return on;
  }

  static <W> Action.Independent<W> action(Arbitrary<Transformer<W>> transformers) {
    return () -> transformers;
  }

  static <W> Transformer<W> step(String description, java.util.function.Consumer<W> f) {
    return Transformer.mutate(description, f);
  }
}
