package dev.tether.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Registry;
import dev.tether.RegistryInternals;
import dev.tether.Relationship;
import dev.tether.Table;
import dev.tether.fixtures.BackrefNode;
import dev.tether.fixtures.NodeWiring;
import dev.tether.mapping.Direction;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Self-referential adjacency lists in memory: S36 declared with a backref (Tether needs no {@code
 * remote_side}: the field type gives the direction), S37's cycle, S38 (what a backref on a
 * self-referential {@code Many} creates — SQLAlchemy refuses it without {@code remote_side}), and
 * moving subtrees several levels deep. Each tree scenario runs on both wirings of {@link
 * NodeWiring}.
 */
class AdjacencyListTest {

  /** A tree of named nodes on one wiring, built from {@code "parent>child"} edges. */
  private static final class Tree {
    final NodeWiring w;
    final Map<String, Model> nodes = new LinkedHashMap<>();

    Tree(NodeWiring w, String... edges) {
      this.w = w;
      w.registry();
      for (String edge : edges) {
        String[] ends = edge.split(">");
        children(node(ends[0])).add(node(ends[1]));
      }
    }

    Model node(String name) {
      return nodes.computeIfAbsent(name, w::newNode);
    }

    Many<Model> children(Model n) {
      return w.children(n);
    }

    Many<Model> children(String name) {
      return children(node(name));
    }

    One<Model> parent(String name) {
      return w.parent(node(name));
    }

    /** The names of the node's children, in order. */
    List<String> kids(String name) {
      return names(children(name));
    }

    /** {@code "d<c<b<a<root"}: the way up from a node, ending at a root or where a cycle closes. */
    String up(String name) {
      StringBuilder path = new StringBuilder(name);
      Set<Model> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      Model n = node(name);
      seen.add(n);
      for (Model p = w.parent(n).get(); p != null; p = w.parent(p).get()) {
        path.append('<').append(nameOf(p));
        if (!seen.add(p)) {
          break;
        }
      }
      return path.toString();
    }

    /** Every parent reference agrees with exactly one children list, and the other way round. */
    void assertConsistent() {
      for (Model n : nodes.values()) {
        Model parent = w.parent(n).get();
        int holders = 0;
        for (Model p : nodes.values()) {
          if (w.children(p).contains(n)) {
            holders++;
            assertThat(parent).as("%s.parent", nameOf(n)).isSameAs(p);
          }
        }
        assertThat(holders)
            .as("children lists holding %s", nameOf(n))
            .isEqualTo(parent == null ? 0 : 1);
      }
    }

    String nameOf(Model n) {
      for (Map.Entry<String, Model> e : nodes.entrySet()) {
        if (e.getValue() == n) {
          return e.getKey();
        }
      }
      return String.valueOf(n);
    }

    List<String> names(List<Model> ns) {
      List<String> out = new ArrayList<>();
      ns.forEach(n -> out.add(nameOf(n)));
      return out;
    }
  }

  // ---- S36 -------------------------------------------------------------------------------------

  /**
   * S36 with SQLAlchemy's model, {@code children = relationship("Node", backref=backref("parent",
   * remote_side=[id]))}: in Tether {@code @Relationship(backref = "parent") Many<BackrefNode>
   * children}, no remote_side. The directions are SQLAlchemy's, and nodes move as in the
   * transcript.
   */
  @Test
  void s36_a_backref_on_children_needs_no_remote_side() {
    Registry models = BackrefNode.registry();
    ModelMapping node = RegistryInternals.metadata(models).model(BackrefNode.class);
    assertThat(node.relationship("children").direction()).isEqualTo(Direction.ONE_TO_MANY);
    assertThat(node.relationship("parent").direction()).isEqualTo(Direction.MANY_TO_ONE);

    BackrefNode root = new BackrefNode("root");
    BackrefNode a = new BackrefNode("a");
    BackrefNode b = new BackrefNode("b");
    a.parent().set(root);
    root.children.add(b);
    assertThat(root.children).containsExactly(a, b);
    assertThat(b.parent().get()).isSameAs(root);

    b.parent().set(a);
    assertThat(root.children).containsExactly(a);
    assertThat(a.children).containsExactly(b);
  }

  // ---- S37 -------------------------------------------------------------------------------------

  /**
   * S37 in memory: {@code a.parent = b; b.parent = a} is kept as written (the flush, not the
   * in-memory sync, has to refuse or break the cycle). Breaking it from either side empties the
   * matching children list.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(NodeWiring.class)
  void s37_a_two_node_cycle_is_kept_in_memory(NodeWiring wiring) {
    Tree t = new Tree(wiring);
    t.node("a");
    t.node("b");

    t.parent("a").set(t.node("b"));
    t.parent("b").set(t.node("a"));
    assertThat(t.kids("a")).containsExactly("b");
    assertThat(t.kids("b")).containsExactly("a");
    assertThat(t.up("a")).isEqualTo("a<b<a");
    t.assertConsistent();

    t.children("b").remove(t.node("a"));
    assertThat(t.parent("a").get()).isNull();
    assertThat(t.up("b")).isEqualTo("b<a");
    t.assertConsistent();
  }

  /** S37, longer: closing a chain into a ring, then reopening it elsewhere. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(NodeWiring.class)
  void s37_a_longer_cycle_opens_wherever_it_is_cut(NodeWiring wiring) {
    Tree t = new Tree(wiring, "a>b", "b>c", "c>d");

    t.children("d").add(t.node("a"));
    assertThat(t.up("d")).isEqualTo("d<c<b<a<d");
    t.assertConsistent();

    t.parent("c").set(null);
    assertThat(t.up("b")).isEqualTo("b<a<d<c");
    assertThat(t.kids("b")).isEmpty();
    t.assertConsistent();
  }

  // ---- S38 -------------------------------------------------------------------------------------

  /**
   * S38: SQLAlchemy refuses {@code children = relationship("Node", backref="parent")} ("both of the
   * same direction ONETOMANY. Did you mean to set remote_side on the many-to-one side?"). In Tether
   * the field type of the declaring side gives the direction, so the same declaration creates a
   * many-to-one {@code One parent} over the same key.
   */
  @Test
  void s38_a_backref_on_a_self_referential_many_creates_a_many_to_one() {
    ModelMapping node = RegistryInternals.metadata(BackrefNode.registry()).model(BackrefNode.class);
    RelationshipMapping children = node.relationship("children");
    RelationshipMapping parent = node.relationship("parent");

    assertThat(parent.isGenerated()).isTrue();
    assertThat(parent.isCollection()).isFalse();
    assertThat(parent.direction()).isEqualTo(Direction.MANY_TO_ONE);
    assertThat(parent.foreignKey()).isSameAs(children.foreignKey());
    assertThat(parent.reverse()).isSameAs(children);
    assertThat(children.reverse()).isSameAs(parent);
    assertThat((Object) new BackrefNode("n").related("parent")).isInstanceOf(One.class);
  }

  /** S38 the other way: {@code backref = "children"} on a self-referential {@code One}. */
  static final class BackrefOnParent {
    @Table("adj_brp_node")
    public static class Node extends Model {
      @Id public Integer id;

      @ForeignKey("adj_brp_node.id")
      public Integer parentId;

      @Relationship(backref = "children")
      public final One<Node> parent = one();
    }
  }

  /** A backref on the self-referential {@code One} creates the one-to-many {@code Many}. */
  @Test
  void s38_a_backref_on_a_self_referential_one_creates_a_one_to_many() {
    ModelMapping node =
        RegistryInternals.metadata(Registry.of(BackrefOnParent.Node.class))
            .model(BackrefOnParent.Node.class);
    RelationshipMapping children = node.relationship("children");
    assertThat(children.isCollection()).isTrue();
    assertThat(children.direction()).isEqualTo(Direction.ONE_TO_MANY);

    BackrefOnParent.Node root = new BackrefOnParent.Node();
    BackrefOnParent.Node a = new BackrefOnParent.Node();
    a.parent.set(root);
    Many<BackrefOnParent.Node> kids = root.related("children");
    assertThat(kids).containsExactly(a);
    kids.remove(a);
    assertThat(a.parent.get()).isNull();
  }

  // ---- moving subtrees -------------------------------------------------------------------------

  /** The tree most subtree tests start from: a five-level branch under root, and a second one. */
  private static Tree deepTree(NodeWiring wiring) {
    return new Tree(wiring, "root>a", "a>b", "b>c", "c>d", "c>e", "root>x", "x>y");
  }

  /** Moving a three-level subtree to another branch carries all of it; the old branch shrinks. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(NodeWiring.class)
  void moving_a_subtree_to_another_branch_keeps_it_whole(NodeWiring wiring) {
    Tree t = deepTree(wiring);

    t.children("y").add(t.node("b"));
    assertThat(t.kids("a")).isEmpty();
    assertThat(t.kids("y")).containsExactly("b");
    assertThat(t.kids("b")).containsExactly("c");
    assertThat(t.kids("c")).containsExactly("d", "e");
    assertThat(t.up("e")).isEqualTo("e<c<b<y<x<root");
    t.assertConsistent();

    t.parent("b").set(t.node("a")); // and back, through the scalar side
    assertThat(t.up("d")).isEqualTo("d<c<b<a<root");
    assertThat(t.kids("y")).isEmpty();
    t.assertConsistent();
  }

  /** A leaf moved up to the root leaves its parent, and its siblings keep their order. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(NodeWiring.class)
  void moving_a_deep_node_up_to_the_root(NodeWiring wiring) {
    Tree t = deepTree(wiring);

    t.parent("d").set(t.node("root"));
    assertThat(t.kids("root")).containsExactly("a", "x", "d");
    assertThat(t.kids("c")).containsExactly("e");
    assertThat(t.up("d")).isEqualTo("d<root");

    t.children("root").add(0, t.node("e"));
    assertThat(t.kids("root")).containsExactly("e", "a", "x", "d");
    assertThat(t.kids("c")).isEmpty();
    t.assertConsistent();
  }

  /**
   * Moving a node under its own descendant is accepted in memory: the subtree detaches from the
   * root and becomes a cycle ({@code a > b > c > d > a}), as S37 allows; the flush must deal with
   * it. Moving it back restores the tree.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(NodeWiring.class)
  void moving_a_node_under_its_own_descendant_makes_a_cycle(NodeWiring wiring) {
    Tree t = deepTree(wiring);

    t.children("d").add(t.node("a"));
    assertThat(t.kids("root")).containsExactly("x");
    assertThat(t.up("d")).isEqualTo("d<c<b<a<d");
    assertThat(t.kids("c")).containsExactly("d", "e");
    t.assertConsistent();

    t.children("root").add(0, t.node("a"));
    assertThat(t.kids("d")).isEmpty();
    assertThat(t.up("e")).isEqualTo("e<c<b<a<root");
    t.assertConsistent();
  }

  /**
   * Bulk moves between levels: {@code addAll} of another node's children takes them all (their
   * subtrees with them), {@code set(i, x)} replaces a child by a node from deeper down, and {@code
   * clear()} orphans children without touching their own subtrees.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(NodeWiring.class)
  void bulk_moves_across_levels(NodeWiring wiring) {
    Tree t = deepTree(wiring);

    t.children("x").addAll(t.children("c")); // d and e, two levels up
    assertThat(t.kids("c")).isEmpty();
    assertThat(t.kids("x")).containsExactly("y", "d", "e");
    t.assertConsistent();

    Model replaced = t.children("root").set(0, t.node("c")); // a out, c in
    assertThat(t.nameOf(replaced)).isEqualTo("a");
    assertThat(t.parent("a").get()).isNull();
    assertThat(t.kids("a")).containsExactly("b"); // a keeps its subtree
    assertThat(t.kids("b")).isEmpty();
    assertThat(t.kids("root")).containsExactly("c", "x");
    t.assertConsistent();

    t.children("x").clear();
    assertThat(List.of("y", "d", "e")).allMatch(n -> t.parent(n).get() == null);
    assertThat(t.up("x")).isEqualTo("x<root");
    t.assertConsistent();
  }

  /**
   * Two subtrees trade places: each move takes one node out of its old list, so after the swap
   * every node is still in exactly one children list.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(NodeWiring.class)
  void two_subtrees_trade_places(NodeWiring wiring) {
    Tree t = deepTree(wiring);

    t.parent("c").set(t.node("x"));
    t.parent("y").set(t.node("b"));
    assertThat(t.kids("b")).containsExactly("y");
    assertThat(t.kids("x")).containsExactly("c");
    assertThat(t.up("d")).isEqualTo("d<c<x<root");
    assertThat(t.up("y")).isEqualTo("y<b<a<root");
    t.assertConsistent();
  }
}
