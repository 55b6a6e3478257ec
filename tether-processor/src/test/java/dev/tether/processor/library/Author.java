package dev.tether.processor.library;

import dev.tether.Table;

/** No relationship field: {@code books} is created by the backref of {@link Book#author}. */
@Table("author")
public class Author extends Entity {
  public String name;

  /** For Tether. */
  public Author() {}

  /** An author called {@code name}. */
  public Author(String name) {
    this.name = name;
  }
}
