package dev.tether.processor;

import static dev.tether.processor.DiagnosticsTest.assertReported;
import static dev.tether.processor.DiagnosticsTest.assertSameAtRunTime;
import static dev.tether.processor.DiagnosticsTest.model;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.mapping.Configurator;
import dev.tether.mapping.ModelMapping;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Foreign keys in both directions between two tables, at compile time: where the field types leave
 * one key the processor reports nothing and {@code Registry.of} follows that key; where several
 * remain, javac reports the same {@code ambiguous-foreign-keys} text {@code Registry.of} throws,
 * once per backPopulates pair.
 */
class JoinDiagnosticsTest {
  static final String USER_KEY = "@ForeignKey(\"address.id\") public Integer favoriteAddressId;\n";
  static final String ADDRESS_KEY = "@ForeignKey(\"users.id\") public Integer userId;\n";

  static String user(String members) {
    return model("User", "users", USER_KEY + members);
  }

  static String address(String members) {
    return model("Address", "address", ADDRESS_KEY + members);
  }

  /** The field that {@code relationship} of compiled model {@code type} follows. */
  static String keyOf(Map<String, Class<?>> models, String type, String relationship) {
    ModelMapping m = Configurator.configure(List.copyOf(models.values())).model(models.get(type));
    return m.relationship(relationship).foreignKey().fieldName();
  }

  @Test
  void pairsWithAManySideCompileAndFollowTheKeyTheManyFixes() {
    String user =
        user(
            "@Relationship(backPopulates = \"user\")\n"
                + "public final Many<Address> addresses = many();\n"
                + "@Relationship(backPopulates = \"favoredBy\")\n"
                + "public final One<Address> favoriteAddress = one();\n");
    String address =
        address(
            "@Relationship(backPopulates = \"addresses\")\n"
                + "public final One<User> user = one();\n"
                + "@Relationship(backPopulates = \"favoriteAddress\")\n"
                + "public final Many<User> favoredBy = many();\n");
    Compilation c = Compilation.of(user, address);
    assertThat(c.problems()).isEmpty();
    Map<String, Class<?>> models = c.configured("shop.User", "shop.Address");
    assertThat(keyOf(models, "shop.Address", "user")).isEqualTo("userId");
    assertThat(keyOf(models, "shop.User", "addresses")).isEqualTo("userId");
    assertThat(keyOf(models, "shop.User", "favoriteAddress")).isEqualTo("favoriteAddressId");
    assertThat(keyOf(models, "shop.Address", "favoredBy")).isEqualTo("favoriteAddressId");
  }

  @Test
  void aManyAloneAndABackrefFromAManyCompile() {
    String user =
        user(
            "@Relationship(backref = \"user\") public final Many<Address> addresses = many();\n"
                + "@Relationship(viewOnly = true) public final Many<Address> all = many();\n");
    String address = address("");
    Compilation c = Compilation.of(user, address);
    assertThat(c.problems()).isEmpty();
    assertThat(c.generatedSource("shop.Address_"))
        .contains("public static One<User> user(Address address)");
    Map<String, Class<?>> models = c.configured("shop.User", "shop.Address");
    assertThat(keyOf(models, "shop.User", "all")).isEqualTo("userId");
    assertThat(keyOf(models, "shop.Address", "user")).isEqualTo("userId");
  }

  @Test
  void aOneAloneIsReportedWithBothKeys() {
    String user =
        user(
            "@Relationship(viewOnly = true)\n"
                + "public final One<Address> favoriteAddress = one();\n");
    String address = address("");
    String text =
        "User.favoriteAddress: several foreign keys link User and Address:"
            + " User.favoriteAddressId (users.favorite_address_id → address.id), Address.userId"
            + " (address.user_id → users.id). A One may follow a key on its own table"
            + " (many-to-one) or on Address's (one-to-one), so the field types do not choose."
            + " Name the one this relationship follows in its @Relationship: foreignKeys ="
            + " \"favoriteAddressId\" or foreignKeys = \"userId\". On a backPopulates pair, one"
            + " side is enough; the other follows the same key.";
    assertReported(
        Compilation.of(user, address),
        "User.java",
        user,
        "@Relationship(viewOnly = true)",
        "ambiguous-foreign-keys",
        text);
    assertSameAtRunTime("ambiguous-foreign-keys", text, new String[] {user, address}, "shop.User");
  }

  @Test
  void aOneToOnePairWithKeysBothWaysIsReportedOnce() {
    String user =
        user(
            "@Relationship(backPopulates = \"user\")\n"
                + "public final One<Address> address = one();\n");
    String address =
        address(
            "@Relationship(backPopulates = \"address\")\n"
                + "public final One<User> user = one();\n");
    String text =
        "Address.user: several foreign keys link Address and User: Address.userId"
            + " (address.user_id → users.id), User.favoriteAddressId (users.favorite_address_id →"
            + " address.id). A One may follow a key on its own table (many-to-one) or on User's"
            + " (one-to-one), so the field types do not choose. Name the one this relationship"
            + " follows in its @Relationship: foreignKeys = \"userId\" or foreignKeys ="
            + " \"favoriteAddressId\". On a backPopulates pair, one side is enough; the other"
            + " follows the same key.";
    assertReported(
        Compilation.of(user, address),
        "Address.java",
        address,
        "backPopulates = \"address\"",
        "ambiguous-foreign-keys",
        text);
    assertSameAtRunTime(
        "ambiguous-foreign-keys", text, new String[] {user, address}, "shop.Address");
  }

  @Test
  void twoKeysOnTheManySideAreReportedWithoutTheOtherWay() {
    String user =
        user(
            "@Relationship(backPopulates = \"user\")\n"
                + "public final Many<Address> addresses = many();\n");
    String address =
        address(
            "@ForeignKey(\"users.id\") public Integer verifiedById;\n"
                + "@Relationship(backPopulates = \"addresses\")\n"
                + "public final One<User> user = one();\n");
    String text =
        "Address.user: several foreign keys link Address and User: Address.userId"
            + " (address.user_id → users.id), Address.verifiedById (address.verified_by_id →"
            + " users.id). Name the one this relationship follows in its @Relationship:"
            + " foreignKeys = \"userId\" or foreignKeys = \"verifiedById\". On a backPopulates"
            + " pair, one side is enough; the other follows the same key.";
    assertReported(
        Compilation.of(user, address),
        "Address.java",
        address,
        "backPopulates = \"addresses\"",
        "ambiguous-foreign-keys",
        text);
    assertSameAtRunTime(
        "ambiguous-foreign-keys", text, new String[] {user, address}, "shop.Address");
  }

  @Test
  void aBackrefFromAOneIsReported() {
    String user = user("");
    String address =
        address(
            "@Relationship(backref = \"addresses\")\n" + "public final One<User> user = one();\n");
    String text =
        "Address.user: several foreign keys link Address and User: Address.userId"
            + " (address.user_id → users.id), User.favoriteAddressId (users.favorite_address_id →"
            + " address.id). A One may follow a key on its own table (many-to-one) or on User's"
            + " (one-to-one), so the field types do not choose. Name the one this relationship"
            + " follows in its @Relationship: foreignKeys = \"userId\" or foreignKeys ="
            + " \"favoriteAddressId\". On a backPopulates pair, one side is enough; the other"
            + " follows the same key.";
    assertReported(
        Compilation.of(user, address),
        "Address.java",
        address,
        "backref = \"addresses\"",
        "ambiguous-foreign-keys",
        text);
    assertSameAtRunTime(
        "ambiguous-foreign-keys", text, new String[] {user, address}, "shop.Address");
  }

  static final String NODE_KEYS =
      "@ForeignKey(\"node.id\") public Integer parentId;\n"
          + "@ForeignKey(\"node.id\") public Integer previousId;\n";

  @Test
  void aSelfReferentialPairOverTwoKeysIsReportedOnce() {
    String node =
        model(
            "Node",
            "node",
            NODE_KEYS
                + "@Relationship(backPopulates = \"parent\")\n"
                + "public final Many<Node> children = many();\n"
                + "@Relationship(backPopulates = \"children\")\n"
                + "public final One<Node> parent = one();\n");
    String text =
        "Node.children: several foreign keys link Node and Node: Node.parentId (node.parent_id →"
            + " node.id), Node.previousId (node.previous_id → node.id). Name the one this"
            + " relationship follows in its @Relationship: foreignKeys = \"parentId\" or"
            + " foreignKeys = \"previousId\". On a backPopulates pair, one side is enough; the"
            + " other follows the same key.";
    assertReported(
        Compilation.of(node),
        "Node.java",
        node,
        "backPopulates = \"parent\"",
        "ambiguous-foreign-keys",
        text);
    assertSameAtRunTime("ambiguous-foreign-keys", text, new String[] {node}, "shop.Node");
  }

  @Test
  void aSelfReferentialPairWithForeignKeysOnOneSideCompiles() {
    String node =
        model(
            "Node",
            "node",
            NODE_KEYS
                + "@Relationship(backPopulates = \"parent\")\n"
                + "public final Many<Node> children = many();\n"
                + "@Relationship(backPopulates = \"children\", foreignKeys = \"parentId\")\n"
                + "public final One<Node> parent = one();\n");
    Compilation c = Compilation.of(node);
    assertThat(c.problems()).isEmpty();
    Map<String, Class<?>> models = c.configured("shop.Node");
    assertThat(keyOf(models, "shop.Node", "children")).isEqualTo("parentId");
  }
}
