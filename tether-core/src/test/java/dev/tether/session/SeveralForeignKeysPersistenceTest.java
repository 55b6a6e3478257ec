package dev.tether.session;

import static dev.tether.testing.SqlText.plain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.Session;
import dev.tether.fixtures.Messaging;
import dev.tether.fixtures.Messaging.Message;
import dev.tether.fixtures.Messaging.User;
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
 * Two relationships to the same table through different foreign keys (S18 fixed with {@code
 * foreignKeys}), persisted on every database: each writes its own column, loads through its own
 * column, and the reverse collections are right after a reload.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class SeveralForeignKeysPersistenceTest {
  static final String LOAD_SENT =
      "SELECT t0.id, t0.subject, t0.sender_id, t0.recipient_id FROM msg_message t0"
          + " WHERE t0.sender_id = ? ORDER BY t0.id";
  static final String LOAD_RECEIVED =
      "SELECT t0.id, t0.subject, t0.sender_id, t0.recipient_id FROM msg_message t0"
          + " WHERE t0.recipient_id = ? ORDER BY t0.id";

  @Parameter TestDatabase target;
  Database db;
  final StatementRecorder sql = new StatementRecorder();

  @BeforeEach
  void open() {
    db = target.open(Messaging.registry());
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void assertSql(Runnable action, String... expected) {
    assertThat(plain(sql.record(action))).containsExactly(expected);
  }

  private static Message message(String subject, User from, User to) {
    Message m = new Message(subject);
    m.sender.set(from);
    m.recipient.set(to);
    return m;
  }

  private static List<String> subjects(List<Message> messages) {
    return messages.stream().map(m -> m.subject).toList();
  }

  /** Each relationship writes its own column; the reverse collections follow in memory. */
  @Test
  void eachRelationshipWritesItsOwnColumn() {
    User ann = new User("ann");
    User bob = new User("bob");
    Message hi = message("hi", ann, bob);
    assertThat(ann.sent).containsExactly(hi);
    assertThat(ann.received).isEmpty();
    assertThat(bob.received).containsExactly(hi);
    assertThat(bob.sent).isEmpty();
    try (Session s = db.session()) {
      s.add(hi);
      assertSql(
          s::commit,
          "INSERT INTO msg_user (name) VALUES (?), (?) RETURNING id",
          "INSERT INTO msg_message (subject, sender_id, recipient_id) VALUES (?, ?, ?)"
              + " RETURNING id");
    }
    assertThat(hi.senderId).isEqualTo(ann.id).isNotNull();
    assertThat(hi.recipientId).isEqualTo(bob.id).isNotNull();
    assertThat(ann.id).isNotEqualTo(bob.id);
  }

  /** After a reload each collection loads through its own column. */
  @Test
  void reverseCollectionsLoadThroughTheirOwnColumn() {
    User ann = new User("ann");
    User bob = new User("bob");
    User cy = new User("cy");
    try (Session s = db.session()) {
      s.addAll(
          List.of(
              message("a→b", ann, bob),
              message("b→a", bob, ann),
              message("a→c", ann, cy),
              message("c→b", cy, bob)));
      s.commit();
    }
    try (Session s = db.session()) {
      User a = s.get(User.class, ann.id);
      User b = s.get(User.class, bob.id);
      assertSql(() -> assertThat(subjects(a.sent)).containsExactly("a→b", "a→c"), LOAD_SENT);
      assertSql(() -> assertThat(subjects(a.received)).containsExactly("b→a"), LOAD_RECEIVED);
      assertThat(subjects(b.sent)).containsExactly("b→a");
      assertThat(subjects(b.received)).containsExactly("a→b", "c→b");
      Message ab = a.sent.get(0);
      assertSql(
          () -> {
            assertThat(ab.sender.get()).isSameAs(a);
            assertThat(ab.recipient.get()).isSameAs(b);
          });
      assertThat(b.received.get(0)).isSameAs(ab);
    }
  }

  /** Changing the recipient updates recipient_id only; both users' collections follow. */
  @Test
  void changingTheRecipientUpdatesOnlyItsColumn() {
    User ann = new User("ann");
    User bob = new User("bob");
    User cy = new User("cy");
    Message hi = message("hi", ann, bob);
    try (Session s = db.session()) {
      s.addAll(List.of(hi, cy));
      s.commit();
    }
    try (Session s = db.session()) {
      User b = s.get(User.class, bob.id);
      User c = s.get(User.class, cy.id);
      Message m = b.received.get(0);
      c.received.size();
      m.recipient.set(c);
      assertThat(b.received).isEmpty();
      assertThat(c.received).containsExactly(m);
      assertSql(s::flush, "UPDATE msg_message SET recipient_id = ? WHERE id = ?");
      assertThat(m.recipientId).isEqualTo(cy.id);
      assertThat(m.senderId).isEqualTo(ann.id);
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.get(User.class, bob.id).received).isEmpty();
      assertThat(subjects(s.get(User.class, cy.id).received)).containsExactly("hi");
      assertThat(subjects(s.get(User.class, ann.id).sent)).containsExactly("hi");
    }
  }

  /** Adding through a collection writes that collection's column, not the other. */
  @Test
  void addingThroughACollectionWritesItsColumn() {
    User ann = new User("ann");
    User bob = new User("bob");
    Message m = new Message("m");
    ann.sent.add(m);
    bob.received.add(m);
    assertThat(m.sender.get()).isSameAs(ann);
    assertThat(m.recipient.get()).isSameAs(bob);
    try (Session s = db.session()) {
      s.add(ann);
      assertThat(s.contains(bob)).isTrue(); // reached through m.recipient
      s.commit();
    }
    assertThat(m.senderId).isEqualTo(ann.id).isNotNull();
    assertThat(m.recipientId).isEqualTo(bob.id).isNotNull();
    try (Session s = db.session()) {
      Message loaded = s.get(Message.class, m.id);
      assertThat(loaded.sender.get().name).isEqualTo("ann");
      assertThat(loaded.recipient.get().name).isEqualTo("bob");
    }
  }

  /** One user on both ends: in both collections, one row, both columns. */
  @Test
  void noteToSelfIsInBothCollections() {
    User ann = new User("ann");
    Message note = message("note", ann, ann);
    assertThat(ann.sent).containsExactly(note);
    assertThat(ann.received).containsExactly(note);
    try (Session s = db.session()) {
      s.add(ann);
      s.commit();
    }
    try (Session s = db.session()) {
      User a = s.get(User.class, ann.id);
      assertThat(subjects(a.sent)).containsExactly("note");
      assertThat(a.received).containsExactly(a.sent.get(0));
      a.received.remove(0);
      assertThat(a.sent.get(0).recipient.get()).isNull();
      assertSql(s::flush, "UPDATE msg_message SET recipient_id = ? WHERE id = ?");
      s.commit();
    }
    try (Session s = db.session()) {
      Message m = s.get(Message.class, note.id);
      assertThat(m.senderId).isEqualTo(ann.id);
      assertThat(m.recipientId).isNull();
    }
  }

  /**
   * Deleting a user (default cascade, S51) nulls the sender key of what it sent and the recipient
   * key of what it received, each in its own column; the other key stays.
   */
  @Test
  void deletingAUserNullsEachColumnWhereItAppears() {
    User ann = new User("ann");
    User bob = new User("bob");
    Message ab = message("a→b", ann, bob);
    Message ba = message("b→a", bob, ann);
    try (Session s = db.session()) {
      s.addAll(List.of(ab, ba));
      s.commit();
    }
    try (Session s = db.session()) {
      User a = s.get(User.class, ann.id);
      User b = s.get(User.class, bob.id);
      a.sent.size();
      a.received.size();
      b.sent.size();
      b.received.size();
      s.delete(a);
      List<String> sent = plain(sql.record(s::flush));
      assertThat(sent)
          .containsExactlyInAnyOrder(
              "UPDATE msg_message SET sender_id = ? WHERE id = ?",
              "UPDATE msg_message SET recipient_id = ? WHERE id = ?",
              "DELETE FROM msg_user WHERE id = ?");
      assertThat(sent).last().isEqualTo("DELETE FROM msg_user WHERE id = ?");
      Message m1 = b.received.get(0);
      Message m2 = b.sent.get(0);
      assertThat(m1.sender.get()).isNull();
      assertThat(m1.recipient.get()).isSameAs(b);
      assertThat(m2.recipient.get()).isNull();
      assertThat(m2.sender.get()).isSameAs(b);
      s.commit();
    }
    try (Session s = db.session()) {
      Message m1 = s.get(Message.class, ab.id);
      Message m2 = s.get(Message.class, ba.id);
      assertThat(m1.senderId).isNull();
      assertThat(m1.recipientId).isEqualTo(bob.id);
      assertThat(m2.senderId).isEqualTo(bob.id);
      assertThat(m2.recipientId).isNull();
    }
  }

  /**
   * A key written directly re-points its own relationship at flush and moves the message between
   * loaded collections of that column only (improvement 6).
   */
  @Test
  void keyWrittenDirectlyRepointsOnlyItsRelationship() {
    User ann = new User("ann");
    User bob = new User("bob");
    User cy = new User("cy");
    Message hi = message("hi", ann, bob);
    try (Session s = db.session()) {
      s.addAll(List.of(hi, cy));
      s.commit();
    }
    try (Session s = db.session()) {
      User a = s.get(User.class, ann.id);
      User b = s.get(User.class, bob.id);
      User c = s.get(User.class, cy.id);
      Message m = a.sent.get(0);
      b.received.size();
      c.received.size();
      c.sent.size();
      m.recipientId = cy.id;
      assertSql(s::flush, "UPDATE msg_message SET recipient_id = ? WHERE id = ?");
      assertThat(m.recipient.get()).isSameAs(c);
      assertThat(m.sender.get()).isSameAs(a);
      assertThat(b.received).isEmpty();
      assertThat(c.received).containsExactly(m);
      assertThat(c.sent).isEmpty();
      assertThat(a.sent).containsExactly(m);
      s.commit();
    }
  }
}
