package dev.tether.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Many;
import dev.tether.Model;
import dev.tether.fixtures.ManyToManyWiring;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;

/**
 * State-machine test of many-to-many sync: random sequences of every {@code List} write, on the
 * collections of both sides (3 articles' {@code tags}, 3 tags' {@code articles}), checked after
 * every step against a plain model, on each wiring of {@link ManyToManyWiring}.
 *
 * <p>The invariants: {@code a} is in {@code t.articles} exactly when {@code t} is in {@code
 * a.tags}; no collection holds an element twice; each collection's order is the model's — a write
 * appends the owner at the end of the other side's collection, and reordering one side never
 * reorders the other.
 */
class ManyToManySyncPropertyTest {
  private static final int ARTICLES = 3;
  private static final int TAGS = 3;

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
    return chains(ManyToManyWiring.BACK_POPULATES);
  }

  @Provide
  Arbitrary<ActionChain<World>> backref() {
    return chains(ManyToManyWiring.BACKREF);
  }

  private static Arbitrary<ActionChain<World>> chains(ManyToManyWiring wiring) {
    CollectionWorld.Names names =
        new CollectionWorld.Names() {
          @Override
          public String collection(int k) {
            return k < ARTICLES ? "a" + k + ".tags" : "t" + (k - ARTICLES) + ".articles";
          }

          @Override
          public String candidate(int k, int seed) {
            return k < ARTICLES ? "t" + seed % TAGS : "a" + seed % ARTICLES;
          }
        };
    return CollectionWorld.listWrites(
            ActionChain.startWith(() -> new World(wiring)), ARTICLES + TAGS, names)
        .withMaxTransformations(40);
  }

  /** Articles and tags, and the model: one ordered list per collection of either side. */
  static final class World extends CollectionWorld {
    private final ManyToManyWiring wiring;
    private final List<Model> articles = new ArrayList<>();
    private final List<Model> tags = new ArrayList<>();
    private final List<List<Model>> order = new ArrayList<>();

    World(ManyToManyWiring wiring) {
      this.wiring = wiring;
      wiring.registry();
      for (int i = 0; i < ARTICLES; i++) {
        articles.add(wiring.newArticle("a" + i));
        order.add(new ArrayList<>());
      }
      for (int i = 0; i < TAGS; i++) {
        tags.add(wiring.newTag("t" + i));
        order.add(new ArrayList<>());
      }
    }

    @Override
    int collections() {
      return ARTICLES + TAGS;
    }

    @Override
    Many<Model> real(int k) {
      return k < ARTICLES ? wiring.tags(articles.get(k)) : wiring.articles(tags.get(k - ARTICLES));
    }

    @Override
    List<Model> candidates(int k) {
      return k < ARTICLES ? tags : articles;
    }

    @Override
    List<Model> expected(int k) {
      return order.get(k);
    }

    /** The collection of the other side that holds {@code owner(k)} when {@code x} is in k. */
    private List<Model> reverse(int k, Model x) {
      return k < ARTICLES ? order.get(ARTICLES + tags.indexOf(x)) : order.get(articles.indexOf(x));
    }

    private Model owner(int k) {
      return k < ARTICLES ? articles.get(k) : tags.get(k - ARTICLES);
    }

    @Override
    void joined(int k, Model x) {
      List<Model> other = reverse(k, x);
      assertThat(other).as("model: %s already linked", x).doesNotContain(owner(k));
      other.add(owner(k));
    }

    @Override
    void left(int k, Model x) {
      assertThat(reverse(k, x).remove(owner(k))).as("model: %s was linked", x).isTrue();
    }

    @Override
    String describe(int k) {
      return k < ARTICLES ? "a" + k + ".tags" : "t" + (k - ARTICLES) + ".articles";
    }

    @Override
    void check() {
      super.check();
      for (Model a : articles) {
        for (Model t : tags) {
          assertThat(wiring.articles(t).contains(a))
              .as("%s in %s.articles iff %s in %s.tags", a, t, t, a)
              .isEqualTo(wiring.tags(a).contains(t));
        }
      }
    }

    @Override
    public String toString() {
      return wiring + " " + order;
    }
  }
}
