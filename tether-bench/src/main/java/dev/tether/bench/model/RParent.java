package dev.tether.bench.model;

import java.util.ArrayList;
import java.util.List;

/** The plain object the raw-JDBC contender fills: what hand-written data access would build. */
public final class RParent {
  public long id;
  public String name;
  public final List<RChild> children = new ArrayList<>();

  public RParent(long id, String name) {
    this.id = id;
    this.name = name;
  }
}
