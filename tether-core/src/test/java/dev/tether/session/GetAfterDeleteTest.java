package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Registry;
import dev.tether.Relationship;
import dev.tether.Session;
import dev.tether.Table;
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
 * A {@code get} by key flushes pending deletes only when they can change the row it looks for: a
 * loop of {@code delete(get(...))} keeps its deletes pending and writes them as one batch per table
 * at commit, while a get of a row the deletes cascade to (or empty the key of) still flushes first.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class GetAfterDeleteTest {
  private static final int SHELVES = 5;
  private static final int BOOKS_EACH = 3;

  /** {@code gd_shelf(id, name)}: deleting a shelf deletes its books. */
  @Table("gd_shelf")
  public static class Shelf extends Model {
    @Id public Integer id;
    public String name;

    @Relationship(backPopulates = "shelf", cascade = "all, delete-orphan")
    public final Many<Book> books = many();

    public Shelf() {}

    Shelf(String name) {
      this.name = name;
    }
  }

  /** {@code gd_book(id, title, shelf_id → gd_shelf.id)}. */
  @Table("gd_book")
  public static class Book extends Model {
    @Id public Integer id;
    public String title;

    @ForeignKey("gd_shelf.id")
    public Integer shelfId;

    @Relationship(backPopulates = "books")
    public final One<Shelf> shelf = one();

    public Book() {}

    Book(String title) {
      this.title = title;
    }
  }

  /** {@code gd_owner(id)}: deleting an owner only empties its pets' key (no delete cascade). */
  @Table("gd_owner")
  public static class Owner extends Model {
    @Id public Integer id;

    @Relationship(backPopulates = "owner")
    public final Many<Pet> pets = many();
  }

  /** {@code gd_pet(id, owner_id → gd_owner.id)}, the key nullable. */
  @Table("gd_pet")
  public static class Pet extends Model {
    @Id public Integer id;

    @ForeignKey("gd_owner.id")
    public Integer ownerId;

    @Relationship(backPopulates = "pets")
    public final One<Owner> owner = one();
  }

  @Parameter TestDatabase target;
  Database db;
  final StatementRecorder sql = new StatementRecorder();

  @BeforeEach
  void open() {
    db = target.open(Registry.of(Shelf.class, Book.class, Owner.class, Pet.class));
    try (Session s = db.session()) {
      for (int i = 0; i < SHELVES; i++) {
        Shelf shelf = new Shelf("s" + i);
        for (int j = 0; j < BOOKS_EACH; j++) {
          shelf.books.add(new Book("b" + i + "." + j));
        }
        s.add(shelf);
      }
      Owner owner = new Owner();
      owner.pets.add(new Pet());
      s.add(owner);
      s.commit();
    }
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** The statements {@code action} sent, identifier quotes removed. */
  private List<String> sent(Runnable action) {
    return sql.record(action).stream().map(q -> q.replaceAll("[\"`]", "")).toList();
  }

  @Test
  void getAfterDeleteOfAnotherKeySendsOnlyItsSelect() {
    try (Session s = db.session()) {
      s.delete(s.get(Shelf.class, 1));
      List<String> sent = sql.assertStatements(1, () -> s.get(Shelf.class, 2));
      assertThat(sent.get(0)).startsWith("SELECT");
      s.rollback();
    }
  }

  @Test
  void deletesInALoopOfGetsAreWrittenInOneBatchPerTable() {
    try (Session s = db.session()) {
      List<String> reads =
          sent(
              () -> {
                for (int id = 1; id <= SHELVES; id++) {
                  s.delete(s.get(Shelf.class, id));
                }
              });
      assertThat(reads).hasSize(SHELVES).allMatch(q -> q.startsWith("SELECT"));
      List<String> commit = sent(s::commit);
      List<String> writes = commit.stream().filter(q -> !q.startsWith("SELECT")).toList();
      assertThat(writes).hasSize(2); // the books' DELETE batch, then the shelves'
      assertThat(writes.get(0)).startsWith("DELETE FROM gd_book");
      assertThat(writes.get(1)).startsWith("DELETE FROM gd_shelf");
      assertThat(sql.batchRows().subList(sql.count() - 2, sql.count()))
          .containsExactly(SHELVES * BOOKS_EACH, SHELVES);
    }
    try (Session s = db.session()) {
      assertThat(s.select(Shelf.class).list()).isEmpty();
      assertThat(s.select(Book.class).list()).isEmpty();
    }
  }

  @Test
  void getOfARowTheDeleteCascadesToFlushesFirstAndFindsNothing() {
    int bookId;
    try (Session s = db.session()) {
      bookId = s.get(Shelf.class, 1).books.get(0).id;
    }
    try (Session s = db.session()) {
      s.delete(s.get(Shelf.class, 1)); // its books are not loaded: the flush finds them
      List<String> sent = sent(() -> assertThat(s.get(Book.class, bookId)).isNull());
      assertThat(sent.get(0)).doesNotStartWith("SELECT gd_book");
      assertThat(sent).anyMatch(q -> q.startsWith("DELETE FROM gd_book"));
      s.commit();
    }
  }

  @Test
  void getOfARowWhoseKeyTheDeleteEmptiesFlushesFirst() {
    try (Session s = db.session()) {
      s.delete(s.get(Owner.class, 1));
      List<String> sent = sent(() -> assertThat(s.get(Pet.class, 1).ownerId).isNull());
      assertThat(sent.get(0)).startsWith("SELECT"); // the flush loads the owner's pets,
      assertThat(sent).anyMatch(q -> q.startsWith("UPDATE gd_pet")); // empties their key
      assertThat(sent).anyMatch(q -> q.startsWith("DELETE FROM gd_owner"));
      s.commit();
    }
  }

  @Test
  void getOfTheDeletedKeyItselfIsAnIdentityMapHitWithoutSql() {
    try (Session s = db.session()) {
      Shelf shelf = s.get(Shelf.class, 3);
      s.delete(shelf);
      // unchanged: the identity map answers, nothing is flushed (SQLAlchemy returns the object too)
      sql.assertNoStatements(() -> assertThat(s.get(Shelf.class, 3)).isSameAs(shelf));
      s.flush();
      assertThat(s.get(Shelf.class, 3)).isNull();
      s.rollback();
    }
  }

  @Test
  void aNewObjectStillFlushesBeforeAGetItsRowMightAnswer() {
    try (Session s = db.session()) {
      s.delete(s.get(Shelf.class, 1));
      Shelf added = new Shelf("new");
      added.id = 100;
      s.add(added);
      List<String> sent = sent(() -> assertThat(s.get(Shelf.class, 100)).isSameAs(added));
      assertThat(sent).anyMatch(q -> q.startsWith("INSERT INTO gd_shelf"));
      assertThat(sent).anyMatch(q -> q.startsWith("DELETE FROM gd_shelf"));
      s.rollback();
    }
  }
}
