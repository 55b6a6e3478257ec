package seed.neither;

import dev.tether.*;

@Table("child")
public class Child extends Model {
  @Id public Integer id;

  @ForeignKey("parent.id") public Integer parentId;

  @Relationship public final One<Parent> parent = one();
}
