package seed.backref_on_parent;

import dev.tether.*;

@Table("child")
public class Child extends Model {
  @Id public Integer id;

  @ForeignKey("parent.id") public Integer parentId;

}
