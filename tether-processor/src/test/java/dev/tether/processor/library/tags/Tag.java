package dev.tether.processor.library.tags;

import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.Relationship;
import dev.tether.Table;
import dev.tether.processor.library.Book;

/** A tag, in another package than the books it labels. */
@Table("tag")
public class Tag extends Model {
  @Id public Integer id;
  public String label;

  @Relationship(secondary = "book_tag", backPopulates = "tags")
  public final Many<Book> books = many();

  /** For Tether. */
  public Tag() {}

  /** A tag labelled {@code label}. */
  public Tag(String label) {
    this.label = label;
  }
}
