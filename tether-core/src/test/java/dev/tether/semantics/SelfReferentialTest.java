package dev.tether.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.fixtures.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adjacency list (S36, S37 in memory): a self-referential one-to-many behaves like any other,
 * with the field types giving the direction (no {@code remote_side}).
 */
class SelfReferentialTest {

  @BeforeAll
  static void register() {
    Node.registry();
  }

  /** S36: appending and re-parenting move nodes between their parents' lists. */
  @Test
  void s36_nodes_move_between_parents() {
    Node root = new Node("root");
    Node a = new Node("a");
    Node b = new Node("b");

    a.parent.set(root);
    root.children.add(b);
    assertThat(root.children).containsExactly(a, b);
    assertThat(b.parent.get()).isSameAs(root);

    b.parent.set(a);
    assertThat(root.children).containsExactly(a);
    assertThat(a.children).containsExactly(b);
    assertThat(b.parent.get()).isSameAs(a);
  }

  /** S37 in memory: a cycle of parents is accepted (the flush will have to break it). */
  @Test
  void s37_a_cycle_is_kept_in_memory_and_prints_without_recursion() {
    Node a = new Node("a");
    Node b = new Node("b");

    a.parent.set(b);
    b.parent.set(a);
    assertThat(a.children).containsExactly(b);
    assertThat(b.children).containsExactly(a);
    assertThat(a.children).hasToString("[Node(id=null, name=b, parentId=null)]");
  }

  /** A node may be its own parent; removing it from its own list clears the reference. */
  @Test
  void a_node_can_be_its_own_parent() {
    Node n = new Node("n");
    n.children.add(n);
    assertThat(n.parent.get()).isSameAs(n);
    assertThat(n.children).containsExactly(n);

    n.children.remove(n);
    assertThat(n.parent.isPresent()).isFalse();
    assertThat(n.children).isEmpty();
  }

  /** Re-parenting a node moves the whole subtree: its own children stay with it. */
  @Test
  void moving_a_node_keeps_its_subtree() {
    Node root = new Node("root");
    Node other = new Node("other");
    Node a = new Node("a");
    Node leaf = new Node("leaf");
    root.children.add(a);
    a.children.add(leaf);

    other.children.add(a);
    assertThat(root.children).isEmpty();
    assertThat(other.children).containsExactly(a);
    assertThat(a.children).containsExactly(leaf);
    assertThat(leaf.parent.get()).isSameAs(a);
    assertThat((Object) a.related("children")).isSameAs(a.children);
  }
}
