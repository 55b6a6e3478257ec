package dev.tether.session;

import static dev.tether.testing.SqlText.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.IntegrityException;
import dev.tether.Session;
import dev.tether.fixtures.ManyToManyCatalog;
import dev.tether.fixtures.ManyToManyCatalog.Article;
import dev.tether.fixtures.ManyToManyCatalog.ArticleKeyword;
import dev.tether.fixtures.ManyToManyCatalog.Keyword;
import dev.tether.fixtures.ManyToManyCatalog.Tag;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many-to-many through a secondary table, persisted (S33–S35, S46, and deleting either endpoint),
 * on every database: association rows are inserted once per link whichever side (or both) wrote it,
 * deleted on remove, deleted before an endpoint is deleted, and loaded collections follow at flush
 * (improvement 6). Changes to an unloaded side issue no SQL until it loads (S46).
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class ManyToManyPersistenceTest {
  static final String INSERT_LINK =
      "INSERT INTO m2m_article_tag (m2m_article_id, m2m_tag_id) VALUES (?, ?)";
  static final String DELETE_LINK =
      "DELETE FROM m2m_article_tag WHERE m2m_article_id = ? AND m2m_tag_id = ?";
  static final String LOAD_TAGS =
      "SELECT t1.m2m_article_id, t0.id, t0.name FROM m2m_tag t0 JOIN m2m_article_tag t1"
          + " ON t1.m2m_tag_id = t0.id WHERE t1.m2m_article_id = ? ORDER BY t0.id";
  static final String LOAD_ARTICLES =
      "SELECT t1.m2m_tag_id, t0.id, t0.name FROM m2m_article t0 JOIN m2m_article_tag t1"
          + " ON t1.m2m_article_id = t0.id WHERE t1.m2m_tag_id = ? ORDER BY t0.id";

  @Parameter TestDatabase target;
  Database db;
  final StatementRecorder sql = new StatementRecorder();

  /** Parameter sets per statement, in order: how many association rows a batch carried. */
  final List<Integer> rows = new ArrayList<>();

  @BeforeEach
  void open() {
    db = target.open(ManyToManyCatalog.registry());
    db.addStatementListener(sql);
    db.addStatementListener((statement, n) -> rows.add(n));
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Runs {@code action}; fails unless it sent exactly {@code expected} (quotes aside). */
  private void assertSql(Runnable action, String... expected) {
    rows.clear();
    List<String> sent = plain(sql.record(action));
    assertThat(sent).containsExactly(expected);
  }

  private void saved(Object... models) {
    try (Session s = db.session()) {
      s.addAll(List.of(models));
      s.commit();
    }
  }

  /** The tag names of article {@code id}, as a new session loads them. */
  private List<String> tagsOf(Integer id) {
    try (Session s = db.session()) {
      return s.get(Article.class, id).tags.stream().map(t -> t.name).toList();
    }
  }

  /** The article names of tag {@code id}, as a new session loads them. */
  private List<String> articlesOf(Integer id) {
    try (Session s = db.session()) {
      return s.get(Tag.class, id).articles.stream().map(a -> a.name).toList();
    }
  }

  private static Article article(String name, Tag... tags) {
    Article a = new Article(name);
    a.tags.addAll(List.of(tags));
    return a;
  }

  /** S34: the rows of a new graph go in one batch after both endpoints, one row per link. */
  @Test
  void newLinksInsertOneRowEachAfterTheirEndpoints() {
    Tag t1 = new Tag("t1");
    Tag t2 = new Tag("t2");
    Article a1 = article("a1", t1, t2);
    assertThat(t2.articles).containsExactly(a1); // both sides report the pair
    try (Session s = db.session()) {
      s.add(a1);
      assertThat(s.contains(t1) && s.contains(t2)).isTrue();
      assertSql(
          s::commit,
          "INSERT INTO m2m_article (name) VALUES (?) RETURNING id",
          "INSERT INTO m2m_tag (name) VALUES (?), (?) RETURNING id",
          INSERT_LINK);
      assertThat(rows.get(2)).as("association rows in the batch").isEqualTo(2);
    }
    assertThat(tagsOf(a1.id)).containsExactly("t1", "t2");
    assertThat(articlesOf(t2.id)).containsExactly("a1");
  }

  /** Both sides of every pair report the link; it is still one row per pair. */
  @Test
  void linksWrittenFromBothSidesAreOneRowEach() {
    Article a1 = new Article("a1");
    Article a2 = new Article("a2");
    Tag t1 = new Tag("t1");
    Tag t2 = new Tag("t2");
    a1.tags.add(t1);
    t1.articles.add(a1); // already there: no-op
    t2.articles.add(a1);
    t2.articles.add(a2);
    a2.tags.add(t1);
    try (Session s = db.session()) {
      s.addAll(List.of(a1, a2, t1, t2));
      s.flush();
      assertThat(plain(sql.statements())).last().isEqualTo(INSERT_LINK);
      assertThat(rows.get(rows.size() - 1)).isEqualTo(4);
      s.commit();
    }
    assertThat(tagsOf(a1.id)).containsExactly("t1", "t2");
    assertThat(tagsOf(a2.id)).containsExactly("t1", "t2");
    assertThat(articlesOf(t1.id)).containsExactly("a1", "a2");
  }

  /**
   * S35: SQLAlchemy's list holds t1 twice and the flush fails on the duplicate row; Tether's
   * ordered set holds it once (improvement 1) and writes one row.
   */
  @Test
  void appendingTwiceWritesOneRow() {
    Article a1 = new Article("a1");
    Tag t1 = new Tag("t1");
    assertThat(a1.tags.add(t1)).isTrue();
    assertThat(a1.tags.add(t1)).isFalse();
    assertThat(a1.tags).containsExactly(t1);
    assertThat(t1.articles).containsExactly(a1);
    try (Session s = db.session()) {
      s.add(a1);
      s.commit();
      assertThat(rows.get(rows.size() - 1)).isEqualTo(1);
    }
    assertThat(tagsOf(a1.id)).containsExactly("t1");
  }

  /** S34: remove → DELETE of that row only; the other side's loaded collection already agrees. */
  @Test
  void removingALinkDeletesItsRow() {
    Tag t1 = new Tag("t1");
    Tag t2 = new Tag("t2");
    Article a1 = article("a1", t1, t2);
    saved(a1);
    try (Session s = db.session()) {
      Tag tag2 = s.get(Tag.class, t2.id);
      Article article = tag2.articles.get(0);
      assertThat(article.tags.isLoaded()).isFalse();
      assertSql(() -> tag2.articles.remove(article));
      assertSql(s::flush, DELETE_LINK);
      assertSql(
          () -> assertThat(article.tags).extracting(t -> t.name).containsExactly("t1"), LOAD_TAGS);
      s.commit();
    }
    assertThat(tagsOf(a1.id)).containsExactly("t1");
    assertThat(articlesOf(t2.id)).isEmpty();
  }

  /** Replacing the contents: one DELETE batch and one INSERT batch. */
  @Test
  void replacingTheContentsDeletesAndInsertsInOneBatchEach() {
    Tag t1 = new Tag("t1");
    Tag t2 = new Tag("t2");
    Tag t3 = new Tag("t3");
    Tag t4 = new Tag("t4");
    Article a = article("a", t1, t2, t3);
    saved(a, t4);
    try (Session s = db.session()) {
      Article article = s.get(Article.class, a.id);
      Tag tag4 = s.get(Tag.class, t4.id);
      List<Tag> keep = List.of(article.tags.get(2), tag4);
      article.tags.clear();
      article.tags.addAll(keep);
      assertSql(s::flush, DELETE_LINK, INSERT_LINK);
      assertThat(rows).containsExactly(2, 1);
      s.commit();
    }
    assertThat(tagsOf(a.id)).containsExactly("t3", "t4");
  }

  /**
   * S34 end: deleting a tag deletes its rows first, without loading its collection (SQLAlchemy
   * loads it), and the tag leaves the loaded collections of its articles at flush (improvement 6;
   * SQLAlchemy's a1.tags still shows t1 until commit).
   */
  @Test
  void deletingATagDeletesItsRowsFirstAndLeavesLoadedCollections() {
    Tag t1 = new Tag("t1");
    Tag t2 = new Tag("t2");
    Article a1 = article("a1", t1, t2);
    Article a2 = article("a2", t1);
    saved(a1, a2);
    try (Session s = db.session()) {
      Article article1 = s.get(Article.class, a1.id);
      Article article2 = s.get(Article.class, a2.id);
      Tag tag1 = article1.tags.get(0);
      assertThat(article2.tags).containsExactly(tag1);
      assertThat(tag1.articles.isLoaded()).isFalse();
      s.delete(tag1);
      assertSql(
          s::flush,
          "DELETE FROM m2m_article_tag WHERE m2m_tag_id = ?",
          "DELETE FROM m2m_tag WHERE id = ?");
      assertThat(article1.tags).extracting(t -> t.name).containsExactly("t2");
      assertThat(article2.tags).isEmpty();
      s.commit();
    }
    assertThat(tagsOf(a1.id)).containsExactly("t2");
    assertThat(tagsOf(a2.id)).isEmpty();
  }

  /**
   * Deleting an article deletes its rows in both association tables (the one defined by convention
   * and the one a model maps), then the article; its tags' loaded collections drop it.
   */
  @Test
  void deletingAnArticleDeletesItsRowsInEveryAssociationTable() {
    Tag t1 = new Tag("t1");
    Keyword k1 = new Keyword("k1");
    Article a1 = article("a1", t1);
    a1.keywords.add(k1);
    Article a2 = article("a2", t1);
    saved(a1, a2);
    try (Session s = db.session()) {
      Tag tag1 = s.get(Tag.class, t1.id);
      Keyword keyword1 = s.get(Keyword.class, k1.id);
      assertThat(tag1.articles).extracting(a -> a.name).containsExactly("a1", "a2");
      assertThat(keyword1.articles).extracting(a -> a.name).containsExactly("a1");
      Article article1 = tag1.articles.get(0);
      s.delete(article1);
      List<String> sent = plain(sql.record(s::flush));
      assertThat(sent)
          .containsExactlyInAnyOrder(
              "DELETE FROM m2m_article_tag WHERE m2m_article_id = ?",
              "DELETE FROM m2m_article_keyword WHERE article_id = ?",
              "DELETE FROM m2m_article WHERE id = ?");
      assertThat(sent).last().isEqualTo("DELETE FROM m2m_article WHERE id = ?");
      assertThat(tag1.articles).extracting(a -> a.name).containsExactly("a2");
      assertThat(keyword1.articles).isEmpty();
      s.commit();
    }
    assertThat(articlesOf(t1.id)).containsExactly("a2");
    try (Session s = db.session()) {
      assertThat(s.get(ArticleKeyword.class, a1.id, k1.id)).isNull();
    }
  }

  /**
   * Both endpoints of a link deleted in one flush: the rows go first (by each endpoint's column, no
   * SELECT), then the two rows.
   */
  @Test
  void deletingBothEndpointsOfALink() {
    Tag t1 = new Tag("t1");
    Article a1 = article("a1", t1);
    saved(a1);
    try (Session s = db.session()) {
      Article article = s.get(Article.class, a1.id);
      Tag tag = article.tags.get(0);
      s.delete(tag);
      s.delete(article);
      List<String> sent = plain(sql.record(s::flush));
      assertThat(sent.subList(0, 3))
          .containsExactlyInAnyOrder(
              "DELETE FROM m2m_article_tag WHERE m2m_tag_id = ?",
              "DELETE FROM m2m_article_tag WHERE m2m_article_id = ?",
              "DELETE FROM m2m_article_keyword WHERE article_id = ?");
      assertThat(sent.subList(3, sent.size()))
          .containsExactlyInAnyOrder(
              "DELETE FROM m2m_article WHERE id = ?", "DELETE FROM m2m_tag WHERE id = ?");
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.get(Article.class, a1.id)).isNull();
      assertThat(s.get(Tag.class, t1.id)).isNull();
    }
  }

  /** An association table that a model maps is written the same way; the model reads the rows. */
  @Test
  void tableMappedByAModelGetsTheRows() {
    Keyword k1 = new Keyword("k1");
    Keyword k2 = new Keyword("k2");
    Article a = new Article("a");
    a.keywords.add(k1);
    k2.articles.add(a);
    try (Session s = db.session()) {
      s.add(a);
      List<String> sent = plain(sql.record(s::commit));
      assertThat(sent)
          .last()
          .isEqualTo("INSERT INTO m2m_article_keyword (article_id, keyword_id) VALUES (?, ?)");
      assertThat(sent).hasSize(3);
    }
    try (Session s = db.session()) {
      assertThat(s.get(ArticleKeyword.class, a.id, k1.id)).isNotNull();
      assertThat(s.get(ArticleKeyword.class, a.id, k2.id)).isNotNull();
      Article loaded = s.get(Article.class, a.id);
      loaded.keywords.remove(loaded.keywords.get(0));
      assertSql(
          s::flush, "DELETE FROM m2m_article_keyword WHERE article_id = ? AND keyword_id = ?");
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.get(ArticleKeyword.class, a.id, k1.id)).isNull();
      assertThat(s.get(Article.class, a.id).keywords).extracting(k -> k.name).containsExactly("k2");
    }
  }

  /**
   * Improvement 6 when the association table is written through its model: a row inserted or
   * deleted as an {@code ArticleKeyword} object shows in the loaded many-to-many collections at
   * flush, as a row the collections wrote would.
   */
  @Test
  void rowsWrittenThroughTheAssociationModelShowInLoadedCollections() {
    Article a = new Article("a");
    Keyword k = new Keyword("k");
    saved(a, k);
    try (Session s = db.session()) {
      Article article = s.get(Article.class, a.id);
      Keyword keyword = s.get(Keyword.class, k.id);
      assertThat(article.keywords).isEmpty();
      assertThat(keyword.articles).isEmpty();
      ArticleKeyword row = new ArticleKeyword();
      row.articleId = a.id;
      row.keywordId = k.id;
      s.add(row);
      s.flush();
      assertThat(article.keywords).containsExactly(keyword);
      assertThat(keyword.articles).containsExactly(article);
      s.delete(row);
      s.flush();
      assertThat(article.keywords).isEmpty();
      assertThat(keyword.articles).isEmpty();
      s.commit();
    }
  }

  /**
   * S46: appending from the loaded side queues into the unloaded side without SQL; the load
   * autoflushes the row and shows both old and new members.
   */
  @Test
  void appendToAnUnloadedSideIsQueuedUntilItLoads() {
    Tag t0 = new Tag("t0");
    Article a = article("a", t0);
    Tag t1 = new Tag("t1");
    saved(a, t1);
    try (Session s = db.session()) {
      Article article = s.get(Article.class, a.id);
      Tag tag1 = s.get(Tag.class, t1.id);
      assertSql(() -> assertThat(tag1.articles).isEmpty(), LOAD_ARTICLES);
      assertSql(() -> tag1.articles.add(article));
      assertThat(article.tags.isLoaded()).isFalse();
      assertSql(
          () -> assertThat(article.tags).extracting(t -> t.name).containsExactly("t0", "t1"),
          INSERT_LINK,
          LOAD_TAGS);
      s.commit();
    }
    assertThat(tagsOf(a.id)).containsExactly("t0", "t1");
  }

  /** S46: append then remove on the other side cancels out: nothing to flush, nothing queued. */
  @Test
  void appendThenRemoveOnTheOtherSideCancelsOut() {
    Tag t0 = new Tag("t0");
    Article a = article("a", t0);
    Tag t1 = new Tag("t1");
    saved(a, t1);
    try (Session s = db.session()) {
      Article article = s.get(Article.class, a.id);
      Tag tag1 = s.get(Tag.class, t1.id);
      tag1.articles.size();
      assertSql(
          () -> {
            tag1.articles.add(article);
            tag1.articles.remove(article);
            s.flush();
          });
      assertThat(article.tags.isLoaded()).isFalse();
      assertSql(
          () -> assertThat(article.tags).extracting(t -> t.name).containsExactly("t0"), LOAD_TAGS);
      s.commit();
    }
    assertThat(tagsOf(a.id)).containsExactly("t0");
  }

  /** A removal queued on an unloaded side: one DELETE at the load's autoflush, member gone. */
  @Test
  void removeFromTheOtherSideOfAnUnloadedCollection() {
    Tag t0 = new Tag("t0");
    Tag t1 = new Tag("t1");
    Article a = article("a", t0, t1);
    saved(a);
    try (Session s = db.session()) {
      Article article = s.get(Article.class, a.id);
      Tag tag0 = s.get(Tag.class, t0.id);
      tag0.articles.size();
      assertSql(() -> tag0.articles.remove(article));
      assertThat(article.tags.isLoaded()).isFalse();
      assertSql(
          () -> assertThat(article.tags).extracting(t -> t.name).containsExactly("t1"),
          DELETE_LINK,
          LOAD_TAGS);
      s.commit();
    }
    assertThat(tagsOf(a.id)).containsExactly("t1");
  }

  /**
   * Pending changes on an unloaded side that is never loaded are flushed all the same: removed and
   * re-added is net zero, two adds from two tags are two rows.
   */
  @Test
  void queuedChangesOfANeverLoadedSideAreFlushed() {
    Tag t0 = new Tag("t0");
    Tag t1 = new Tag("t1");
    Tag t2 = new Tag("t2");
    Article a = article("a", t0);
    saved(a, t1, t2);
    try (Session s = db.session()) {
      Article article = s.get(Article.class, a.id);
      Tag tag0 = s.get(Tag.class, t0.id);
      Tag tag1 = s.get(Tag.class, t1.id);
      Tag tag2 = s.get(Tag.class, t2.id);
      tag0.articles.size();
      tag1.articles.size();
      tag2.articles.size();
      tag0.articles.remove(article);
      tag0.articles.add(article);
      tag1.articles.add(article);
      tag2.articles.add(article);
      assertThat(article.tags.isLoaded()).isFalse();
      assertSql(s::flush, INSERT_LINK);
      assertThat(rows).containsExactly(2);
      assertThat(article.tags.isLoaded()).isFalse();
      s.commit();
    }
    assertThat(tagsOf(a.id)).containsExactly("t0", "t1", "t2");
  }

  /**
   * Improvement 5: a new tag linked only from its own side to a session article is saved
   * (SQLAlchemy 2.0 drops it with a warning, S39) — also when the article's tags are not loaded.
   */
  @Test
  void newTagLinkedOnlyFromItsOwnSideIsSaved() {
    Article a = new Article("a");
    saved(a);
    try (Session s = db.session()) {
      Article article = s.get(Article.class, a.id);
      Tag t = new Tag("t");
      assertSql(() -> t.articles.add(article));
      assertThat(s.contains(t)).isTrue();
      assertThat(article.tags.isLoaded()).isFalse();
      assertSql(s::flush, "INSERT INTO m2m_tag (name) VALUES (?) RETURNING id", INSERT_LINK);
      assertThat(t.id).isNotNull();
      s.commit();
    }
    assertThat(tagsOf(a.id)).containsExactly("t");
  }

  /** Improvement 5, transient graph: the tag reached only through the article's list is saved. */
  @Test
  void tagReachedThroughTheOtherSideOfATransientGraphIsSaved() {
    Article a = new Article("a");
    Tag t = new Tag("t");
    t.articles.add(a); // written on the tag's side only
    try (Session s = db.session()) {
      s.add(a);
      assertThat(s.contains(t)).isTrue();
      s.commit();
    }
    assertThat(t.id).isNotNull();
    assertThat(tagsOf(a.id)).containsExactly("t");
  }

  /** Loading both sides: each member is the session's one object for its row. */
  @Test
  void bothSidesLoadTheSameObjects() {
    Tag t1 = new Tag("t1");
    Tag t2 = new Tag("t2");
    Article a1 = article("a1", t1, t2);
    Article a2 = article("a2", t2);
    saved(a1, a2);
    try (Session s = db.session()) {
      s.setBatchLazyLoads(false); // this test is about one lazy load per object
      Article article1 = s.get(Article.class, a1.id);
      Tag tag2 = article1.tags.get(1);
      assertSql(
          () -> assertThat(tag2.articles).extracting(a -> a.name).containsExactly("a1", "a2"),
          LOAD_ARTICLES);
      assertThat(tag2.articles.get(0)).isSameAs(article1);
      assertSql(() -> assertThat(s.get(Tag.class, t2.id)).isSameAs(tag2));
      assertThat(tag2.articles.get(1).tags).containsExactly(tag2);
    }
  }

  /**
   * A failed flush rolls the transaction back and promises that the next flush writes everything
   * again (SessionImpl.failedFlush). Association rows written by an earlier flush of the same
   * transaction must be written again too.
   */
  @Test
  void linksOfAnEarlierFlushAreWrittenAgainAfterAFailedFlush() {
    Article a = new Article("a");
    Tag t0 = new Tag("t0");
    Tag t1 = new Tag("t1");
    a.tags.add(t0);
    saved(a, t1);
    try (Session s = db.session()) {
      Article article = s.get(Article.class, a.id);
      Tag tag0 = s.get(Tag.class, t0.id);
      Tag tag1 = s.get(Tag.class, t1.id);
      article.tags.remove(tag0);
      article.tags.add(tag1);
      assertSql(s::flush, DELETE_LINK, INSERT_LINK);
      ArticleKeyword dangling = new ArticleKeyword();
      dangling.articleId = a.id;
      dangling.keywordId = -1; // no such keyword: the flush fails on the foreign key
      s.add(dangling);
      assertThatThrownBy(s::flush).isInstanceOf(IntegrityException.class);
      s.delete(dangling); // pending again after the failure: expunge it
      assertThat(article.tags).containsExactly(tag1);
      s.commit();
    }
    assertThat(tagsOf(a.id)).containsExactly("t1");
  }

  /** Links added while both ends were detached are written once they are attached again. */
  @Test
  void linkAddedWhileDetachedIsWrittenWhenAttachedAgain() {
    Article a = new Article("a");
    Tag t = new Tag("t");
    saved(a, t);
    Article article;
    Tag tag;
    try (Session s = db.session()) {
      article = s.get(Article.class, a.id);
      tag = s.get(Tag.class, t.id);
      article.tags.size();
      tag.articles.size();
    }
    article.tags.add(tag);
    assertThat(tag.articles).containsExactly(article);
    try (Session s = db.session()) {
      s.add(article);
      assertThat(s.contains(tag)).isTrue();
      s.commit();
    }
    assertThat(tagsOf(a.id)).containsExactly("t");
  }
}
