package dev.tether.query.model;

import dev.tether.Database;
import dev.tether.Registry;
import dev.tether.Session;

/** The registry of the query fixture, and a small family to query. */
public final class Family {
  private Family() {}

  /** Parent, Child, Toy, Tag. */
  public static Registry registry() {
    return Registry.of(Parent.class, Child.class, Toy.class, Tag.class);
  }

  /**
   * Three parents: {@code p1} (rank 1; children c1 [toys t1, t2], c2 [t3]; tags red, blue), {@code
   * p2} (rank 2; child c3 with a null position; tag red) and {@code p3} (rank null; no children, no
   * tags).
   */
  public static void seed(Database db) {
    Tag red = new Tag("red");
    Tag blue = new Tag("blue");
    Parent p1 = new Parent("p1", 1);
    Child c1 = new Child("c1", 1);
    c1.toys.add(new Toy("t1"));
    c1.toys.add(new Toy("t2"));
    Child c2 = new Child("c2", 2);
    c2.toys.add(new Toy("t3"));
    p1.children.add(c1);
    p1.children.add(c2);
    p1.tags.add(red);
    p1.tags.add(blue);
    Parent p2 = new Parent("p2", 2);
    p2.children.add(new Child("c3", null));
    p2.tags.add(red);
    Parent p3 = new Parent("p3", null);
    try (Session s = db.session()) {
      s.add(p1);
      s.add(p2);
      s.add(p3);
      s.commit();
    }
  }
}
