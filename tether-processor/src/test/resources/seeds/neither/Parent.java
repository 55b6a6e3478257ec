package seed.neither;

import dev.tether.*;

@Table("parent")
public class Parent extends Model {
  @Id public Integer id;

  @Relationship public final Many<Child> children = many();
}
