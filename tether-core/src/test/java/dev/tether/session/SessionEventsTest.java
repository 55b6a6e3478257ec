package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.DatabaseException;
import dev.tether.EventException;
import dev.tether.IntegrityException;
import dev.tether.Model;
import dev.tether.ModelListener;
import dev.tether.ObjectState;
import dev.tether.Session;
import dev.tether.SessionListener;
import dev.tether.SessionStateException;
import dev.tether.fixtures.Blog;
import dev.tether.fixtures.Blog.Comment;
import dev.tether.fixtures.Blog.Post;
import dev.tether.testing.TestDatabase;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13 item 5: the session events around flushes and transaction ends, once each; a hook or
 * listener that fails fails the flush (rolled back, nothing half-written, the session usable); what
 * {@code beforeFlush} adds is written by the same flush; what a row event must not do is refused.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class SessionEventsTest {
  @Parameter TestDatabase target;
  Database db;
  final EventLog log = new EventLog();

  @BeforeEach
  void open() {
    db = target.open(Blog.registry());
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void listen() {
    db.addModelListener(Model.class, log);
    db.addSessionListener(log);
    db.addStatementListener(log);
  }

  private long count(Class<?> model) {
    try (Session s = db.session()) {
      return s.select(model).count();
    }
  }

  // ---- commit, rollback, close -----------------------------------------------------------------

  @Test
  void everyTransactionEndsWithOneCommitOrRollbackEvent() {
    listen();
    Integer key;
    try (Session s = db.session()) {
      s.commit(); // nothing to flush: no flush events, but a commit
      s.rollback(); // no transaction open: nothing
      s.add(new Post("p1"));
      s.flush();
      s.rollback();
      Post p2 = new Post("p2");
      s.add(p2);
      s.commit();
      p2.title = "p2'";
      s.flush();
      key = p2.id; // 1 where the rolled-back key is used again (SQLite), else 2
    } // close() rolls the open transaction back
    assertThat(log.entries())
        .containsExactly(
            "afterCommit",
            "beforeFlush",
            "beforeInsert p1 id=null stamped",
            "SQL INSERT post",
            "afterInsert p1 id=1 stamped",
            "afterFlush",
            "afterRollback",
            "beforeFlush",
            "beforeInsert p2 id=null stamped",
            "SQL INSERT post",
            "afterInsert p2 id=" + key + " stamped",
            "afterFlush",
            "afterCommit",
            "beforeFlush",
            "beforeUpdate p2' id=" + key + " stamped",
            "SQL UPDATE post",
            "afterUpdate p2' id=" + key + " stamped",
            "afterFlush",
            "afterRollback");
  }

  @Test
  void aFailedFlushRollsBackOnceAndTheSessionGoesOn() {
    try (Session s = db.session()) {
      s.add(new Post("p1"));
      s.commit();
    }
    listen();
    try (Session s = db.session()) {
      Post clash = new Post("clash");
      clash.id = 1;
      s.add(clash);
      assertThatThrownBy(s::flush).isInstanceOf(IntegrityException.class);
      s.rollback(); // the flush rolled back already: no second event
      assertThat(s.stateOf(clash)).isEqualTo(ObjectState.TRANSIENT);
      s.add(new Post("p2"));
      s.commit();
    }
    assertThat(log.entries())
        .containsExactly(
            "beforeFlush",
            "beforeInsert clash id=1 stamped",
            "SQL INSERT post",
            "afterRollback",
            "beforeFlush",
            "beforeInsert p2 id=null stamped",
            "SQL INSERT post",
            "afterInsert p2 id=" + inserted("p2") + " stamped",
            "afterFlush",
            "afterCommit");
  }

  private Integer inserted(String title) {
    try (Session s = db.session()) {
      return s.selectSql(Post.class, "SELECT * FROM post WHERE title = ?", title).get(0).id;
    }
  }

  @Test
  void eachRetriedAttemptOfInTransactionEndsWithARollback() {
    listen();
    AtomicInteger attempts = new AtomicInteger();
    db.inTransaction(
        s -> {
          s.add(new Post("p" + attempts.incrementAndGet()));
          s.flush();
          if (attempts.get() == 1) {
            throw new DatabaseException("serialization", "conflict", "40001", null);
          }
        });
    assertThat(attempts).hasValue(2);
    assertThat(log.only("after"))
        .containsExactly(
            "afterInsert p1 id=1 stamped",
            "afterFlush",
            "afterRollback",
            "afterInsert p2 id=" + inserted("p2") + " stamped",
            "afterFlush",
            "afterCommit");
  }

  // ---- failures --------------------------------------------------------------------------------

  /** Refuses comments saying "bad". */
  static final class Censor implements ModelListener<Comment> {
    @Override
    public void beforeInsert(Session session, Comment c) {
      if (c.text.equals("bad")) {
        throw new IllegalStateException("no bad words");
      }
    }
  }

  @Test
  void aThrowingListenerFailsTheFlushWhichWritesNothingAndCanBeRetried() {
    Censor censor = new Censor();
    db.addModelListener(Comment.class, censor);
    listen();
    Post post = new Post("p1", "ok", "bad");
    try (Session s = db.session()) {
      s.add(post);
      assertThatThrownBy(s::commit)
          .isInstanceOf(EventException.class)
          .hasMessageStartingWith(
              "Censor.beforeInsert threw IllegalStateException (no bad words) for Comment(")
          .hasMessageContaining("text=bad)")
          .hasMessageEndingWith(
              "The flush was rolled back: nothing was written, and the changes are still pending"
                  + " (fix the cause, then flush or commit again, or roll back).")
          .hasCauseInstanceOf(IllegalStateException.class)
          .extracting(e -> ((EventException) e).code())
          .isEqualTo("event-failed");
      assertThat(s.stateOf(post)).isEqualTo(ObjectState.PENDING);
      assertThat(log.entries())
          .containsExactly(
              "beforeFlush",
              "beforeInsert p1 id=null stamped",
              "SQL INSERT post",
              "afterInsert p1 id=1 stamped",
              "beforeInsert ok id=null post=1 stamped",
              "afterRollback");
      db.removeStatementListener(log);
      assertThat(count(Post.class)).isZero();
      db.addStatementListener(log);
      log.clear();
      post.comments.get(1).text = "fine";
      s.commit();
    }
    assertThat(log.only("before")).hasSize(4); // beforeFlush and one beforeInsert per row
    assertThat(log.only("after")).hasSize(5); // three afterInserts, afterFlush, afterCommit
    assertThat(count(Post.class)).isEqualTo(1);
    assertThat(count(Comment.class)).isEqualTo(2);
  }

  @Test
  void tethersOwnExceptionsPassThroughUnwrapped() {
    db.addSessionListener(
        new SessionListener() {
          @Override
          public void beforeFlush(Session session) {
            throw new DatabaseException("serialization", "conflict", "40001", null);
          }
        });
    try (Session s = db.session()) {
      s.add(new Post("p1"));
      assertThatThrownBy(s::commit).isInstanceOf(DatabaseException.class).hasMessage("conflict");
      assertThat(count(Post.class)).isZero();
    }
  }

  // ---- beforeFlush ------------------------------------------------------------------------------

  @Test
  void whatBeforeFlushAddsChangesOrDeletesIsWrittenByTheSameFlush() {
    try (Session s = db.session()) {
      s.add(new Post("old"));
      s.commit();
    }
    Post post = new Post("p1");
    try (Session s = db.session()) {
      Post old = s.get(Post.class, 1);
      db.addSessionListener(
          new SessionListener() {
            @Override
            public void beforeFlush(Session session) {
              session.add(new Post("audit"));
              post.title = "p1, edited before the flush";
              post.comments.add(new Comment("c1"));
              session.delete(old);
            }
          });
      listen();
      s.add(post);
      s.commit();
    }
    assertThat(log.entries())
        .containsExactly(
            "beforeFlush",
            "SQL SELECT comment", // the deleted post's comments (a cascade), none
            "beforeInsert p1, edited before the flush id=null stamped",
            "beforeInsert audit id=null stamped",
            "SQL INSERT post",
            "afterInsert p1, edited before the flush id=2 stamped",
            "afterInsert audit id=3 stamped",
            "beforeInsert c1 id=null post=2 stamped",
            "SQL INSERT comment",
            "afterInsert c1 id=1 post=2 stamped",
            "beforeDelete old id=1 stamped",
            "SQL DELETE post",
            "afterDelete old id=1 stamped",
            "afterFlush",
            "afterCommit");
  }

  // ---- what a row event may not do --------------------------------------------------------------

  @Test
  void addingOrDeletingWhileTheFlushWritesRowsIsRefused() {
    db.addModelListener(
        Post.class,
        new ModelListener<Post>() {
          @Override
          public void afterInsert(Session session, Post p) {
            session.add(new Post("late"));
          }
        });
    try (Session s = db.session()) {
      Post post = new Post("p1");
      s.add(post);
      assertThatThrownBy(s::commit)
          .isInstanceOf(SessionStateException.class)
          .hasMessageStartingWith("Cannot add Post(")
          .hasMessageContaining(
              "while the session's flush is writing rows (from a lifecycle hook or listener): the"
                  + " flush has already chosen what it writes, so the change would be missed. Do"
                  + " it in a SessionListener's beforeFlush, or after the flush.");
      assertThat(s.stateOf(post)).isEqualTo(ObjectState.PENDING);
      assertThat(count(Post.class)).isZero();
    }
  }

  @Test
  void changingARelationshipWhileTheFlushWritesRowsFailsTheFlush() {
    try (Session s = db.session()) {
      s.add(new Post("p1", "c1"));
      s.add(new Post("p2"));
      s.commit();
    }
    db.addModelListener(
        Comment.class,
        new ModelListener<Comment>() {
          @Override
          public void beforeUpdate(Session session, Comment c) {
            c.post.set(session.get(Post.class, 2));
          }
        });
    try (Session s = db.session()) {
      Comment c1 = s.get(Comment.class, 1);
      c1.text = "c1'";
      assertThatThrownBy(s::commit)
          .isInstanceOf(EventException.class)
          .hasMessageStartingWith("A @BeforeUpdate hook or listener for Comment(")
          .hasMessageContaining(
              "while the flush was writing rows, after the foreign keys were copied: the change"
                  + " would not be written. Change relationships before flushing, or in a"
                  + " SessionListener's beforeFlush.")
          .extracting(e -> ((EventException) e).code())
          .isEqualTo("event-relationship");
    }
    try (Session s = db.session()) {
      assertThat(s.get(Comment.class, 1).postId).isEqualTo(1);
      assertThat(s.get(Comment.class, 1).text).isEqualTo("c1");
    }
  }

  @Test
  void committingOrRollingBackDuringAFlushIsRefused() {
    db.addModelListener(
        Post.class,
        new ModelListener<Post>() {
          @Override
          public void afterInsert(Session session, Post p) {
            session.commit();
          }
        });
    try (Session s = db.session()) {
      s.add(new Post("p1"));
      assertThatThrownBy(s::commit)
          .isInstanceOf(SessionStateException.class)
          .hasMessage(
              "Cannot commit while the session is flushing (from a lifecycle hook or listener): the"
                  + " flush would be cut in two. Do it after the flush, for example in a"
                  + " SessionListener's afterCommit.");
    }
    assertThat(count(Post.class)).isZero();
  }
}
