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
import org.junit.jupiter.api.Test;

/**
 * Many-to-many through {@code secondary}: every mistake refused by {@code Registry.of} (S17 and
 * Tether's own checks) with a message that names the field, the table, the problem and the fix; and
 * the mapped-association-table wirings that must work.
 */
class AssociationsTest {

  static final class SecondaryOnOne {
    @Table("as_so_article")
    public static class Article extends Model {
      @Id public Integer id;

      @Relationship(secondary = "as_so_article_tag")
      public final One<Tag> tag = one();
    }

    @Table("as_so_tag")
    public static class Tag extends Model {
      @Id public Integer id;
    }
  }

  @Test
  void secondaryOnAOne() {
    assertRefused(
        "secondary-one",
        "Article.tag: secondary = \"as_so_article_tag\" makes it many-to-many, but it is a One."
            + " Declare it `public final Many<Tag> tag = many();`, or remove secondary for a"
            + " many-to-one.",
        SecondaryOnOne.Article.class);
  }

  /** S17's models: the association table is mapped, and has no foreign keys at all. */
  static final class NoForeignKeys {
    @Table("as_nf_article")
    public static class Article extends Model {
      @Id public Integer id;

      @Relationship(secondary = "as_nf_article_tag")
      public final Many<Tag> tags = many();
    }

    @Table("as_nf_tag")
    public static class Tag extends Model {
      @Id public Integer id;
    }

    @Table("as_nf_article_tag")
    public static class ArticleTag extends Model {
      @Id public Integer articleId;
      @Id public Integer tagId;
    }
  }

  @Test
  void secondaryTableWithNoForeignKeys() { // S17
    assertRefused(
        "secondary-no-foreign-key",
        "Article.tags: secondary = \"as_nf_article_tag\": the association table"
            + " as_nf_article_tag has no foreign key to as_nf_article, so it links nothing. Give"
            + " it one @ForeignKey column per side (\"as_nf_article.id\" and \"as_nf_tag.id\"),"
            + " or use a name no model maps and Tether defines the table.",
        NoForeignKeys.Article.class,
        NoForeignKeys.ArticleTag.class);
  }

  static final class OneForeignKey {
    @Table("as_of_article")
    public static class Article extends Model {
      @Id public Integer id;

      @Relationship(secondary = "as_of_article_tag")
      public final Many<Tag> tags = many();
    }

    @Table("as_of_tag")
    public static class Tag extends Model {
      @Id public Integer id;
    }

    @Table("as_of_article_tag")
    public static class ArticleTag extends Model {
      @Id
      @ForeignKey("as_of_article.id")
      public Integer articleId;

      @Id public Integer tagId;
    }
  }

  @Test
  void secondaryTableWithNoForeignKeyToTheTarget() {
    assertRefused(
        "secondary-no-foreign-key",
        "Article.tags: secondary = \"as_of_article_tag\": the association table"
            + " as_of_article_tag has no foreign key to as_of_tag, so it links nothing. Give it"
            + " one @ForeignKey column per side (\"as_of_article.id\" and \"as_of_tag.id\"), or"
            + " use a name no model maps and Tether defines the table.",
        OneForeignKey.Article.class,
        OneForeignKey.ArticleTag.class);
  }

  /** Two columns of the mapped table point at the article: the one it was about, and a source. */
  static final class TwoKeysToThisSide {
    @Table("as_tk_article")
    public static class Article extends Model {
      @Id public Integer id;

      @Relationship(secondary = "as_tk_link", backPopulates = "articles")
      public final Many<Tag> tags = many();
    }

    @Table("as_tk_tag")
    public static class Tag extends Model {
      @Id public Integer id;

      @Relationship(secondary = "as_tk_link", backPopulates = "tags")
      public final Many<Article> articles = many();
    }

    @Table("as_tk_link")
    public static class Link extends Model {
      @Id public Integer id;

      @ForeignKey("as_tk_article.id")
      public Integer articleId;

      @ForeignKey("as_tk_article.id")
      public Integer sourceId;

      @ForeignKey("as_tk_tag.id")
      public Integer tagId;
    }
  }

  @Test
  void severalColumnsPointAtThisSide() {
    assertRefused(
        "secondary-ambiguous",
        "Article.tags: secondary = \"as_tk_link\": several columns of as_tk_link reference"
            + " as_tk_article (article_id, source_id). Name the one that points at Article in"
            + " this @Relationship: foreignKeys = \"articleId\" or foreignKeys = \"sourceId\"."
            + " Its partner Tag.articles cannot name it (its foreignKeys names the column that"
            + " points at Tag), so link the two with backref = \"articles\" here instead of"
            + " backPopulates on both.",
        TwoKeysToThisSide.Article.class,
        TwoKeysToThisSide.Link.class);
  }

  /** The same table, seen from the tag: the ambiguous columns are on the other side. */
  static final class TwoKeysToTheOtherSide {
    @Table("as_to_article")
    public static class Article extends Model {
      @Id public Integer id;
    }

    @Table("as_to_tag")
    public static class Tag extends Model {
      @Id public Integer id;

      @Relationship(secondary = "as_to_link")
      public final Many<Article> articles = many();
    }

    @Table("as_to_link")
    public static class Link extends Model {
      @Id public Integer id;

      @ForeignKey("as_to_article.id")
      public Integer articleId;

      @ForeignKey("as_to_article.id")
      public Integer sourceId;

      @ForeignKey("as_to_tag.id")
      public Integer tagId;
    }
  }

  @Test
  void severalColumnsPointAtTheOtherSide() {
    assertRefused(
        "secondary-ambiguous",
        "Tag.articles: secondary = \"as_to_link\": several columns of as_to_link reference"
            + " as_to_article (article_id, source_id), and foreignKeys on Tag.articles can only"
            + " name the column that points at Tag, so Tether cannot tell which one leads to"
            + " Article. Declare the relationship on Article instead, naming its column"
            + " (foreignKeys = \"articleId\" or foreignKeys = \"sourceId\") with backref ="
            + " \"articles\", which creates Tag.articles.",
        TwoKeysToTheOtherSide.Tag.class,
        TwoKeysToTheOtherSide.Link.class);
  }

  /** What the two messages above advise: foreignKeys and a backref, from the article. */
  static final class TwoKeysWithBackref {
    @Table("as_tb_article")
    public static class Article extends Model {
      @Id public Integer id;

      @Relationship(secondary = "as_tb_link", foreignKeys = "articleId", backref = "articles")
      public final Many<Tag> tags = many();
    }

    @Table("as_tb_tag")
    public static class Tag extends Model {
      @Id public Integer id;
    }

    @Table("as_tb_link")
    public static class Link extends Model {
      @Id public Integer id;

      @ForeignKey("as_tb_article.id")
      public Integer articleId;

      @ForeignKey("as_tb_article.id")
      public Integer sourceId;

      @ForeignKey("as_tb_tag.id")
      public Integer tagId;
    }
  }

  @Test
  void foreignKeysAndABackrefResolveSeveralColumnsToOneSide() {
    Metadata m =
        RegistryInternals.metadata(
            Registry.of(TwoKeysWithBackref.Article.class, TwoKeysWithBackref.Link.class));
    RelationshipMapping tags = m.model(TwoKeysWithBackref.Article.class).relationship("tags");
    RelationshipMapping articles = m.model(TwoKeysWithBackref.Tag.class).relationship("articles");
    assertThat(tags.foreignKey().fieldName()).isEqualTo("articleId");
    assertThat(tags.secondaryTargetColumn().fieldName()).isEqualTo("tagId");
    assertThat(articles.foreignKey()).isSameAs(tags.secondaryTargetColumn());
    assertThat(articles.secondaryTargetColumn()).isSameAs(tags.foreignKey());
    assertThat(articles.reverse()).isSameAs(tags);
  }

  /** A self-referential many-to-many with a table defined by convention. */
  static final class SelfByConvention {
    @Table("as_sc_user")
    public static class User extends Model {
      @Id public Integer id;

      @Relationship(secondary = "as_sc_follow")
      public final Many<User> following = many();
    }
  }

  @Test
  void selfReferentialManyToManyNeedsAMappedTable() {
    assertRefused(
        "secondary-self",
        "User.following: secondary = \"as_sc_follow\" relates User to itself, so a table defined"
            + " by convention would have two columns named as_sc_user_id. Map as_sc_follow as a"
            + " model with two @Id @ForeignKey(\"as_sc_user.id\") fields (e.g. followerId,"
            + " followedId) and name the one that points at this side: @Relationship(secondary"
            + " = \"as_sc_follow\", foreignKeys = \"followerId\"). A backPopulates partner names"
            + " the other (foreignKeys = \"followedId\"); a backref needs nothing more.",
        SelfByConvention.User.class);
  }

  /** The mapped table the message above asks for, but without foreignKeys. */
  static final class SelfWithoutForeignKeys {
    @Table("as_sf_user")
    public static class User extends Model {
      @Id public Integer id;

      @Relationship(secondary = "as_sf_follow")
      public final Many<User> following = many();
    }

    @Table("as_sf_follow")
    public static class Follow extends Model {
      @Id
      @ForeignKey("as_sf_user.id")
      public Integer followerId;

      @Id
      @ForeignKey("as_sf_user.id")
      public Integer followedId;
    }
  }

  @Test
  void selfReferentialManyToManyMustNameItsColumn() {
    assertRefused(
        "secondary-ambiguous",
        "User.following: secondary = \"as_sf_follow\": several columns of as_sf_follow"
            + " reference as_sf_user (follower_id, followed_id), and a self-referential"
            + " many-to-many must say which one points at this side. Name it in this"
            + " @Relationship: foreignKeys = \"followerId\" or foreignKeys = \"followedId\". A"
            + " backPopulates partner names another one; a backref needs nothing more.",
        SelfWithoutForeignKeys.User.class,
        SelfWithoutForeignKeys.Follow.class);
  }

  /** Three columns to one table: naming one still leaves two for the other side. */
  static final class SelfThreeColumns {
    @Table("as_s3_user")
    public static class User extends Model {
      @Id public Integer id;

      @Relationship(secondary = "as_s3_link", foreignKeys = "aId")
      public final Many<User> linked = many();
    }

    @Table("as_s3_link")
    public static class Link extends Model {
      @Id public Integer id;

      @ForeignKey("as_s3_user.id")
      public Integer aId;

      @ForeignKey("as_s3_user.id")
      public Integer bId;

      @ForeignKey("as_s3_user.id")
      public Integer cId;
    }
  }

  @Test
  void selfReferentialTableWithThreeColumnsToOneTable() {
    assertRefused(
        "secondary-ambiguous",
        "User.linked: secondary = \"as_s3_link\": several columns of as_s3_link reference"
            + " as_s3_user (b_id, c_id), which leaves more than one column to point at the other"
            + " side after foreignKeys = \"aId\". A self-referential association table needs"
            + " exactly two columns that reference as_s3_user: one per side.",
        SelfThreeColumns.User.class,
        SelfThreeColumns.Link.class);
  }

  /** A self-referential pair that names its columns: following and followers. */
  static final class SelfNamed {
    @Table("as_sn_user")
    public static class User extends Model {
      @Id public Integer id;

      @Relationship(
          secondary = "as_sn_follow",
          foreignKeys = "followerId",
          backPopulates = "followers")
      public final Many<User> following = many();

      @Relationship(
          secondary = "as_sn_follow",
          foreignKeys = "followedId",
          backPopulates = "following")
      public final Many<User> followers = many();
    }

    @Table("as_sn_follow")
    public static class Follow extends Model {
      @Id
      @ForeignKey("as_sn_user.id")
      public Integer followerId;

      @Id
      @ForeignKey("as_sn_user.id")
      public Integer followedId;
    }
  }

  @Test
  void selfReferentialPairNamingItsColumnsIsLinked() {
    ModelMapping user =
        RegistryInternals.metadata(Registry.of(SelfNamed.User.class, SelfNamed.Follow.class))
            .model(SelfNamed.User.class);
    RelationshipMapping following = user.relationship("following");
    RelationshipMapping followers = user.relationship("followers");
    assertThat(following.direction()).isEqualTo(Direction.MANY_TO_MANY);
    assertThat(following.foreignKey().fieldName()).isEqualTo("followerId");
    assertThat(following.secondaryTargetColumn().fieldName()).isEqualTo("followedId");
    assertThat(followers.foreignKey()).isSameAs(following.secondaryTargetColumn());
    assertThat(following.reverse()).isSameAs(followers);
  }

  /** The same table with a backref: the reverse takes the other column by itself. */
  static final class SelfBackref {
    @Table("as_sb_user")
    public static class User extends Model {
      @Id public Integer id;

      @Relationship(secondary = "as_sb_follow", foreignKeys = "followerId", backref = "followers")
      public final Many<User> following = many();
    }

    @Table("as_sb_follow")
    public static class Follow extends Model {
      @Id
      @ForeignKey("as_sb_user.id")
      public Integer followerId;

      @Id
      @ForeignKey("as_sb_user.id")
      public Integer followedId;
    }
  }

  @Test
  void selfReferentialBackrefTakesTheOtherColumn() {
    ModelMapping user =
        RegistryInternals.metadata(Registry.of(SelfBackref.User.class, SelfBackref.Follow.class))
            .model(SelfBackref.User.class);
    RelationshipMapping followers = user.relationship("followers");
    assertThat(followers.isGenerated()).isTrue();
    assertThat(followers.isCollection()).isTrue();
    assertThat(followers.foreignKey().fieldName()).isEqualTo("followedId");
    assertThat(followers.secondaryTargetColumn().fieldName()).isEqualTo("followerId");
  }

  static final class DifferentTables {
    @Table("as_dt_article")
    public static class Article extends Model {
      @Id public Integer id;

      @Relationship(secondary = "as_dt_article_tag", backPopulates = "articles")
      public final Many<Tag> tags = many();
    }

    @Table("as_dt_tag")
    public static class Tag extends Model {
      @Id public Integer id;

      @Relationship(secondary = "as_dt_tagging", backPopulates = "tags")
      public final Many<Article> articles = many();
    }
  }

  @Test
  void backPopulatesPairThroughDifferentTables() {
    assertRefused(
        "backpopulates-different-keys",
        "Article.tags and Tag.articles name each other but do not go through the same"
            + " association table: Article.tags uses secondary as_dt_article_tag, Tag.articles"
            + " uses secondary as_dt_tagging. Give both the same secondary = \"...\".",
        DifferentTables.Article.class);
  }

  static final class CompositeTarget {
    @Table("as_ct_article")
    public static class Article extends Model {
      @Id public Integer id;

      @Relationship(secondary = "as_ct_article_version")
      public final Many<Version> versions = many();
    }

    @Table("as_ct_version")
    public static class Version extends Model {
      @Id public Integer docId;
      @Id public Integer number;
    }
  }

  @Test
  void associationToACompositeKey() {
    assertRefused(
        "secondary-composite-key",
        "Article.versions: secondary = \"as_ct_article_version\": Version's primary key has"
            + " several columns (doc_id, number), but a foreign key of an association table"
            + " references one column. Give Version a single-column key (@Id on one field).",
        CompositeTarget.Article.class);
  }

  static final class CompositeOwner {
    @Table("as_co_version")
    public static class Version extends Model {
      @Id public Integer docId;
      @Id public Integer number;

      @Relationship(secondary = "as_co_version_tag")
      public final Many<Tag> tags = many();
    }

    @Table("as_co_tag")
    public static class Tag extends Model {
      @Id public Integer id;
    }
  }

  @Test
  void associationFromACompositeKey() {
    assertRefused(
        "secondary-composite-key",
        "Version.tags: secondary = \"as_co_version_tag\": Version's primary key has several"
            + " columns (doc_id, number), but a foreign key of an association table references"
            + " one column. Give Version a single-column key (@Id on one field).",
        CompositeOwner.Version.class);
  }

  static final class UnknownForeignKeys {
    @Table("as_uf_article")
    public static class Article extends Model {
      @Id public Integer id;

      @Relationship(secondary = "as_uf_article_tag", foreignKeys = "artId")
      public final Many<Tag> tags = many();
    }

    @Table("as_uf_tag")
    public static class Tag extends Model {
      @Id public Integer id;
    }
  }

  @Test
  void foreignKeysNamingNoColumnOfTheAssociationTable() {
    assertRefused(
        "secondary-foreign-keys",
        "Article.tags: secondary = \"as_uf_article_tag\": foreignKeys = \"artId\" names no"
            + " column of as_uf_article_tag that references as_uf_article. For many-to-many,"
            + " foreignKeys names the association table's column that points at this side: one"
            + " of as_uf_article_id.",
        UnknownForeignKeys.Article.class);
  }
}
