package dev.tether.mapping;

import static dev.tether.mapping.MappingFailures.assertRefused;
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
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code lazy} and {@code orderBy}: read at configuration, so a typo fails at Registry.of. */
class LoadingOptionsTest {

  static final class Options {
    @Table("lo_op_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "parent", lazy = "selectin", orderBy = "position desc, id")
      public final Many<Child> children = many();

      @Relationship(backref = "owner", lazy = "joined", orderBy = "created_at")
      public final Many<Event> events = many();
    }

    @Table("lo_op_child")
    public static class Child extends Model {
      @Id public Integer id;
      public Integer position;

      @ForeignKey("lo_op_parent.id")
      public Integer parentId;

      @Relationship(backPopulates = "children", lazy = "RAISE")
      public final One<Parent> parent = one();
    }

    @Table("lo_op_event")
    public static class Event extends Model {
      @Id public Long id;
      public Instant createdAt;

      @ForeignKey("lo_op_parent.id")
      public Integer ownerId;
    }
  }

  @Test
  void lazyAndOrderByAreParsed() {
    Metadata m = RegistryInternals.metadata(Registry.of(Options.Parent.class));
    ModelMapping parent = m.model(Options.Parent.class);
    ModelMapping child = m.model(Options.Child.class);
    ModelMapping event = m.model(Options.Event.class);

    RelationshipMapping children = parent.relationship("children");
    assertThat(children.loading()).isEqualTo(Loading.SELECTIN);
    assertThat(children.ordering())
        .containsExactly(
            new RelationshipMapping.Ordering(child.columnByField("position"), true),
            new RelationshipMapping.Ordering(child.id(), false));
    assertThat(child.relationship("parent").loading()).isEqualTo(Loading.RAISE);
    assertThat(child.relationship("parent").ordering()).isEmpty();

    RelationshipMapping events = parent.relationship("events");
    assertThat(events.loading()).isEqualTo(Loading.JOINED);
    assertThat(events.ordering())
        .containsExactly(new RelationshipMapping.Ordering(event.columnByField("createdAt"), false));
    assertThat(event.relationship("owner").loading())
        .as("a backref loads lazily by default")
        .isEqualTo(Loading.SELECT);
  }

  static final class UnknownLazy {
    @Table("lo_ul_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(lazy = "selectinn")
      public final Many<Child> children = many();
    }

    @Table("lo_ul_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("lo_ul_parent.id")
      public Integer parentId;
    }
  }

  @Test
  void unknownLazyWord() {
    assertRefused(
        "lazy-unknown",
        "Parent.children: lazy = \"selectinn\" is not a loading strategy. Did "
            + "you mean 'selectin'? Write one of: select, selectin, joined, raise, "
            + "noload, write_only.",
        UnknownLazy.Parent.class);
  }

  static final class WriteOnlyOne {
    @Table("lo_wo_parent")
    public static class Parent extends Model {
      @Id public Integer id;
    }

    @Table("lo_wo_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("lo_wo_parent.id")
      public Integer parentId;

      @Relationship(lazy = "write_only")
      public final One<Parent> parent = one();
    }
  }

  @Test
  void writeOnlyOnAOne() {
    assertRefused(
        "lazy-write-only-one",
        "Child.parent: lazy = \"write_only\" applies to collections only (a "
            + "Many); a One holds a single object. Use lazy = \"select\" or \"raise\" "
            + "here.",
        WriteOnlyOne.Child.class);
  }

  static final class UnknownOrder {
    @Table("lo_uo_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(orderBy = "postion")
      public final Many<Child> children = many();
    }

    @Table("lo_uo_child")
    public static class Child extends Model {
      @Id public Integer id;
      public Integer position;

      @ForeignKey("lo_uo_parent.id")
      public Integer parentId;
    }
  }

  @Test
  void orderByNamingAnUnknownField() {
    assertRefused(
        "order-by-unknown",
        "Parent.children: orderBy = \"postion\" names 'postion', which is not a "
            + "column field of Child. Did you mean 'position'? Child's column "
            + "fields: id, position, parentId.",
        UnknownOrder.Parent.class);
  }

  static final class BadOrder {
    @Table("lo_bo_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(orderBy = "position descending")
      public final Many<Child> children = many();
    }

    @Table("lo_bo_child")
    public static class Child extends Model {
      @Id public Integer id;
      public Integer position;

      @ForeignKey("lo_bo_parent.id")
      public Integer parentId;
    }
  }

  @Test
  void orderByThatCannotBeRead() {
    assertRefused(
        "order-by-syntax",
        "Parent.children: orderBy = \"position descending\" cannot be read at "
            + "'position descending'. Write field names of Child, each optionally "
            + "followed by asc or desc, separated by commas: e.g. orderBy = "
            + "\"position\" or orderBy = \"createdAt desc, id\".",
        BadOrder.Parent.class);
  }

  static final class WriteOnly {
    @Table("lo_wo_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(lazy = "write_only")
      public final Many<Child> children = many();
    }

    @Table("lo_wo_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("lo_wo_parent.id")
      public Integer parentId;
    }
  }

  /** Accepted on a collection (its behaviour: {@code dev.tether.query.WriteOnlyTest}). */
  @Test
  void writeOnlyIsAcceptedOnACollection() {
    Metadata m =
        RegistryInternals.metadata(Registry.of(WriteOnly.Parent.class, WriteOnly.Child.class));
    assertThat(m.model(WriteOnly.Parent.class).relationship("children").loading())
        .isEqualTo(Loading.WRITE_ONLY);
  }

  static class OrderedOne {
    @Table("lo_oo_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "parent")
      public final Many<Child> children = many();
    }

    @Table("lo_oo_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("lo_oo_parent.id")
      public Integer parentId;

      @Relationship(backPopulates = "children", orderBy = "id")
      public final One<Parent> parent = one();
    }
  }

  /** Found by MalformedModelsTest: orderBy on a One used to be accepted and ignored. */
  @Test
  void orderByOnAOneIsRefused() {
    MappingFailures.assertRefused(
        "order-by-on-one",
        "Child.parent: orderBy = \"id\" orders a collection, but this is a One, which holds one"
            + " object; it would be ignored. Remove orderBy here, or put it on the Many side of the"
            + " relationship.",
        OrderedOne.Parent.class,
        OrderedOne.Child.class);
  }
}
