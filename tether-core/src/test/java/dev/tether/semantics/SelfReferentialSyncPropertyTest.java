package dev.tether.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Many;
import dev.tether.Model;
import dev.tether.fixtures.NodeWiring;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;

/**
 * State-machine test of a self-referential adjacency list: random sequences of {@code
 * n.parent.set(...)} and every {@code List} write on any node's {@code children}, over 5 nodes of
 * one table (self-parenting and cycles included), checked after every step against a plain model,
 * on each wiring of {@link NodeWiring}.
 *
 * <p>The invariants: {@code n.parent == p} exactly when {@code p.children} contains {@code n};
 * every node is in at most one children list; no list holds a node twice; each list's order is the
 * model's.
 */
class SelfReferentialSyncPropertyTest {
  private static final int NODES = 5;

  @Property(tries = 250)
  void back_populates_stays_in_sync(@ForAll("backPopulates") ActionChain<World> chain) {
    chain.withInvariant("in sync", World::check).run();
  }

  @Property(tries = 250)
  void backref_stays_in_sync(@ForAll("backref") ActionChain<World> chain) {
    chain.withInvariant("in sync", World::check).run();
  }

  @Provide
  Arbitrary<ActionChain<World>> backPopulates() {
    return chains(NodeWiring.BACK_POPULATES);
  }

  @Provide
  Arbitrary<ActionChain<World>> backref() {
    return chains(NodeWiring.BACKREF);
  }

  private static Arbitrary<ActionChain<World>> chains(NodeWiring wiring) {
    CollectionWorld.Names names =
        new CollectionWorld.Names() {
          @Override
          public String collection(int k) {
            return "n" + k + ".children";
          }

          @Override
          public String candidate(int k, int seed) {
            return "n" + seed % NODES;
          }
        };
    Arbitrary<Integer> node = Arbitraries.integers().between(0, NODES - 1);
    Arbitrary<Integer> parentOrNull = Arbitraries.integers().between(-1, NODES - 1);
    return CollectionWorld.listWrites(ActionChain.startWith(() -> new World(wiring)), NODES, names)
        .withAction(
            4,
            CollectionWorld.action(
                Combinators.combine(node, parentOrNull)
                    .as(
                        (n, p) ->
                            CollectionWorld.<World>step(
                                "n" + n + ".parent.set(" + (p < 0 ? "null" : "n" + p) + ")",
                                w -> w.setParent(n, p)))))
        .withMaxTransformations(40);
  }

  /** The nodes, and the model: a children list per node and a map node → parent. */
  static final class World extends CollectionWorld {
    private final NodeWiring wiring;
    private final List<Model> nodes = new ArrayList<>();
    private final List<List<Model>> order = new ArrayList<>();
    private final Map<Model, Model> parentOf = new IdentityHashMap<>();

    World(NodeWiring wiring) {
      this.wiring = wiring;
      wiring.registry();
      for (int i = 0; i < NODES; i++) {
        nodes.add(wiring.newNode("n" + i));
        order.add(new ArrayList<>());
      }
    }

    @Override
    int collections() {
      return NODES;
    }

    @Override
    Many<Model> real(int k) {
      return wiring.children(nodes.get(k));
    }

    @Override
    List<Model> candidates(int k) {
      return nodes;
    }

    @Override
    List<Model> expected(int k) {
      return order.get(k);
    }

    /** {@code x} joined node k's children: it leaves its previous parent's list. */
    @Override
    void joined(int k, Model x) {
      Model old = parentOf.put(x, nodes.get(k));
      if (old != null) {
        assertThat(old).as("model: %s was not in this list", x).isNotSameAs(nodes.get(k));
        order.get(nodes.indexOf(old)).remove(x);
      }
    }

    @Override
    void left(int k, Model x) {
      parentOf.remove(x);
    }

    void setParent(int n, int p) {
      Model node = nodes.get(n);
      Model target = p < 0 ? null : nodes.get(p);
      wiring.parent(node).set(target);
      Model old = parentOf.get(node);
      if (old != target) {
        if (old != null) {
          order.get(nodes.indexOf(old)).remove(node);
          parentOf.remove(node);
        }
        if (target != null) {
          order.get(p).add(node);
          parentOf.put(node, target);
        }
      }
    }

    @Override
    String describe(int k) {
      return "n" + k + ".children";
    }

    @Override
    void check() {
      super.check();
      for (Model n : nodes) {
        Model parent = wiring.parent(n).get();
        assertThat(parent).as("%s.parent", n).isSameAs(parentOf.get(n));
        int holders = 0;
        for (Model p : nodes) {
          boolean contains = wiring.children(p).contains(n);
          assertThat(contains)
              .as("%s.parent == %s iff it is in its children", n, p)
              .isEqualTo(parent == p);
          holders += contains ? 1 : 0;
        }
        assertThat(holders).as("children lists holding %s", n).isLessThanOrEqualTo(1);
      }
    }

    @Override
    public String toString() {
      return wiring + " " + order;
    }
  }
}
