package dev.tether.processor.library;

import dev.tether.Embedded;
import dev.tether.Table;

/** Two embedded addresses: one with the default prefix ({@code office_}), one with its own. */
@Table("publisher")
public class Publisher extends Entity {
  public String name;
  public Address office;

  @Embedded(prefix = "ship_")
  public Address shipping;

  /** For Tether. */
  public Publisher() {}

  /** A publisher called {@code name} with its office at {@code office}. */
  public Publisher(String name, Address office) {
    this.name = name;
    this.office = office;
  }
}
