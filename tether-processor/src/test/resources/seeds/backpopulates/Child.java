package seed.backpopulates;

import dev.tether.*;

@Table("child")
public class Child extends Model {
  @Id public Integer id;

  @ForeignKey("parent.id") public Integer parentId;

  @Relationship(backPopulates = "children")
  public final One<Parent> parent = one();
}
