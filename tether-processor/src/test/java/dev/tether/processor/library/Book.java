package dev.tether.processor.library;

import dev.tether.ForeignKey;
import dev.tether.Many;
import dev.tether.One;
import dev.tether.Relationship;
import dev.tether.Table;
import dev.tether.processor.library.tags.Tag;

/** A book: a backref to its author, a many-to-many to tags in another package. */
@Table("book")
public class Book extends Entity {
  public String title;
  public int pages;

  @ForeignKey("author.id")
  public Integer authorId;

  @Relationship(backref = "books")
  public final One<Author> author = one();

  @Relationship(secondary = "book_tag", backPopulates = "books")
  public final Many<Tag> tags = many();

  /** For Tether. */
  public Book() {}

  /** A book called {@code title}. */
  public Book(String title) {
    this.title = title;
  }
}
