package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.Session;
import dev.tether.StaleObjectException;
import dev.tether.fixtures.TaggedLinks;
import dev.tether.fixtures.TaggedLinks.Label;
import dev.tether.fixtures.TaggedLinks.Post;
import dev.tether.fixtures.TaggedLinks.PostLabel;
import dev.tether.testing.ExistingSchema;
import dev.tether.testing.SqlText;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A many-to-many through a mapped association table with extra columns ({@link TaggedLinks}): a
 * link is inserted with its two keys alone, so the other columns take their defaults and triggers,
 * and deleted by its two keys alone, whatever those columns hold; a link another transaction
 * removed first fails the flush instead of passing silently.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class MappedAssociationTableTest {
  @Parameter TestDatabase target;
  final StatementRecorder sql = new StatementRecorder();
  ExistingSchema schema;
  Database db;

  @BeforeEach
  void open() {
    schema = ExistingSchema.create(target, TaggedLinks.script(target.dialect().name()));
    db = schema.open(TaggedLinks.registry());
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
    schema.close();
  }

  private int[] savedPostAndLabel() {
    try (Session s = db.session()) {
      Post p = new Post("p");
      Label l = new Label("l");
      s.add(p);
      s.add(l);
      s.commit();
      return new int[] {p.id, l.id};
    }
  }

  private List<List<String>> linkRows() {
    return schema.rows(
        "SELECT post_id, label_id, role, stamp FROM tl_post_label ORDER BY post_id, label_id");
  }

  @Test
  void aLinkIsInsertedWithItsTwoKeysAloneSoDefaultsAndTriggersFillTheRest() {
    int[] ids = savedPostAndLabel();
    try (Session s = db.session()) {
      Post p = s.get(Post.class, ids[0]);
      Label l = s.get(Label.class, ids[1]);
      p.labels.add(l);
      List<String> sent = sql.record(s::commit);
      assertThat(SqlText.plain(sent))
          .contains("INSERT INTO tl_post_label (post_id, label_id) VALUES (?, ?)");
    }
    assertThat(linkRows())
        .containsExactly(
            List.of("" + ids[0], "" + ids[1], "member", String.valueOf(ids[0] * 1000 + ids[1])));
    try (Session s = db.session()) {
      PostLabel row = s.get(PostLabel.class, ids[0], ids[1]);
      assertThat(row.role).isEqualTo("member");
      assertThat(row.stamp).isEqualTo(ids[0] * 1000 + ids[1]);
    }
  }

  @Test
  void aLinkIsDeletedByItsTwoKeysWhateverItsOtherColumnsHold() {
    int[] ids = savedPostAndLabel();
    schema.execute(
        "INSERT INTO tl_post_label (post_id, label_id, role) VALUES ("
            + ids[0]
            + ", "
            + ids[1]
            + ", 'owner')");
    try (Session s = db.session()) {
      Post p = s.get(Post.class, ids[0]);
      Label l = s.get(Label.class, ids[1]);
      assertThat(p.labels).containsExactly(l);
      p.labels.remove(l);
      List<String> sent = sql.assertStatements(1, s::commit);
      assertThat(SqlText.plain(sent.get(0)))
          .isEqualTo("DELETE FROM tl_post_label WHERE post_id = ? AND label_id = ?");
    }
    assertThat(linkRows()).isEmpty();
    try (Session s = db.session()) {
      assertThat(s.get(Post.class, ids[0]).labels).isEmpty();
      assertThat(s.get(Label.class, ids[1]).posts).isEmpty();
    }
  }

  @Test
  void aLinkRemovedByAnotherTransactionFailsTheFlushAndTheSessionRecovers() {
    int[] ids = savedPostAndLabel();
    try (Session s = db.session()) {
      s.get(Post.class, ids[0]).labels.add(s.get(Label.class, ids[1]));
      s.commit();
    }
    try (Session s = db.session()) {
      s.setExpireOnCommit(false); // the loaded collection stays as it was read
      Post p = s.get(Post.class, ids[0]);
      Label l = p.labels.get(0);
      s.commit(); // ends the read transaction, so the other program can write on every database
      schema.execute("DELETE FROM tl_post_label");
      p.labels.remove(l);
      assertThatThrownBy(s::commit)
          .isInstanceOf(StaleObjectException.class)
          .hasMessageContaining("Cannot delete the association row tl_post_label (post_id = ")
          .hasMessageContaining("the DELETE matched 0 rows; another transaction removed the link")
          .satisfies(e -> assertThat(((StaleObjectException) e).entity()).isNull())
          .satisfies(
              e -> assertThat(((StaleObjectException) e).key()).isEqualTo(List.of(ids[0], ids[1])));
      s.rollback();
      Label other = new Label("other");
      s.get(Post.class, ids[0]).labels.add(other);
      s.commit();
    }
    assertThat(linkRows()).hasSize(1);
  }
}
