package dev.tether.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.Many;
import dev.tether.One;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.processor.library.Address;
import dev.tether.processor.library.Author;
import dev.tether.processor.library.Author_;
import dev.tether.processor.library.Book;
import dev.tether.processor.library.Book_;
import dev.tether.processor.library.Geo;
import dev.tether.processor.library.Publisher;
import dev.tether.processor.library.Publisher_;
import dev.tether.processor.library.Shelf;
import dev.tether.processor.library.Shelf_Slot_;
import dev.tether.processor.library.tags.Tag;
import dev.tether.processor.library.tags.Tag_;
import dev.tether.query.ColumnAttribute;
import dev.tether.query.EmbeddedAttribute;
import dev.tether.query.ManyAttribute;
import dev.tether.query.OneAttribute;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/**
 * The metamodel the processor generated for {@code dev.tether.processor.library} when Maven
 * compiled these tests: its attributes are typed as the fields are, and its backref accessors are
 * the live relationships, in memory and through a session.
 */
class MetamodelTest {

  @Test
  void columnAttributesAreTypedAsTheFieldsInheritedOnesIncluded() {
    ColumnAttribute<Book, String> title = Book_.title;
    ColumnAttribute<Book, Integer> pages = Book_.pages; // int, boxed
    ColumnAttribute<Book, Integer> id = Book_.id; // declared by the mapped superclass Entity
    assertThat(title.model()).isEqualTo(Book.class);
    assertThat(title.name()).isEqualTo("title");
    assertThat(title.type()).isEqualTo(String.class);
    assertThat(pages.type()).isEqualTo(Integer.class);
    assertThat(id.model()).isEqualTo(Book.class);
    assertThat(Book_.authorId.name()).isEqualTo("authorId");
  }

  @Test
  void everyRelationshipHasAnAttributeBackrefsIncluded() {
    OneAttribute<Book, Author> author = Book_.author;
    ManyAttribute<Book, Tag> tags = Book_.tags;
    ManyAttribute<Tag, Book> books = Tag_.books;
    ManyAttribute<Author, Book> backref = Author_.books; // created by Book.author's backref
    OneAttribute<Book, Shelf.Slot> slot = Book_.slot; // one-to-one: the key is unique
    assertThat(author.target()).isEqualTo(Author.class);
    assertThat(tags.target()).isEqualTo(Tag.class);
    assertThat(books.model()).isEqualTo(Tag.class);
    assertThat(backref.name()).isEqualTo("books");
    assertThat(backref.target()).isEqualTo(Book.class);
    assertThat(slot.target()).isEqualTo(Shelf.Slot.class);
    assertThat(Shelf_Slot_.book.target()).isEqualTo(Book.class);
  }

  @Test
  void metamodelClassesAreFinalWithAPrivateConstructor() throws Exception {
    assertThat(Modifier.isFinal(Author_.class.getModifiers())).isTrue();
    assertThat(Modifier.isPrivate(Author_.class.getDeclaredConstructor().getModifiers())).isTrue();
  }

  @Test
  void backrefAccessorsAreTheLiveRelationshipsInMemory() {
    Registry.scan();
    Author author = new Author("Le Guin");
    Book book = new Book("The Dispossessed");
    book.author.set(author);
    Many<Book> books = Author_.books(author);
    assertThat(books).containsExactly(book);
    Book other = new Book("The Lathe of Heaven");
    books.add(other);
    assertThat(other.author.get()).isSameAs(author);

    Shelf.Slot slot = new Shelf.Slot();
    One<Shelf.Slot> itsSlot = Book_.slot(book);
    itsSlot.set(slot);
    assertThat(slot.book.get()).isSameAs(book);
  }

  @Test
  void backrefAccessorsWorkThroughASession() {
    try (Database db = Database.open("jdbc:sqlite::memory:", Registry.scan())) {
      db.createAll();
      Author author = new Author("Le Guin");
      Tag sf = new Tag("sf");
      Book book = new Book("The Dispossessed");
      Author_.books(author).add(book);
      book.tags.add(sf);
      try (Session session = db.session()) {
        session.add(author); // the backref's save-update cascade brings the book, and its tag
        session.commit();
      }
      try (Session session = db.session()) {
        Author loaded = session.get(Author.class, author.id);
        Many<Book> books = Author_.books(loaded); // loads lazily, like any relationship
        assertThat(books).extracting(b -> b.title).containsExactly("The Dispossessed");
        assertThat(books.get(0).tags).extracting(t -> t.label).containsExactly("sf");
        assertThat(Tag_.books.name()).isEqualTo("books");
      }
    }
  }

  @Test
  void embeddedComponentsAreColumnAttributesOfTheOwnerNestedOnesIncluded() {
    ColumnAttribute<Publisher, String> city = Publisher_.office.city;
    ColumnAttribute<Publisher, Double> lat = Publisher_.shipping.geo.lat; // double, boxed
    EmbeddedAttribute<Publisher, Address> office = Publisher_.office;
    EmbeddedAttribute<Publisher, Geo> geo = Publisher_.office.geo;
    assertThat(city.model()).isEqualTo(Publisher.class);
    assertThat(city.name()).isEqualTo("office.city");
    assertThat(lat.name()).isEqualTo("shipping.geo.lat");
    assertThat(lat.type()).isEqualTo(Double.class);
    assertThat(office.path()).isEqualTo("office");
    assertThat(office.type()).isEqualTo(Address.class);
    assertThat(geo.path()).isEqualTo("office.geo");
  }

  @Test
  void embeddedComponentsQueryThroughASession() {
    try (Database db = Database.open("jdbc:sqlite::memory:", Registry.scan())) {
      db.createAll();
      try (Session session = db.session()) {
        session.add(new Publisher("Ace", new Address("1 Main St", "Oslo", new Geo(59.9, 10.7))));
        session.add(new Publisher("Tor", new Address("2 Side St", "Bergen", null)));
        session.add(new Publisher("Gollancz", null));
        session.commit();
      }
      try (Session session = db.session()) {
        assertThat(
                session
                    .select(Publisher.class)
                    .where(Publisher_.office.city.like("%o%"))
                    .orderBy(Publisher_.office.city.desc())
                    .list())
            .extracting(p -> p.name)
            .containsExactly("Ace");
        assertThat(
                session
                    .select(Publisher.class)
                    .where(Publisher_.office.eq(new Address("2 Side St", "Bergen", null)))
                    .list())
            .extracting(p -> p.name)
            .containsExactly("Tor");
        assertThat(session.select(Publisher.class).where(Publisher_.office.isNull()).list())
            .extracting(p -> p.name)
            .containsExactly("Gollancz");
        assertThat(
                session
                    .select(Publisher_.office.geo.lat)
                    .where(Publisher_.office.geo.isNotNull())
                    .list())
            .containsExactly(59.9);
        Publisher tor =
            session.select(Publisher.class).where(Publisher_.name.eq("Tor")).list().get(0);
        assertThat(tor.office).isEqualTo(new Address("2 Side St", "Bergen", null));
        assertThat(tor.shipping).isNull();
      }
    }
  }
}
