package dev.tether.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Many;
import dev.tether.One;
import dev.tether.Registry;
import dev.tether.fixtures.BackPopulates;
import dev.tether.fixtures.BackrefOnChild;
import dev.tether.fixtures.BackrefOnParent;
import dev.tether.fixtures.Neither;
import dev.tether.fixtures.Seed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three wirings of the seeds, in memory: DESIGN §1's example, then S01 (neither), S04
 * (backPopulates on both sides), S06 (backref on the one-to-many side) and S07 (backref on the
 * many-to-one side).
 */
class SeedScenarioTest {

  @BeforeAll
  static void register() {
    Neither.registry();
    BackPopulates.registry();
    BackrefOnChild.registry();
    BackrefOnParent.registry();
  }

  /** DESIGN §1, verbatim: the printed collection holds the child after {@code child.parent.set}. */
  @Test
  void design_example_prints_the_child_in_parent_children() {
    Registry models = Registry.of(Seed.Parent.class, Seed.Child.class);
    assertThat(models.contains(Seed.Parent.class)).isTrue();

    Seed.Parent parent = new Seed.Parent();
    Seed.Child child = new Seed.Child();
    child.parent.set(parent);

    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.out.println(parent.children);
    } finally {
      System.setOut(original);
    }
    assertThat(out.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("[Child(id=null, parentId=null)]");
    assertThat(parent.children).containsExactly(child);
    assertThat(child.parent.get()).isSameAs(parent);
  }

  /** S01: without backPopulates/backref, setting one side never touches the other. */
  @Test
  void s01_neither_sides_are_independent_in_memory() {
    Neither.Parent p = new Neither.Parent("p");
    Neither.Child c = new Neither.Child("c");

    c.parent.set(p);
    assertThat(p.children).isEmpty();

    Neither.Child c2 = new Neither.Child("c2");
    p.children.add(c2);
    assertThat(c2.parent.get()).isNull();

    // and each side keeps what it was given
    assertThat(c.parent.get()).isSameAs(p);
    assertThat(p.children).containsExactly(c2);
  }

  /** S01, the rest of the "neither" rule: removals and moves do not propagate either. */
  @Test
  void s01_neither_removals_and_moves_do_not_propagate() {
    Neither.Parent p = new Neither.Parent("p");
    Neither.Parent q = new Neither.Parent("q");
    Neither.Child c = new Neither.Child("c");

    p.children.add(c);
    q.children.add(c); // no displacement: the child is in both lists
    assertThat(p.children).containsExactly(c);
    assertThat(q.children).containsExactly(c);

    c.parent.set(q);
    p.children.remove(c);
    assertThat(c.parent.get()).isSameAs(q);
    c.parent.set(null);
    assertThat(q.children).containsExactly(c);
  }

  /** S04: with backPopulates on both sides every change is mirrored immediately. */
  @Test
  void s04_back_populates_mirrors_both_directions() {
    BackPopulates.Parent p = new BackPopulates.Parent("p");
    BackPopulates.Child c = new BackPopulates.Child("c");

    c.parent.set(p);
    assertThat(p.children).containsExactly(c);

    BackPopulates.Child c2 = new BackPopulates.Child("c2");
    p.children.add(c2);
    assertThat(c2.parent.get()).isSameAs(p);

    // Child(name="c3", parent=p): Java has no keyword arguments; the constructor then a set
    BackPopulates.Child c3 = new BackPopulates.Child("c3");
    c3.parent.set(p);
    assertThat(p.children).containsExactly(c, c2, c3);

    // Parent(name="p2", children=[Child(name="c4")])
    BackPopulates.Parent p2 = new BackPopulates.Parent("p2");
    p2.children.add(new BackPopulates.Child("c4"));
    assertThat(p2.children.get(0).parent.get()).isSameAs(p2);
  }

  /**
   * S06: {@code backref = "parent"} on {@code Parent.children} creates {@code Child.parent}, a
   * many-to-one, linked like backPopulates. Tether is better (DESIGN §2.3): the reverse exists as
   * soon as {@code Registry.of} returns, not after a later "mapper configuration".
   */
  @Test
  void s06_backref_on_parent_creates_child_parent() {
    assertThat(Arrays.stream(BackrefOnParent.Child.class.getDeclaredFields()))
        .noneMatch(f -> f.getName().equals("parent"));
    BackrefOnParent.registry();

    BackrefOnParent.Parent p = new BackrefOnParent.Parent("p");
    BackrefOnParent.Child c = new BackrefOnParent.Child("c");
    Object reverse = c.related("parent");
    assertThat(reverse).isInstanceOf(One.class).isNotInstanceOf(Many.class);

    One<BackrefOnParent.Parent> parent = c.related("parent");
    parent.set(p);
    assertThat(p.children).containsExactly(c);

    p.children.remove(c);
    assertThat(parent.get()).isNull();
    assertThat(parent.isPresent()).isFalse();
  }

  /**
   * S07: {@code backref = "children"} on {@code Child.parent} creates {@code Parent.children}, a
   * list; {@code Parent(children=[c])} and {@code Child(parent=p)} both sync.
   */
  @Test
  void s07_backref_on_child_creates_parent_children() {
    assertThat(Arrays.stream(BackrefOnChild.Parent.class.getDeclaredFields()))
        .noneMatch(f -> f.getName().equals("children"));
    BackrefOnChild.registry();

    BackrefOnChild.Child c = new BackrefOnChild.Child("c");
    BackrefOnChild.Parent p = new BackrefOnChild.Parent("p");
    Object reverse = p.related("children");
    assertThat(reverse).isInstanceOf(Many.class);

    Many<BackrefOnChild.Child> children = p.related("children");
    children.add(c); // Parent(name="p", children=[c])
    assertThat(c.parent.get()).isSameAs(p);

    BackrefOnChild.Child c2 = new BackrefOnChild.Child("c2");
    c2.parent.set(p); // Child(name="c2", parent=p)
    assertThat(children).containsExactly(c, c2);
  }

  /** {@code related} returns the one container of the object, declared field or backref alike. */
  @Test
  void related_returns_the_same_container_every_time() {
    BackPopulates.Parent bp = new BackPopulates.Parent("p");
    assertThat((Object) bp.related("children")).isSameAs(bp.children);

    BackrefOnChild.Parent brc = new BackrefOnChild.Parent("p");
    assertThat((Object) brc.related("children"))
        .isSameAs(brc.related("children"))
        .isSameAs(brc.children());
    BackrefOnParent.Child brp = new BackrefOnParent.Child("c");
    assertThat((Object) brp.related("parent")).isSameAs(brp.parent());
  }
}
