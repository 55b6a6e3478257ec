package seed.backpopulates;

import dev.tether.*;

@Table("parent")
public class Parent extends Model {
  @Id public Integer id;

  @Relationship(backPopulates = "parent")
  public final Many<Child> children = many();
}
