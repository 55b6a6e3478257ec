package dev.tether.mapping;

import static dev.tether.mapping.MappingFailures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Test;

/** The registry as a whole: which classes it maps, caching, warnings, and all-or-nothing. */
class ConfiguratorTest {

  static final class Chain {
    @Table("cf_ch_customer")
    public static class Customer extends Model {
      @Id public Integer id;

      @Relationship(backPopulates = "customer")
      public final Many<Order> orders = many();
    }

    @Table("cf_ch_order")
    public static class Order extends Model {
      @Id public Integer id;

      @ForeignKey("cf_ch_customer.id")
      public Integer customerId;

      @Relationship(backPopulates = "orders")
      public final One<Customer> customer = one();

      @Relationship(backref = "order")
      public final Many<Line> lines = many();
    }

    @Table("cf_ch_line")
    public static class Line extends Model {
      @Id public Integer id;

      @ForeignKey("cf_ch_order.id")
      public Integer orderId;
    }
  }

  @Test
  void classesReachableThroughRelationshipsAreIncluded() {
    Registry r = Registry.of(Chain.Customer.class);
    assertThat(r.contains(Chain.Order.class)).isTrue();
    assertThat(r.contains(Chain.Line.class)).isTrue();
    assertThat(RegistryInternals.metadata(r).models())
        .extracting(ModelMapping::type)
        .containsExactly(Chain.Customer.class, Chain.Order.class, Chain.Line.class);
    assertThat(RegistryInternals.metadata(r).tablesInDependencyOrder())
        .extracting(TableMapping::name)
        .containsExactly("cf_ch_customer", "cf_ch_order", "cf_ch_line");
  }

  @Test
  void theSameClassesGiveTheSameMetadata() {
    Metadata first = RegistryInternals.metadata(Registry.of(Chain.Customer.class));
    assertThat(RegistryInternals.metadata(Registry.of(Chain.Customer.class))).isSameAs(first);
    assertThat(
            RegistryInternals.metadata(
                Registry.of(Chain.Line.class, Chain.Order.class, Chain.Customer.class)))
        .as("same classes in another order, or reached differently")
        .isSameAs(first);
    assertThat(Mappings.of(Chain.Order.class)).isSameAs(first.model(Chain.Order.class));
  }

  static final class Unlinked {
    @Table("cf_ul_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship public final Many<Child> children = many();
    }

    @Table("cf_ul_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("cf_ul_parent.id")
      public Integer parentId;

      @Relationship public final One<Parent> parent = one();
    }
  }

  @Test
  void twoUnlinkedRelationshipsOverOneKeyAreAWarning() { // S19
    Metadata m = RegistryInternals.metadata(Registry.of(Unlinked.Parent.class));
    assertThat(m.warnings())
        .containsExactly(
            "Parent.children and Child.parent both write Child.parentId "
                + "(cf_ul_child.parent_id → cf_ul_parent.id) but are not linked: a change made"
                + " through one is not seen by the other in memory, and the two may write"
                + " different values at flush. Link them with @Relationship(backPopulates ="
                + " \"parent\") on Parent.children and @Relationship(backPopulates ="
                + " \"children\") on Child.parent, or mark one viewOnly = true if it is only"
                + " read.");
  }

  static final class TwoCollections {
    @Table("cf_tc_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship public final Many<Child> children = many();

      @Relationship public final Many<Child> favourites = many();
    }

    @Table("cf_tc_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("cf_tc_parent.id")
      public Integer parentId;
    }
  }

  @Test
  void twoCollectionsOverOneKeyAreAWarningThatCannotSuggestAPair() {
    Metadata m = RegistryInternals.metadata(Registry.of(TwoCollections.Parent.class));
    assertThat(m.warnings()).hasSize(1);
    assertThat(m.warnings().get(0))
        .startsWith("Parent.children and Parent.favourites both write Child.parentId")
        .endsWith("Mark one of them viewOnly = true if it is only read.");
  }

  static final class ViewOnly {
    @Table("cf_vo_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(viewOnly = true)
      public final Many<Child> children = many();
    }

    @Table("cf_vo_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("cf_vo_parent.id")
      public Integer parentId;

      @Relationship public final One<Parent> parent = one();
    }
  }

  @Test
  void aViewOnlySideSilencesTheWarning() {
    assertThat(RegistryInternals.metadata(Registry.of(ViewOnly.Parent.class)).warnings()).isEmpty();
  }

  @Test
  void linkedPairsAndBackrefsGiveNoWarning() {
    assertThat(RegistryInternals.metadata(Registry.of(Chain.Customer.class)).warnings()).isEmpty();
  }

  static final class FailsLate {
    @Table("cf_fl_parent")
    public static class Parent extends Model {
      @Id public Integer id;

      @Relationship(backref = "parent", cascade = "save-update, bogus")
      public final Many<Child> children = many();
    }

    @Table("cf_fl_child")
    public static class Child extends Model {
      @Id public Integer id;

      @ForeignKey("cf_fl_parent.id")
      public Integer parentId;
    }
  }

  @Test
  void aFailedConfigurationPublishesNothing() {
    // the backref is created in phase 4; the cascade fails in phase 6
    assertThat(failure(FailsLate.Parent.class).code()).isEqualTo("cascade-unknown");
    assertThat(Mappings.of(FailsLate.Parent.class)).isNull();
    assertThat(Mappings.of(FailsLate.Child.class)).isNull();
    FailsLate.Child child = new FailsLate.Child();
    assertThatThrownBy(() -> child.related("parent"))
        .isInstanceOf(MappingException.class)
        .hasMessage(
            "Child is not mapped: pass it to Registry.of(...) before using its relationships"
                + " (if Registry.of threw a MappingException for it, fix that mistake first).");
    assertThat(failure(FailsLate.Parent.class).code())
        .as("a failure is not cached as a success")
        .isEqualTo("cascade-unknown");
  }

  static final class Shared {
    @Table("cf_sh_tag")
    public static class Tag extends Model {
      @Id public Integer id;
    }

    @Table("cf_sh_bad")
    public static class Bad extends Model {
      @Id public Integer id;

      @ForeignKey("cf_sh_tag.id")
      public Integer tagId;

      @Relationship(backPopulates = "nothing")
      public final One<Tag> tag = one();
    }
  }

  @Test
  void aFailedConfigurationKeepsTheEarlierMappingOfSharedClasses() {
    Metadata good = RegistryInternals.metadata(Registry.of(Shared.Tag.class));
    assertThat(failure(Shared.Tag.class, Shared.Bad.class).code())
        .isEqualTo("backpopulates-missing");
    assertThat(Mappings.of(Shared.Tag.class)).isSameAs(good.model(Shared.Tag.class));
    assertThat(Mappings.of(Shared.Bad.class)).isNull();
  }
}
