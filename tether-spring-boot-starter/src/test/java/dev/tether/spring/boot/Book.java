package dev.tether.spring.boot;

import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Relationship;
import dev.tether.Table;

/** A book of the Boot test's library. */
@Table("book")
public class Book extends Model {
  @Id public Integer id;
  public String title;

  @ForeignKey("author.id")
  public Integer authorId;

  @Relationship(backPopulates = "books")
  public final One<Author> author = one();

  public Book() {}

  public Book(String title) {
    this.title = title;
  }
}
