package dev.tether.spring.boot;

import dev.tether.Session;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Boot test's service: {@code @Transactional} methods on the auto-configured {@link Session}.
 */
public class Library {
  private final Session session;

  public Library(Session session) {
    this.session = session;
  }

  @Transactional
  public Author add(String name, String... titles) {
    Author author = new Author(name);
    for (String title : titles) {
      author.books.add(new Book(title));
    }
    session.add(author);
    return author;
  }

  @Transactional
  public void addThenFail(String name) {
    add(name, "lost");
    session.flush();
    throw new IllegalStateException("rolled back");
  }

  /** Every author's books, each collection loaded lazily on first use. */
  @Transactional(readOnly = true)
  public int countBooks() {
    int books = 0;
    for (Author a : session.select(Author.class).list()) {
      books += a.books.size();
    }
    return books;
  }
}
