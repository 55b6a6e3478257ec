package dev.tether.examples;

import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.Relationship;
import dev.tether.Table;

/**
 * Many-to-many (S33, S34): {@code Article.tags} and {@code Tag.articles} through the association
 * table {@code article_tag}. No model maps that table, so Tether defines it by convention: {@code
 * article_tag(article_id, tag_id)}, both NOT NULL foreign keys, together the primary key.
 */
public final class ArticlesAndTags {
  private ArticlesAndTags() {}

  /** One side; {@code backPopulates} names the other. */
  @Table("article")
  public static class Article extends Model {
    @Id public Integer id;
    public String title;

    @Relationship(secondary = "article_tag", backPopulates = "articles")
    public final Many<Tag> tags = many();

    /** For Tether, which creates instances when it loads rows. */
    public Article() {}

    /** An article called {@code title}. */
    public Article(String title) {
      this.title = title;
    }
  }

  /** The other side, declared the same way. */
  @Table("tag")
  public static class Tag extends Model {
    @Id public Integer id;
    public String name;

    @Relationship(secondary = "article_tag", backPopulates = "tags")
    public final Many<Article> articles = many();

    /** For Tether, which creates instances when it loads rows. */
    public Tag() {}

    /** A tag called {@code name}. */
    public Tag(String name) {
      this.name = name;
    }
  }
}
