package seed.backref_on_parent;

import dev.tether.*;

@Table("parent")
public class Parent extends Model {
  @Id public Integer id;

  @Relationship(backref = "parent")
  public final Many<Child> children = many();
}
