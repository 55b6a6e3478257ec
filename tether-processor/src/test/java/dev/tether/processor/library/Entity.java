package dev.tether.processor.library;

import dev.tether.Id;
import dev.tether.Model;

/** A mapped superclass: no table of its own; its subclasses' tables get its {@code id}. */
public abstract class Entity extends Model {
  @Id public Integer id;
}
