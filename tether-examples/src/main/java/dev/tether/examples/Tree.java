package dev.tether.examples;

import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Relationship;
import dev.tether.Table;

/**
 * A self-referential adjacency list (S36): {@code node(id, name, parent_id → node.id)}. The field
 * types give the direction, so no {@code remote_side} is needed: {@code One<Node> parent} is the
 * many-to-one, {@code Many<Node> children} the one-to-many.
 */
public final class Tree {
  private Tree() {}

  /** A node of the tree; a root has no parent. */
  @Table("node")
  public static class Node extends Model {
    @Id public Integer id;
    public String name;

    @ForeignKey("node.id")
    public Integer parentId;

    @Relationship(backPopulates = "children")
    public final One<Node> parent = one();

    @Relationship(backPopulates = "parent")
    public final Many<Node> children = many();

    /** For Tether, which creates instances when it loads rows. */
    public Node() {}

    /** A node called {@code name}. */
    public Node(String name) {
      this.name = name;
    }
  }
}
