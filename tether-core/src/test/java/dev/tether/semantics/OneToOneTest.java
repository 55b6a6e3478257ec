package dev.tether.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Column;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.MappingException;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Registry;
import dev.tether.RegistryInternals;
import dev.tether.Relationship;
import dev.tether.Table;
import dev.tether.fixtures.BackrefOnChild;
import dev.tether.fixtures.OneToOneBackref;
import dev.tether.fixtures.OneToOneWiring;
import dev.tether.mapping.Direction;
import dev.tether.mapping.RelationshipMapping;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One-to-one in memory: S30 (replacing {@code parent.child}), S31 (stealing through the many-to-one
 * side) with Tether's improvement 4 (DESIGN §2: setting either side displaces both old partners, so
 * SQLAlchemy's "two children point at one parent" state cannot arise), S59 (one-to-one by a backref
 * over a unique key), and a self-referential one-to-one. S30 and S31 run on both wirings of {@link
 * OneToOneWiring}.
 */
class OneToOneTest {

  /** The objects of one transcript, on one wiring. */
  private static final class Scene {
    final OneToOneWiring w;

    Scene(OneToOneWiring w) {
      this.w = w;
      w.registry();
    }

    Model parent(String name) {
      return w.newParent(name);
    }

    Model child(String name) {
      return w.newChild(name);
    }

    Model childOf(Model parent) {
      return w.child(parent).get();
    }

    Model parentOf(Model child) {
      return w.parent(child).get();
    }
  }

  // ---- S30 -------------------------------------------------------------------------------------

  /** S30: {@code p.child = c2} (was c1) clears c1.parent and sets c2.parent; {@code = null} too. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(OneToOneWiring.class)
  void s30_replacing_parent_child_unlinks_the_old_child(OneToOneWiring wiring) {
    Scene s = new Scene(wiring);
    Model p = s.parent("p");
    Model c1 = s.child("c1");
    Model c2 = s.child("c2");

    s.w.child(p).set(c1);
    assertThat(s.parentOf(c1)).isSameAs(p);

    s.w.child(p).set(c2);
    assertThat(s.parentOf(c1)).isNull();
    assertThat(s.parentOf(c2)).isSameAs(p);

    s.w.child(p).set(null);
    assertThat(s.parentOf(c2)).isNull();
    assertThat(s.w.child(p).isPresent()).isFalse();
  }

  /**
   * S30 from the other side: {@code c.parent = null} empties {@code p.child}; re-setting is a
   * no-op.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(OneToOneWiring.class)
  void s30_clearing_or_resetting_the_child_side(OneToOneWiring wiring) {
    Scene s = new Scene(wiring);
    Model p = s.parent("p");
    Model c = s.child("c");

    s.w.parent(c).set(p);
    assertThat(s.childOf(p)).isSameAs(c);
    s.w.parent(c).set(p);
    s.w.child(p).set(c);
    assertThat(s.childOf(p)).isSameAs(c);
    assertThat(s.parentOf(c)).isSameAs(p);

    s.w.parent(c).set(null);
    assertThat(s.childOf(p)).isNull();
    assertThat(s.parentOf(c)).isNull();
  }

  // ---- S31 -------------------------------------------------------------------------------------

  /**
   * S31 with improvement 4: {@code c3.parent = p} when {@code p.child} was c2. SQLAlchemy answers
   * {@code (c3, p, p)} for {@code (p.child, c2.parent, c3.parent)}: c2 keeps pointing at p, the
   * flush writes both keys and loading p.child warns "Multiple rows returned". Tether displaces c2.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(OneToOneWiring.class)
  void s31_stealing_through_the_child_displaces_the_old_child(OneToOneWiring wiring) {
    Scene s = new Scene(wiring);
    Model p = s.parent("p");
    Model c2 = s.child("c2");
    Model c3 = s.child("c3");

    s.w.child(p).set(c2);
    s.w.parent(c3).set(p);

    assertThat(s.childOf(p)).isSameAs(c3);
    assertThat(s.parentOf(c2)).isNull(); // SQLAlchemy: p
    assertThat(s.parentOf(c3)).isSameAs(p);
  }

  /**
   * S31, the other direction: {@code p2.child = c} when c belonged to p1. SQLAlchemy answers {@code
   * (c, c, p2)} for {@code (p1.child, p2.child, c.parent)}; Tether empties p1.child. Moving c back
   * with {@code c.parent = p1} then empties p2.child, as in SQLAlchemy.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(OneToOneWiring.class)
  void s31_stealing_through_the_parent_displaces_the_old_parent(OneToOneWiring wiring) {
    Scene s = new Scene(wiring);
    Model p1 = s.parent("p1");
    Model p2 = s.parent("p2");
    Model c = s.child("c");

    s.w.child(p1).set(c);
    s.w.child(p2).set(c);
    assertThat(s.childOf(p1)).isNull(); // SQLAlchemy: c
    assertThat(s.childOf(p2)).isSameAs(c);
    assertThat(s.parentOf(c)).isSameAs(p2);

    s.w.parent(c).set(p1);
    assertThat(s.childOf(p1)).isSameAs(c);
    assertThat(s.childOf(p2)).isNull();
    assertThat(s.parentOf(c)).isSameAs(p1);
  }

  /**
   * Improvement 4, "both old partners": {@code c.parent = p2} when c belonged to p1 and p2 had c2
   * clears p1.child (c's old partner, as SQLAlchemy does) and c2.parent (p2's old partner, which
   * SQLAlchemy leaves pointing at p2). The same from the parent side, {@code p2.child = c}.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(OneToOneWiring.class)
  void setting_either_side_displaces_both_old_partners(OneToOneWiring wiring) {
    Scene s = new Scene(wiring);
    Model p1 = s.parent("p1");
    Model p2 = s.parent("p2");
    Model c = s.child("c");
    Model c2 = s.child("c2");

    s.w.parent(c).set(p1);
    s.w.parent(c2).set(p2);
    s.w.parent(c).set(p2);
    assertThat(s.childOf(p1)).isNull();
    assertThat(s.parentOf(c2)).isNull();
    assertThat(s.childOf(p2)).isSameAs(c);
    assertThat(s.parentOf(c)).isSameAs(p2);

    s.w.parent(c2).set(p1);
    s.w.child(p1).set(c);
    assertThat(s.parentOf(c2)).isNull();
    assertThat(s.childOf(p2)).isNull();
    assertThat(s.childOf(p1)).isSameAs(c);
    assertThat(s.parentOf(c)).isSameAs(p1);
  }

  /**
   * SQLAlchemy's two bad states of S31 — two children whose parent is p, two parents whose child is
   * c — are unreachable: every sequence of up to three writes over two parents and two children,
   * through either side, ends with the references forming a one-to-one matching.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(OneToOneWiring.class)
  void no_sequence_of_writes_leaves_two_children_on_one_parent(OneToOneWiring wiring) {
    wiring.registry();
    // a write: (side, object index, partner index or -1 for null)
    List<int[]> writes = new java.util.ArrayList<>();
    for (int side = 0; side < 2; side++) {
      for (int i = 0; i < 2; i++) {
        for (int j = -1; j < 2; j++) {
          writes.add(new int[] {side, i, j});
        }
      }
    }
    int n = writes.size();
    int sequences = 0;
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        for (int c = 0; c < n; c++) {
          List<Model> ps = List.of(wiring.newParent("p0"), wiring.newParent("p1"));
          List<Model> cs = List.of(wiring.newChild("c0"), wiring.newChild("c1"));
          for (int[] w : List.of(writes.get(a), writes.get(b), writes.get(c))) {
            if (w[0] == 0) {
              wiring.parent(cs.get(w[1])).set(w[2] < 0 ? null : ps.get(w[2]));
            } else {
              wiring.child(ps.get(w[1])).set(w[2] < 0 ? null : cs.get(w[2]));
            }
          }
          for (Model p : ps) {
            long pointing = cs.stream().filter(x -> wiring.parent(x).get() == p).count();
            assertThat(pointing).as("children pointing at %s", p).isLessThanOrEqualTo(1);
            Model child = wiring.child(p).get();
            assertThat(child == null || wiring.parent(child).get() == p).isTrue();
          }
          for (Model x : cs) {
            long holding = ps.stream().filter(p -> wiring.child(p).get() == x).count();
            assertThat(holding).as("parents holding %s", x).isLessThanOrEqualTo(1);
            Model parent = wiring.parent(x).get();
            assertThat(parent == null || wiring.child(parent).get() == x).isTrue();
          }
          sequences++;
        }
      }
    }
    assertThat(sequences).isEqualTo(12 * 12 * 12);
  }

  // ---- S59 -------------------------------------------------------------------------------------

  /**
   * S59: SQLAlchemy needs {@code backref("child", uselist=False)}; Tether derives it from the key:
   * a backref declared on a {@code One} whose foreign key is {@code @Column(unique = true)} creates
   * a {@code One} reverse, the one-to-one "parent" side (direction one-to-many, as in SQLAlchemy).
   */
  @Test
  void s59_a_backref_over_a_unique_key_is_a_one() {
    Registry models = OneToOneBackref.registry();
    OneToOneBackref.Parent p = new OneToOneBackref.Parent("p");
    OneToOneBackref.Child c = new OneToOneBackref.Child("c");

    c.parent.set(p);
    assertThat(p.child().get()).isSameAs(c);
    assertThat((Object) p.related("child")).isInstanceOf(One.class).isNotInstanceOf(Many.class);

    RelationshipMapping child =
        RegistryInternals.metadata(models)
            .model(OneToOneBackref.Parent.class)
            .relationship("child");
    assertThat(child.isGenerated()).isTrue();
    assertThat(child.isCollection()).isFalse();
    assertThat(child.direction()).isEqualTo(Direction.ONE_TO_MANY);
    assertThat(child.reverse().name()).isEqualTo("parent");
  }

  /** S59's contrast (S07): the same backref over a key that is not unique creates a Many. */
  @Test
  void s59_a_backref_over_a_plain_key_is_a_many() {
    BackrefOnChild.registry();
    BackrefOnChild.Parent p = new BackrefOnChild.Parent("p");
    BackrefOnChild.Child c1 = new BackrefOnChild.Child("c1");
    BackrefOnChild.Child c2 = new BackrefOnChild.Child("c2");

    c1.parent.set(p);
    c2.parent.set(p);
    assertThat((Object) p.related("children")).isInstanceOf(Many.class);
    assertThat(p.children()).containsExactly(c1, c2);
  }

  /** S59 in its other form: written from the parent, {@code p.child().set(c)} sets c.parent. */
  @Test
  void s59_the_generated_one_syncs_both_ways() {
    OneToOneBackref.registry();
    OneToOneBackref.Parent p = new OneToOneBackref.Parent("p");
    OneToOneBackref.Child c1 = new OneToOneBackref.Child("c1");
    OneToOneBackref.Child c2 = new OneToOneBackref.Child("c2");

    p.child().set(c1);
    assertThat(c1.parent.get()).isSameAs(p);
    c2.parent.set(p);
    assertThat(p.child().get()).isSameAs(c2);
    assertThat(c1.parent.get()).isNull(); // improvement 4; SQLAlchemy: p
  }

  /** A one-to-one declared on the parent: {@code backref = "owner"} on a {@code One<Passport>}. */
  static final class BackrefOnParentOne {
    @Table("o2o_bp_person")
    public static class Person extends Model {
      @Id public Integer id;

      @Relationship(backref = "owner")
      public final One<Passport> passport = one();
    }

    @Table("o2o_bp_passport")
    public static class Passport extends Model {
      @Id public Integer id;

      @ForeignKey("o2o_bp_person.id")
      public Integer ownerId;
    }
  }

  /**
   * A backref on the one-to-one parent side (a {@code One} that follows the key on the target's
   * table) creates the many-to-one {@code One}, unique key or not; the two stay in sync.
   */
  @Test
  void a_backref_on_the_parent_one_creates_the_many_to_one() {
    Registry models = Registry.of(BackrefOnParentOne.Person.class);
    RelationshipMapping owner =
        RegistryInternals.metadata(models)
            .model(BackrefOnParentOne.Passport.class)
            .relationship("owner");
    assertThat(owner.isCollection()).isFalse();
    assertThat(owner.direction()).isEqualTo(Direction.MANY_TO_ONE);

    BackrefOnParentOne.Person ann = new BackrefOnParentOne.Person();
    BackrefOnParentOne.Person bob = new BackrefOnParentOne.Person();
    BackrefOnParentOne.Passport x = new BackrefOnParentOne.Passport();
    ann.passport.set(x);
    One<BackrefOnParentOne.Person> holder = x.related("owner");
    assertThat(holder.get()).isSameAs(ann);

    holder.set(bob);
    assertThat(bob.passport.get()).isSameAs(x);
    assertThat(ann.passport.get()).isNull();
  }

  // ---- self-referential one-to-one -------------------------------------------------------------

  /**
   * A self-referential one-to-one through a backref over a unique key: {@code next} holds the key
   * (many-to-one), the generated {@code previous} is its one-to-one reverse. Two {@code One<Link>}
   * fields naming each other with backPopulates are refused instead (see below).
   */
  static final class Chain {
    @Table("o2o_link")
    public static class Link extends Model {
      @Id public Integer id;
      public String name;

      @ForeignKey("o2o_link.id")
      @Column(unique = true)
      public Integer nextId;

      @Relationship(backref = "previous")
      public final One<Link> next = one();

      public Link() {}

      Link(String name) {
        this.name = name;
      }

      One<Link> previous() {
        return related("previous");
      }
    }

    /** The same table with two declared {@code One}s naming each other. */
    @Table("o2o_pair")
    public static class Pair extends Model {
      @Id public Integer id;

      @ForeignKey("o2o_pair.id")
      @Column(unique = true)
      public Integer partnerId;

      @Relationship(backPopulates = "partnerOf")
      public final One<Pair> partner = one();

      @Relationship(backPopulates = "partner")
      public final One<Pair> partnerOf = one();
    }
  }

  /**
   * The self-referential backref over a unique key works like any one-to-one, improvement 4
   * included: {@code c.next = b} when {@code a.next} was b clears a.next; a link may be its own
   * next.
   */
  @Test
  void self_referential_one_to_one_by_backref_displaces_both_partners() {
    Registry models = Registry.of(Chain.Link.class);
    RelationshipMapping previous =
        RegistryInternals.metadata(models).model(Chain.Link.class).relationship("previous");
    assertThat(previous.isCollection()).isFalse();
    assertThat(previous.direction()).isEqualTo(Direction.ONE_TO_MANY);

    Chain.Link a = new Chain.Link("a");
    Chain.Link b = new Chain.Link("b");
    Chain.Link c = new Chain.Link("c");
    a.next.set(b);
    b.next.set(c);
    assertThat(b.previous().get()).isSameAs(a);
    assertThat(c.previous().get()).isSameAs(b);

    c.next.set(b); // b's previous was a: a.next is displaced
    assertThat(a.next.get()).isNull();
    assertThat(b.previous().get()).isSameAs(c);
    assertThat(b.next.get()).isSameAs(c); // a two-link cycle, kept in memory
    assertThat(c.previous().get()).isSameAs(b);

    a.next.set(a);
    assertThat(a.previous().get()).isSameAs(a);
    a.previous().set(c); // a's own link to itself goes, and c leaves b
    assertThat(a.next.get()).isNull();
    assertThat(c.next.get()).isSameAs(a);
    assertThat(b.previous().get()).isNull();
    assertThat(b.next.get()).isSameAs(c);
  }

  /**
   * Two {@code One<Pair>} fields naming each other over a self-referential key are refused as
   * {@code same-direction}: on a table that references itself the field type gives the direction,
   * and {@code One} means many-to-one on both. The self-referential one-to-one is spelled with a
   * backref over a unique key (above).
   */
  @Test
  void self_referential_one_to_one_with_two_declared_ones_is_refused() {
    Throwable thrown = Assertions.catchThrowable(() -> Registry.of(Chain.Pair.class));
    assertThat(thrown).isInstanceOf(MappingException.class);
    MappingException e = (MappingException) thrown;
    assertThat(e.code()).isEqualTo("same-direction");
    assertThat(e.getMessage()).startsWith("Pair.partner and Pair.partnerOf name each other");
  }
}
