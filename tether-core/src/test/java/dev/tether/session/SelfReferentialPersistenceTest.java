package dev.tether.session;

import static dev.tether.testing.SqlText.plain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.Session;
import dev.tether.fixtures.Node;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A self-referential adjacency list persisted (S36, S37) on every database: trees insert parents
 * first, one multi-row INSERT per level; subtrees move with one UPDATE; deletes go leaves first;
 * children load lazily, one SELECT per node, and each child's parent resolves from the identity
 * map.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class SelfReferentialPersistenceTest {
  static final String LOAD_CHILDREN =
      "SELECT t0.id, t0.name, t0.parent_id FROM node t0 WHERE t0.parent_id = ? ORDER BY t0.id";
  static final String LOAD_PARENT =
      "SELECT t0.id, t0.name, t0.parent_id FROM node t0 WHERE t0.id = ?";
  // one SELECT renderer: a get and a lazy load of the same row send the same SQL
  static final String GET = LOAD_PARENT;
  static final String SET_PARENT = "UPDATE node SET parent_id = ? WHERE id = ?";

  @Parameter TestDatabase target;
  Database db;
  final StatementRecorder sql = new StatementRecorder();
  final List<Integer> rows = new ArrayList<>();

  @BeforeEach
  void open() {
    db = target.open(Node.registry());
    db.addStatementListener(sql);
    db.addStatementListener((statement, n) -> rows.add(n));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void assertSql(Runnable action, String... expected) {
    rows.clear();
    assertThat(plain(sql.record(action))).containsExactly(expected);
  }

  private static String insert(int rows) {
    return "INSERT INTO node (name, parent_id) VALUES "
        + String.join(", ", java.util.Collections.nCopies(rows, "(?, ?)"))
        + " RETURNING id";
  }

  private static Node node(String name, Node... children) {
    Node n = new Node(name);
    n.children.addAll(List.of(children));
    return n;
  }

  /** root → (a → (a1 → a1x, a2), b → b1), linked from the collection side. */
  private static Node tree() {
    return node("root", node("a", node("a1", node("a1x")), node("a2")), node("b", node("b1")));
  }

  private Integer saved(Node root) {
    try (Session s = db.session()) {
      s.add(root);
      s.commit();
    }
    return root.id;
  }

  /** name → children names, as a new session loads the tree under {@code rootId}. */
  private String shape(Integer rootId) {
    try (Session s = db.session()) {
      return shape(s.get(Node.class, rootId));
    }
  }

  private static String shape(Node n) {
    if (n.children.isEmpty()) {
      return n.name;
    }
    List<String> kids = new ArrayList<>();
    n.children.forEach(c -> kids.add(shape(c)));
    return n.name + kids;
  }

  /** S36, four levels: four INSERTs (one per level), every key copied parent-first. */
  @Test
  void treeInsertsOneStatementPerLevelParentsFirst() {
    Node root = tree();
    try (Session s = db.session()) {
      s.add(root);
      assertSql(s::flush, insert(1), insert(2), insert(3), insert(1));
      assertThat(rows).containsExactly(1, 1, 1, 1);
      Node a = root.children.get(0);
      Node a1 = a.children.get(0);
      assertThat(root.parentId).isNull();
      assertThat(a.parentId).isEqualTo(root.id).isNotNull();
      assertThat(a1.parentId).isEqualTo(a.id).isNotNull();
      assertThat(a1.children.get(0).parentId).isEqualTo(a1.id).isNotNull();
      assertThat(root.children.get(1).children.get(0).parentId).isEqualTo(root.children.get(1).id);
      s.commit();
    }
    assertThat(shape(root.id)).isEqualTo("root[a[a1[a1x], a2], b[b1]]");
  }

  /** The tree of {@link #tree()} linked from the many-to-one side: root, a, b, a1, a1x, a2, b1. */
  private static Node[] treeLinkedFromTheLeaves() {
    Node root = new Node("root");
    Node a = new Node("a");
    Node b = new Node("b");
    Node a1 = new Node("a1");
    Node a1x = new Node("a1x");
    Node a2 = new Node("a2");
    Node b1 = new Node("b1");
    a.parent.set(root);
    b.parent.set(root);
    a1.parent.set(a);
    a2.parent.set(a);
    b1.parent.set(b);
    a1x.parent.set(a1);
    return new Node[] {root, a, b, a1, a1x, a2, b1};
  }

  /** The same tree linked from the many-to-one side and added through a leaf: parents first. */
  @Test
  void treeLinkedFromTheLeavesAndAddedThroughALeafInsertsParentsFirst() {
    Node[] n = treeLinkedFromTheLeaves();
    try (Session s = db.session()) {
      s.add(n[4]);
      List<String> sent = plain(sql.record(s::commit));
      assertThat(sent).allMatch(x -> x.startsWith("INSERT INTO node"));
      assertThat(n[4].parentId).isEqualTo(n[3].id).isNotNull();
      assertThat(n[6].parentId).isEqualTo(n[2].id).isNotNull();
    }
    assertThat(shape(n[0].id)).isEqualTo("root[a[a1[a1x], a2], b[b1]]");
  }

  /**
   * Added through a leaf, the same four-level tree should take one INSERT per level too. It takes
   * five: rows are placed depth-first from the leaf (root, a, a1, then a1x, a2, b together, then
   * b1) and a batch ends when a row needs one of the current batch.
   */
  @Test
  void treeAddedThroughALeafInsertsOneStatementPerLevel() {
    Node[] n = treeLinkedFromTheLeaves();
    try (Session s = db.session()) {
      s.add(n[4]);
      assertSql(s::commit, insert(1), insert(2), insert(3), insert(1));
    }
  }

  /** Children load lazily, one SELECT per node; a child's parent comes from the identity map. */
  @Test
  void childrenLoadLazilyOneSelectPerNode() {
    Integer id = saved(tree());
    try (Session s = db.session()) {
      s.setBatchLazyLoads(false); // this test is about one lazy load per object
      Node[] root = new Node[1];
      assertSql(() -> root[0] = s.get(Node.class, id), GET);
      assertThat(root[0].children.isLoaded()).isFalse();
      assertSql(
          () -> assertThat(root[0].children).extracting(n -> n.name).containsExactly("a", "b"),
          LOAD_CHILDREN);
      Node a = root[0].children.get(0);
      assertSql(() -> assertThat(a.parent.get()).isSameAs(root[0]));
      assertThat(a.children.isLoaded()).isFalse();
      assertSql(
          () -> assertThat(a.children).extracting(n -> n.name).containsExactly("a1", "a2"),
          LOAD_CHILDREN);
      Node a1 = a.children.get(0);
      assertSql(() -> assertThat(a1.children.get(0).parent.get()).isSameAs(a1), LOAD_CHILDREN);
      assertSql(() -> assertThat(s.get(Node.class, a1.id)).isSameAs(a1));
    }
  }

  /** The parent of a node loaded alone comes by its key: one SELECT, then the identity map. */
  @Test
  void parentLoadsLazilyByKey() {
    Node a1x = new Node("a1x");
    saved(node("root", node("a", node("a1", a1x))));
    Integer a1xId = a1x.id;
    try (Session s = db.session()) {
      Node leaf = s.get(Node.class, a1xId);
      assertSql(() -> assertThat(leaf.parent.get().name).isEqualTo("a1"), LOAD_PARENT);
      assertSql(() -> assertThat(leaf.parent.get().parent.get().name).isEqualTo("a"), LOAD_PARENT);
      assertSql(() -> assertThat(leaf.parent.get().children).containsExactly(leaf), LOAD_CHILDREN);
    }
  }

  /** Moving a subtree is one UPDATE of its top node; its descendants move with it. */
  @Test
  void movingASubtreeUpdatesOnlyItsTop() {
    Integer id = saved(tree());
    try (Session s = db.session()) {
      s.setBatchLazyLoads(false); // this test is about one lazy load per object
      Node root = s.get(Node.class, id);
      Node a = root.children.get(0);
      Node b = root.children.get(1);
      Node a1 = a.children.get(0);
      assertSql(() -> a1.parent.set(b)); // b.children not loaded: queued, no SQL
      assertThat(b.children.isLoaded()).isFalse();
      assertThat(a.children).extracting(n -> n.name).containsExactly("a2");
      assertSql(s::flush, SET_PARENT);
      assertThat(a1.parentId).isEqualTo(b.id);
      assertSql(
          () -> assertThat(b.children).extracting(n -> n.name).containsExactly("a1", "b1"),
          LOAD_CHILDREN);
      s.commit();
    }
    assertThat(shape(id)).isEqualTo("root[a[a2], b[a1[a1x], b1]]"); // ordered by key
  }

  /** Moving a subtree through the new parent's loaded collection, up a level. */
  @Test
  void movingASubtreeUpThroughTheCollection() {
    Integer id = saved(tree());
    try (Session s = db.session()) {
      Node root = s.get(Node.class, id);
      Node a = root.children.get(0);
      Node a1 = a.children.get(0);
      root.children.add(a1);
      assertThat(a1.parent.get()).isSameAs(root);
      assertThat(a.children).extracting(n -> n.name).containsExactly("a2");
      assertSql(s::flush, SET_PARENT);
      s.commit();
    }
    assertThat(shape(id)).isEqualTo("root[a[a2], b[b1], a1[a1x]]"); // ordered by key: a, b, a1
  }

  /**
   * Deleting a whole subtree: one DELETE batch, leaves first (the foreign key holds on every
   * database), after loading the children the flush must check. Loaded collections drop them.
   */
  @Test
  void deletingASubtreeDeletesLeavesFirst() {
    Integer id = saved(tree());
    try (Session s = db.session()) {
      Node root = s.get(Node.class, id);
      Node a = root.children.get(0);
      List<Node> subtree = new ArrayList<>();
      subtree.add(a);
      subtree.addAll(a.children);
      subtree.add(a.children.get(0).children.get(0));
      for (Node n : subtree) {
        n.children.size(); // loaded: the flush has nothing to look up
      }
      for (Node n : subtree) {
        s.delete(n); // top first: the flush orders them
      }
      assertSql(s::flush, "DELETE FROM node WHERE id = ?");
      assertThat(rows).containsExactly(4);
      assertThat(root.children).extracting(n -> n.name).containsExactly("b");
      s.commit();
    }
    assertThat(shape(id)).isEqualTo("root[b[b1]]");
  }

  /**
   * S51 on a tree: deleting an inner node nulls the key of a child that stays (UPDATE), deletes the
   * one that goes leaf-first, and the survivor forgets its parent (improvement 6).
   */
  @Test
  void deletingAnInnerNodeOrphansTheChildrenThatStay() {
    Integer id = saved(tree());
    try (Session s = db.session()) {
      Node root = s.get(Node.class, id);
      Node a = root.children.get(0);
      Node a1 = a.children.get(0);
      Node a2 = a.children.get(1);
      Node a1x = a1.children.get(0);
      a1x.children.size();
      a2.children.size();
      s.delete(a);
      s.delete(a1);
      s.delete(a1x);
      assertSql(s::flush, SET_PARENT, "DELETE FROM node WHERE id = ?");
      assertThat(rows).containsExactly(1, 3);
      assertThat(a2.parentId).isNull();
      assertThat(a2.parent.get()).isNull();
      assertThat(root.children).extracting(n -> n.name).containsExactly("b");
      s.commit();
    }
    assertThat(shape(id)).isEqualTo("root[b[b1]]");
    try (Session s = db.session()) {
      List<String> roots = new ArrayList<>();
      for (int i = id; i < id + 7; i++) {
        Node n = s.get(Node.class, i);
        if (n != null && n.parent.get() == null) {
          roots.add(n.name);
        }
      }
      assertThat(roots).containsExactlyInAnyOrder("root", "a2");
    }
  }

  /**
   * A node moved under another that is deleted in the same flush is a child of the deleted node in
   * memory, so the delete detaches it as S51 detaches every child: its key becomes NULL. The flush
   * instead writes the deleted node's key into it and the database refuses the DELETE.
   */
  @Test
  void nodeMovedUnderANodeDeletedInTheSameFlushIsDetached() {
    Integer id = saved(tree());
    try (Session s = db.session()) {
      Node root = s.get(Node.class, id);
      Node a = root.children.get(0);
      Node b = root.children.get(1);
      Node a2 = a.children.get(1);
      b.children.size();
      b.children.get(0).children.size();
      a2.parent.set(b);
      s.delete(b);
      s.delete(b.children.get(0)); // b1 goes too; a2 stays
      s.flush();
      assertThat(a2.parentId).isNull();
      assertThat(a2.parent.get()).isNull();
      s.commit();
    }
    assertThat(shape(id)).isEqualTo("root[a[a1[a1x]]]");
  }

  /**
   * S37: a cycle of new rows. SQLAlchemy raises CircularDependencyError without post_update; Tether
   * inserts one with a NULL key and sets it with an UPDATE afterwards.
   */
  @Test
  void cycleOfNewRowsIsBrokenWithAnUpdate() {
    Node a = new Node("a");
    Node b = new Node("b");
    a.parent.set(b);
    b.parent.set(a);
    assertThat(a.children).containsExactly(b);
    assertThat(b.children).containsExactly(a);
    try (Session s = db.session()) {
      s.add(a);
      List<String> sent = plain(sql.record(s::commit));
      assertThat(sent).last().isEqualTo(SET_PARENT);
      assertThat(sent.subList(0, sent.size() - 1)).allMatch(x -> x.startsWith("INSERT INTO node"));
      assertThat(sent).hasSizeLessThanOrEqualTo(3);
      assertThat(a.parentId).isEqualTo(b.id).isNotNull();
      assertThat(b.parentId).isEqualTo(a.id).isNotNull();
    }
    try (Session s = db.session()) {
      Node loaded = s.get(Node.class, a.id);
      assertThat(loaded.parent.get().name).isEqualTo("b");
      assertThat(loaded.parent.get().parent.get()).isSameAs(loaded);
      assertThat(loaded.children).extracting(n -> n.name).containsExactly("b");
    }
  }
}
