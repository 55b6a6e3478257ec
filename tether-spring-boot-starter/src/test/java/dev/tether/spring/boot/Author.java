package dev.tether.spring.boot;

import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.Relationship;
import dev.tether.Table;

/** An author of the Boot test's library; the annotation processor lists it in the model index. */
@Table("author")
public class Author extends Model {
  @Id public Integer id;
  public String name;

  @Relationship(backPopulates = "author")
  public final Many<Book> books = many();

  public Author() {}

  public Author(String name) {
    this.name = name;
  }
}
