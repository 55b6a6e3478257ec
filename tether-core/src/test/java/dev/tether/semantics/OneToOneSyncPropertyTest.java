package dev.tether.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Column;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Registry;
import dev.tether.Relationship;
import dev.tether.Table;
import dev.tether.fixtures.OneToOneWiring;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
 * State-machine test of one-to-one sync with Tether's improvement 4 (setting either side displaces
 * both old partners): random sequences of {@code c.parent.set(...)} and {@code p.child.set(...)},
 * over 3 parents and 3 children, checked after every step against a plain model (a partial
 * matching). Run on both wirings of {@link OneToOneWiring}, and on a self-referential one-to-one (a
 * backref over a unique key of a table that references itself), where every link is both a parent
 * and a child.
 *
 * <p>The invariants: {@code p.child == c} exactly when {@code c.parent == p}; no two children point
 * at one parent; no two parents hold one child.
 */
class OneToOneSyncPropertyTest {
  private static final int PARENTS = 3;
  private static final int CHILDREN = 3;

  @Property(tries = 1000)
  void back_populates_stays_one_to_one(@ForAll("backPopulates") ActionChain<World> chain) {
    chain.withInvariant("one-to-one", World::check).run();
  }

  @Property(tries = 1000)
  void backref_stays_one_to_one(@ForAll("backref") ActionChain<World> chain) {
    chain.withInvariant("one-to-one", World::check).run();
  }

  @Property(tries = 1000)
  void self_referential_backref_stays_one_to_one(
      @ForAll("selfReferential") ActionChain<World> chain) {
    chain.withInvariant("one-to-one", World::check).run();
  }

  @Provide
  Arbitrary<ActionChain<World>> backPopulates() {
    return chains(() -> World.of(OneToOneWiring.BACK_POPULATES));
  }

  @Provide
  Arbitrary<ActionChain<World>> backref() {
    return chains(() -> World.of(OneToOneWiring.BACKREF));
  }

  @Provide
  Arbitrary<ActionChain<World>> selfReferential() {
    return chains(World::chain);
  }

  /**
   * A chain of links, {@code next} holding a unique key to the same table; the backref {@code
   * previous} is its one-to-one reverse. As a one-to-one, {@code next} is the child's {@code
   * parent} and {@code previous} the parent's {@code child}.
   */
  @Table("o2o_prop_link")
  public static class Link extends Model {
    @Id public Integer id;
    public String name;

    @ForeignKey("o2o_prop_link.id")
    @Column(unique = true)
    public Integer nextId;

    @Relationship(backref = "previous")
    public final One<Link> next = one();

    /** For Tether. */
    public Link() {}

    Link(String name) {
      this.name = name;
    }
  }

  private static Arbitrary<ActionChain<World>> chains(java.util.function.Supplier<World> start) {
    Arbitrary<Integer> parent = Arbitraries.integers().between(0, PARENTS - 1);
    Arbitrary<Integer> child = Arbitraries.integers().between(0, CHILDREN - 1);
    Arbitrary<Integer> parentOrNull = Arbitraries.integers().between(-1, PARENTS - 1);
    Arbitrary<Integer> childOrNull = Arbitraries.integers().between(-1, CHILDREN - 1);
    return ActionChain.startWith(start)
        .withAction(
            1,
            action(
                Combinators.combine(child, parentOrNull)
                    .as(
                        (c, p) ->
                            step(
                                "c" + c + ".parent.set(" + (p < 0 ? "null" : "p" + p) + ")",
                                w -> w.setParent(c, p)))))
        .withAction(
            1,
            action(
                Combinators.combine(parent, childOrNull)
                    .as(
                        (p, c) ->
                            step(
                                "p" + p + ".child.set(" + (c < 0 ? "null" : "c" + c) + ")",
                                w -> w.setChild(p, c)))))
        .withMaxTransformations(30);
  }

  private static Action.Independent<World> action(Arbitrary<Transformer<World>> transformers) {
    return () -> transformers;
  }

  private static Transformer<World> step(String description, Consumer<World> f) {
    return Transformer.mutate(description, f);
  }

  /** How one wiring reaches the two sides. */
  interface Sides {
    One<Model> parent(Model child);

    One<Model> child(Model parent);
  }

  /** Parents and children (the same objects when self-referential), and the model matching. */
  static final class World {
    private final String label;
    private final Sides sides;
    private final List<Model> parents;
    private final List<Model> children;
    private final Map<Model, Model> parentOf = new IdentityHashMap<>();
    private final Map<Model, Model> childOf = new IdentityHashMap<>();

    private World(String label, Sides sides, List<Model> parents, List<Model> children) {
      this.label = label;
      this.sides = sides;
      this.parents = parents;
      this.children = children;
    }

    static World of(OneToOneWiring wiring) {
      wiring.registry();
      List<Model> ps = new ArrayList<>();
      List<Model> cs = new ArrayList<>();
      for (int i = 0; i < PARENTS; i++) {
        ps.add(wiring.newParent("p" + i));
      }
      for (int i = 0; i < CHILDREN; i++) {
        cs.add(wiring.newChild("c" + i));
      }
      Sides sides =
          new Sides() {
            @Override
            public One<Model> parent(Model child) {
              return wiring.parent(child);
            }

            @Override
            public One<Model> child(Model parent) {
              return wiring.child(parent);
            }
          };
      return new World(wiring.name(), sides, ps, cs);
    }

    /** Links {@code p0..p2} are also {@code c0..c2}: {@code c.parent} is {@code c.next}. */
    static World chain() {
      Registry.of(Link.class);
      List<Model> links = new ArrayList<>();
      for (int i = 0; i < Math.max(PARENTS, CHILDREN); i++) {
        links.add(new Link("l" + i));
      }
      Sides sides =
          new Sides() {
            @Override
            @SuppressWarnings("unchecked")
            public One<Model> parent(Model child) {
              return (One<Model>) (One<?>) ((Link) child).next;
            }

            @Override
            public One<Model> child(Model parent) {
              return parent.related("previous");
            }
          };
      return new World("SELF_REFERENTIAL", sides, links, links);
    }

    void setParent(int c, int p) {
      Model child = children.get(c);
      Model parent = p < 0 ? null : parents.get(p);
      sides.parent(child).set(parent);
      link(child, parent, parentOf.get(child));
    }

    void setChild(int p, int c) {
      Model parent = parents.get(p);
      Model child = c < 0 ? null : children.get(c);
      sides.child(parent).set(child);
      if (child == null) {
        Model old = childOf.remove(parent);
        if (old != null) {
          parentOf.remove(old);
        }
      } else {
        link(child, parent, parentOf.get(child));
      }
    }

    /** The model of a write: both old partners are displaced (improvement 4), then the link. */
    private void link(Model child, Model parent, Model oldParent) {
      if (oldParent == parent) {
        return;
      }
      if (oldParent != null) {
        childOf.remove(oldParent);
        parentOf.remove(child);
      }
      if (parent != null) {
        Model oldChild = childOf.remove(parent);
        if (oldChild != null) {
          parentOf.remove(oldChild);
        }
        childOf.put(parent, child);
        parentOf.put(child, parent);
      }
    }

    void check() {
      for (Model c : children) {
        Model p = sides.parent(c).get();
        assertThat(p).as("%s.parent", c).isSameAs(parentOf.get(c));
        assertThat(p == null || sides.child(p).get() == c)
            .as("%s.parent.child is %s", c, c)
            .isTrue();
        long holding = parents.stream().filter(x -> sides.child(x).get() == c).count();
        assertThat(holding).as("parents holding %s", c).isEqualTo(p == null ? 0 : 1);
      }
      for (Model p : parents) {
        Model c = sides.child(p).get();
        assertThat(c).as("%s.child", p).isSameAs(childOf.get(p));
        assertThat(c == null || sides.parent(c).get() == p)
            .as("%s.child.parent is %s", p, p)
            .isTrue();
        long pointing = children.stream().filter(x -> sides.parent(x).get() == p).count();
        assertThat(pointing).as("children pointing at %s", p).isEqualTo(c == null ? 0 : 1);
      }
    }

    @Override
    public String toString() {
      return label + " " + parentOf;
    }
  }
}
