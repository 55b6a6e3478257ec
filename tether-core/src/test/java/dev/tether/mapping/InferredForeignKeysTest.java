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
import dev.tether.fixtures.Favorites;
import org.junit.jupiter.api.Test;

/**
 * Foreign keys in both directions between two tables (issue 13, item 7): when the field types and
 * the pairing leave one key, {@code Registry.of} follows it without {@code foreignKeys}; when two
 * keys remain, it still asks, listing only those two. SQLAlchemy asks in every case here.
 */
class InferredForeignKeysTest {

  /** The model: a favourite address key on users, the pair over address.user_id. */
  static final class Pair {
    @Table("ik_pa_users")
    public static class User extends Model {
      @Id public Integer id;

      @ForeignKey("ik_pa_address.id")
      public Integer favoriteAddressId;

      @Relationship(backPopulates = "user")
      public final Many<Address> addresses = many();
    }

    @Table("ik_pa_address")
    public static class Address extends Model {
      @Id public Integer id;

      @ForeignKey("ik_pa_users.id")
      public Integer userId;

      @Relationship(backPopulates = "addresses")
      public final One<User> user = one();
    }
  }

  @Test
  void aOnePairedWithAManyFollowsTheKeyOnItsOwnTable() {
    Metadata m = RegistryInternals.metadata(Registry.of(Pair.Address.class));
    RelationshipMapping user = m.model(Pair.Address.class).relationship("user");
    RelationshipMapping addresses = m.model(Pair.User.class).relationship("addresses");
    ColumnMapping userId = m.model(Pair.Address.class).columnByField("userId");
    assertThat(user.foreignKey()).isSameAs(userId);
    assertThat(user.direction()).isEqualTo(Direction.MANY_TO_ONE);
    assertThat(addresses.foreignKey()).isSameAs(userId);
    assertThat(addresses.direction()).isEqualTo(Direction.ONE_TO_MANY);
    assertThat(user.reverse()).isSameAs(addresses);
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void twoPairsOverKeysBothWaysNeedNoForeignKeys() {
    Metadata m = RegistryInternals.metadata(Favorites.registry());
    ModelMapping user = m.model(Favorites.User.class);
    ModelMapping address = m.model(Favorites.Address.class);
    ColumnMapping userId = address.columnByField("userId");
    ColumnMapping favoriteAddressId = user.columnByField("favoriteAddressId");
    assertThat(user.relationship("addresses").foreignKey()).isSameAs(userId);
    assertThat(address.relationship("user").foreignKey()).isSameAs(userId);
    assertThat(user.relationship("favoriteAddress").foreignKey()).isSameAs(favoriteAddressId);
    assertThat(user.relationship("favoriteAddress").direction()).isEqualTo(Direction.MANY_TO_ONE);
    assertThat(address.relationship("favoredBy").foreignKey()).isSameAs(favoriteAddressId);
    assertThat(address.relationship("favoredBy").direction()).isEqualTo(Direction.ONE_TO_MANY);
    assertThat(m.warnings()).isEmpty();
  }

  /** A Many with no back side: its type alone fixes the direction (it never asked). */
  static final class ManyAlone {
    @Table("ik_ma_users")
    public static class User extends Model {
      @Id public Integer id;

      @ForeignKey("ik_ma_address.id")
      public Integer favoriteAddressId;

      @Relationship public final Many<Address> addresses = many();
    }

    @Table("ik_ma_address")
    public static class Address extends Model {
      @Id public Integer id;

      @ForeignKey("ik_ma_users.id")
      public Integer userId;
    }
  }

  @Test
  void aManyWithoutABackSideFollowsTheKeyOnItsTarget() {
    Metadata m = RegistryInternals.metadata(Registry.of(ManyAlone.User.class));
    RelationshipMapping addresses = m.model(ManyAlone.User.class).relationship("addresses");
    assertThat(addresses.foreignKey())
        .isSameAs(m.model(ManyAlone.Address.class).columnByField("userId"));
  }

  /** A backref declared on the Many: the declared side's type fixes the key for both. */
  static final class BackrefFromMany {
    @Table("ik_bm_users")
    public static class User extends Model {
      @Id public Integer id;

      @ForeignKey("ik_bm_address.id")
      public Integer favoriteAddressId;

      @Relationship(backref = "user")
      public final Many<Address> addresses = many();
    }

    @Table("ik_bm_address")
    public static class Address extends Model {
      @Id public Integer id;

      @ForeignKey("ik_bm_users.id")
      public Integer userId;
    }
  }

  @Test
  void aBackrefFromAManyFollowsTheKeyTheManyFixes() {
    Metadata m = RegistryInternals.metadata(Registry.of(BackrefFromMany.User.class));
    RelationshipMapping user = m.model(BackrefFromMany.Address.class).relationship("user");
    assertThat(user.isCollection()).isFalse();
    assertThat(user.direction()).isEqualTo(Direction.MANY_TO_ONE);
    assertThat(user.foreignKey())
        .isSameAs(m.model(BackrefFromMany.Address.class).columnByField("userId"));
  }

  /** The Many names the key on one side only; the One follows it (already supported). */
  static final class ChosenOnTheMany {
    @Table("ik_cm_users")
    public static class User extends Model {
      @Id public Integer id;

      @ForeignKey("ik_cm_address.id")
      public Integer favoriteAddressId;

      @Relationship(backPopulates = "user", foreignKeys = "userId")
      public final Many<Address> addresses = many();
    }

    @Table("ik_cm_address")
    public static class Address extends Model {
      @Id public Integer id;

      @ForeignKey("ik_cm_users.id")
      public Integer userId;

      @Relationship(backPopulates = "addresses")
      public final One<User> user = one();
    }
  }

  @Test
  void foreignKeysOnOneSideStillDecides() {
    Metadata m = RegistryInternals.metadata(Registry.of(ChosenOnTheMany.Address.class));
    assertThat(m.model(ChosenOnTheMany.Address.class).relationship("user").foreignKey())
        .isSameAs(m.model(ChosenOnTheMany.Address.class).columnByField("userId"));
  }

  // ---- real ambiguity: the error stays, listing the keys that remain ------------------------

  /** A One with no back side may be a many-to-one or the parent side of a one-to-one. */
  static final class OneAlone {
    @Table("ik_oa_users")
    public static class User extends Model {
      @Id public Integer id;

      @ForeignKey("ik_oa_address.id")
      public Integer favoriteAddressId;

      @Relationship public final One<Address> favoriteAddress = one();
    }

    @Table("ik_oa_address")
    public static class Address extends Model {
      @Id public Integer id;

      @ForeignKey("ik_oa_users.id")
      public Integer userId;
    }
  }

  @Test
  void aOneWithoutAManyPartnerStillAsks() {
    assertRefused(
        "ambiguous-foreign-keys",
        "User.favoriteAddress: several foreign keys link User and Address: "
            + "User.favoriteAddressId (ik_oa_users.favorite_address_id → ik_oa_address.id), "
            + "Address.userId (ik_oa_address.user_id → ik_oa_users.id). A One may follow a key"
            + " on its own table (many-to-one) or on Address's (one-to-one), so the field types"
            + " do not choose. Name the one this relationship follows in its @Relationship:"
            + " foreignKeys = \"favoriteAddressId\" or foreignKeys = \"userId\". On a"
            + " backPopulates pair, one side is enough; the other follows the same key.",
        OneAlone.User.class);
  }

  /** Two One sides: a one-to-one either way, so the direction is genuinely open. */
  static final class OneToOneBothWays {
    @Table("ik_oo_users")
    public static class User extends Model {
      @Id public Integer id;

      @ForeignKey("ik_oo_address.id")
      public Integer favoriteAddressId;

      @Relationship(backPopulates = "user")
      public final One<Address> address = one();
    }

    @Table("ik_oo_address")
    public static class Address extends Model {
      @Id public Integer id;

      @ForeignKey("ik_oo_users.id")
      public Integer userId;

      @Relationship(backPopulates = "address")
      public final One<User> user = one();
    }
  }

  @Test
  void aOneToOnePairWithKeysBothWaysStillAsks() {
    assertRefused(
        "ambiguous-foreign-keys",
        "User.address: several foreign keys link User and Address: "
            + "User.favoriteAddressId (ik_oo_users.favorite_address_id → ik_oo_address.id), "
            + "Address.userId (ik_oo_address.user_id → ik_oo_users.id). A One may follow a key"
            + " on its own table (many-to-one) or on Address's (one-to-one), so the field types"
            + " do not choose. Name the one this relationship follows in its @Relationship:"
            + " foreignKeys = \"favoriteAddressId\" or foreignKeys = \"userId\". On a"
            + " backPopulates pair, one side is enough; the other follows the same key.",
        OneToOneBothWays.User.class);
  }

  /** A backref declared on the One: a generated side has no type of its own to decide with. */
  static final class BackrefFromOne {
    @Table("ik_bo_users")
    public static class User extends Model {
      @Id public Integer id;

      @ForeignKey("ik_bo_address.id")
      public Integer favoriteAddressId;
    }

    @Table("ik_bo_address")
    public static class Address extends Model {
      @Id public Integer id;

      @ForeignKey("ik_bo_users.id")
      public Integer userId;

      @Relationship(backref = "addresses")
      public final One<User> user = one();
    }
  }

  @Test
  void aBackrefFromAOneStillAsks() {
    assertRefused(
        "ambiguous-foreign-keys",
        "Address.user: several foreign keys link Address and User: "
            + "Address.userId (ik_bo_address.user_id → ik_bo_users.id), "
            + "User.favoriteAddressId (ik_bo_users.favorite_address_id → ik_bo_address.id)."
            + " A One may follow a key on its own table (many-to-one) or on User's"
            + " (one-to-one), so the field types do not choose. Name the one this relationship"
            + " follows in its @Relationship: foreignKeys = \"userId\" or foreignKeys ="
            + " \"favoriteAddressId\". On a backPopulates pair, one side is enough; the other"
            + " follows the same key.",
        BackrefFromOne.Address.class);
  }

  /** Two keys from Address to users: the Many removes the favourite key, two remain. */
  static final class TwoKeysBack {
    @Table("ik_tk_users")
    public static class User extends Model {
      @Id public Integer id;

      @ForeignKey("ik_tk_address.id")
      public Integer favoriteAddressId;

      @Relationship(backPopulates = "user")
      public final Many<Address> addresses = many();
    }

    @Table("ik_tk_address")
    public static class Address extends Model {
      @Id public Integer id;

      @ForeignKey("ik_tk_users.id")
      public Integer userId;

      @ForeignKey("ik_tk_users.id")
      public Integer verifiedById;

      @Relationship(backPopulates = "addresses")
      public final One<User> user = one();
    }
  }

  @Test
  void twoKeysOnTheManySideStillAskListingOnlyThose() {
    // the One side is configured first here: its Many partner removes the favourite key too
    assertRefused(
        "ambiguous-foreign-keys",
        "Address.user: several foreign keys link Address and User: "
            + "Address.userId (ik_tk_address.user_id → ik_tk_users.id), "
            + "Address.verifiedById (ik_tk_address.verified_by_id → ik_tk_users.id). Name the"
            + " one this relationship follows in its @Relationship: foreignKeys = \"userId\" or"
            + " foreignKeys = \"verifiedById\". On a backPopulates pair, one side is enough; the"
            + " other follows the same key.",
        TwoKeysBack.Address.class);
    assertRefused(
        "ambiguous-foreign-keys",
        "User.addresses: several foreign keys link User and Address: "
            + "Address.userId (ik_tk_address.user_id → ik_tk_users.id), "
            + "Address.verifiedById (ik_tk_address.verified_by_id → ik_tk_users.id). Name the"
            + " one this relationship follows in its @Relationship: foreignKeys = \"userId\" or"
            + " foreignKeys = \"verifiedById\". On a backPopulates pair, one side is enough; the"
            + " other follows the same key.",
        TwoKeysBack.User.class);
  }

  /** Rows of one table with two keys to it: the types fix each path's direction, not the key. */
  static final class SelfTwoKeys {
    @Table("ik_st_node")
    public static class Node extends Model {
      @Id public Integer id;

      @ForeignKey("ik_st_node.id")
      public Integer parentId;

      @ForeignKey("ik_st_node.id")
      public Integer previousId;

      @Relationship(backPopulates = "parent")
      public final Many<Node> children = many();

      @Relationship(backPopulates = "children")
      public final One<Node> parent = one();
    }
  }

  @Test
  void aSelfReferentialPairOverTwoKeysStillAsks() {
    assertRefused(
        "ambiguous-foreign-keys",
        "Node.children: several foreign keys link Node and Node: "
            + "Node.parentId (ik_st_node.parent_id → ik_st_node.id), "
            + "Node.previousId (ik_st_node.previous_id → ik_st_node.id). Name the one this"
            + " relationship follows in its @Relationship: foreignKeys = \"parentId\" or"
            + " foreignKeys = \"previousId\". On a backPopulates pair, one side is enough; the"
            + " other follows the same key.",
        SelfTwoKeys.Node.class);
  }

  static final class SelfTwoKeysChosen {
    @Table("ik_sc_node")
    public static class Node extends Model {
      @Id public Integer id;

      @ForeignKey("ik_sc_node.id")
      public Integer parentId;

      @ForeignKey("ik_sc_node.id")
      public Integer previousId;

      @Relationship(backPopulates = "parent")
      public final Many<Node> children = many();

      @Relationship(backPopulates = "children", foreignKeys = "parentId")
      public final One<Node> parent = one();
    }
  }

  @Test
  void aSelfReferentialPairOverTwoKeysTakesForeignKeysFromOneSide() {
    ModelMapping node =
        RegistryInternals.metadata(Registry.of(SelfTwoKeysChosen.Node.class))
            .model(SelfTwoKeysChosen.Node.class);
    ColumnMapping parentId = node.columnByField("parentId");
    assertThat(node.relationship("children").foreignKey()).isSameAs(parentId);
    assertThat(node.relationship("children").direction()).isEqualTo(Direction.ONE_TO_MANY);
    assertThat(node.relationship("parent").foreignKey()).isSameAs(parentId);
    assertThat(node.relationship("parent").direction()).isEqualTo(Direction.MANY_TO_ONE);
  }
}
