package dev.tether.course;

import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Relationship;
import dev.tether.Table;

/**
 * An assignment of one course, due at {@code dueDate} (Unix seconds, as the course's API has it).
 */
@Table("assignment")
public class Assignment extends Model {
  @Id public Integer id;
  public String title;
  public Long dueDate;

  @ForeignKey("course.id")
  public Integer courseId;

  /** The course; {@code course.assignments} is the other side. */
  @Relationship(backPopulates = "assignments")
  public final One<Course> course = one();

  /** For Tether, which creates instances when it loads rows. */
  public Assignment() {}

  /** A new assignment, in no course yet. */
  public Assignment(String title, long dueDate) {
    this.title = title;
    this.dueDate = dueDate;
  }
}
