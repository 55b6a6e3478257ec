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
import dev.tether.fixtures.OneToManyWiring;
import dev.tether.mapping.Cascade;
import dev.tether.mapping.Loading;
import dev.tether.mapping.Metadata;
import dev.tether.mapping.RelationshipMapping;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The miscellaneous edge cases of the catalogue that concern memory: S57 ({@code
 * collection_class=set}) and S58 (what a generated backref inherits).
 */
class MiscellaneousScenarioTest {

  // ---- S57 -------------------------------------------------------------------------------------

  /**
   * S57: SQLAlchemy needs {@code collection_class=set} to collapse duplicates, and then loses the
   * order and refuses a list ("Incompatible collection type: list is not set-like"). Tether's
   * {@code Many} is already an ordered set (DESIGN §2.1), so there is nothing to choose: the second
   * add is a no-op, insertion order is kept, and the transcript's {@code discard} and {@code
   * p.children = {c}} are {@code remove} and {@code retainAll} + {@code addAll} with any
   * collection.
   */
  @EachBidirectionalWiring
  void s57_every_many_is_already_an_ordered_set(OneToManyWiring wiring) {
    wiring.registry();
    Model p = wiring.newParent("p");
    Model c = wiring.newChild("c");
    Model c2 = wiring.newChild("c2");
    Many<Model> children = wiring.children(p);

    children.add(c);
    children.add(c);
    assertThat(children).containsExactly(c);

    wiring.parent(c2).set(p);
    assertThat(children).containsExactly(c, c2); // in insertion order, unlike a Python set

    children.remove(c); // discard
    assertThat(wiring.parent(c).get()).isNull();

    children.add(0, c);
    List<Model> replacement = List.of(c); // p.children = {c}, or [c]: any collection will do
    children.retainAll(replacement);
    children.addAll(replacement);
    assertThat(children).containsExactly(c);
    assertThat(wiring.parent(c2).get()).isNull();
    assertThat(wiring.parent(c).get()).isSameAs(p);
  }

  // ---- S58 -------------------------------------------------------------------------------------

  /**
   * S58's declaring side: {@code cascade = "all"} and {@code lazy = "joined"}, and a backref.
   * Tether has no {@code backref(...)} arguments; a reverse that needs its own options is declared
   * with {@code backPopulates}.
   */
  static final class Options {
    @Table("s58_parent")
    public static class Parent extends Model {
      @Id public Integer id;
      public String name;
    }

    @Table("s58_child")
    public static class Child extends Model {
      @Id public Integer id;
      public String name;

      @ForeignKey("s58_parent.id")
      public Integer parentId;

      @Relationship(backref = "children", cascade = "all", lazy = "joined")
      public final One<Parent> parent = one();
    }
  }

  /**
   * S58: the generated side does not inherit the declaring side's cascade, lazy or order: it takes
   * the defaults ({@code "save-update, merge"}, lazy select, no order), as in SQLAlchemy without
   * {@code backref()} arguments.
   */
  @Test
  void s58_a_generated_backref_takes_the_default_cascade() {
    Metadata m = RegistryInternals.metadata(Registry.of(Options.Child.class));
    RelationshipMapping parent = m.model(Options.Child.class).relationship("parent");
    RelationshipMapping children = m.model(Options.Parent.class).relationship("children");

    assertThat(parent.cascade())
        .isEqualTo(
            EnumSet.of(
                Cascade.SAVE_UPDATE,
                Cascade.MERGE,
                Cascade.DELETE,
                Cascade.EXPUNGE,
                Cascade.REFRESH_EXPIRE));
    assertThat(parent.loading()).isEqualTo(Loading.JOINED);

    assertThat(children.isGenerated()).isTrue();
    assertThat(children.cascade()).isEqualTo(EnumSet.of(Cascade.SAVE_UPDATE, Cascade.MERGE));
    assertThat(children.loading()).isEqualTo(Loading.SELECT);
    assertThat(children.ordering()).isEmpty();
    assertThat(children.orderBy()).isEmpty();
  }

  /** S58's other half: a read-only declaration with two keys to choose from. */
  static final class Inherited {
    @Table("s58i_account")
    public static class Account extends Model {
      @Id public Integer id;
    }

    @Table("s58i_message")
    public static class Message extends Model {
      @Id public Integer id;

      @ForeignKey("s58i_account.id")
      public Integer senderId;

      @ForeignKey("s58i_account.id")
      public Integer recipientId;

      @Relationship(backref = "received", foreignKeys = "recipientId", viewOnly = true)
      public final One<Account> recipient = one();
    }
  }

  /**
   * S58: what the generated side does inherit is the join — the same foreign key ({@code
   * foreignKeys}) — and {@code viewOnly}, as in SQLAlchemy.
   */
  @Test
  void s58_a_generated_backref_inherits_the_key_and_view_only() {
    Metadata m = RegistryInternals.metadata(Registry.of(Inherited.Message.class));
    RelationshipMapping recipient = m.model(Inherited.Message.class).relationship("recipient");
    RelationshipMapping received = m.model(Inherited.Account.class).relationship("received");

    assertThat(received.foreignKey()).isSameAs(recipient.foreignKey());
    assertThat(received.foreignKey().fieldName()).isEqualTo("recipientId");
    assertThat(received.viewOnly()).isTrue();
    assertThat(received.cascade()).isEqualTo(EnumSet.of(Cascade.SAVE_UPDATE, Cascade.MERGE));
  }

  /**
   * DESIGN: a viewOnly relationship is never synced, even when two viewOnly sides name each other.
   */
  @dev.tether.Table("vo_parent")
  public static class ViewParent extends dev.tether.Model {
    @dev.tether.Id public Integer id;

    @dev.tether.Relationship(backPopulates = "parent", viewOnly = true)
    public final dev.tether.Many<ViewChild> children = many();
  }

  @dev.tether.Table("vo_child")
  public static class ViewChild extends dev.tether.Model {
    @dev.tether.Id public Integer id;

    @dev.tether.ForeignKey("vo_parent.id")
    public Integer parentId;

    @dev.tether.Relationship(backPopulates = "children", viewOnly = true)
    public final dev.tether.One<ViewParent> parent = one();
  }

  @org.junit.jupiter.api.Test
  void viewOnlySidesAreNeverSynced() {
    dev.tether.Registry.of(ViewParent.class, ViewChild.class);
    ViewParent p = new ViewParent();
    ViewChild c = new ViewChild();
    c.parent.set(p);
    org.assertj.core.api.Assertions.assertThat(p.children).isEmpty();
    p.children.add(c);
    ViewChild d = new ViewChild();
    p.children.add(d);
    org.assertj.core.api.Assertions.assertThat(d.parent.get()).isNull();
  }
}
