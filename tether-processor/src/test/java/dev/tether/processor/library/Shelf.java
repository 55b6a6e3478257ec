package dev.tether.processor.library;

import dev.tether.Column;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Relationship;
import dev.tether.Table;

/** Models nested in a class: their metamodels are {@code Shelf_Slot_}, top-level. */
public final class Shelf {
  private Shelf() {}

  /** Holds at most one book, and a book is in at most one slot: a one-to-one backref. */
  @Table("slot")
  public static class Slot extends Model {
    @Id public Integer id;

    @ForeignKey("book.id")
    @Column(unique = true)
    public Integer bookId;

    @Relationship(backref = "slot")
    public final One<Book> book = one();
  }
}
