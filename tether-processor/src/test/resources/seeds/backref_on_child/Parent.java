package seed.backref_on_child;

import dev.tether.*;

@Table("parent")
public class Parent extends Model {
  @Id public Integer id;

}
