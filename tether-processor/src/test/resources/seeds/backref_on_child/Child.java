package seed.backref_on_child;

import dev.tether.*;

@Table("child")
public class Child extends Model {
  @Id public Integer id;

  @ForeignKey("parent.id") public Integer parentId;

  @Relationship(backref = "children")
  public final One<Parent> parent = one();
}
