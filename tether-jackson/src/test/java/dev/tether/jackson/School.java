package dev.tether.jackson;

import dev.tether.Column;
import dev.tether.Embeddable;
import dev.tether.Embedded;
import dev.tether.EnumStorage;
import dev.tether.Enumerated;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Json;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.One;
import dev.tether.Registry;
import dev.tether.Relationship;
import dev.tether.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The models of the tests: the course's school (courses ↔ students many-to-many through {@code
 * jk_enrollment}, course → assignments one-to-many, both loaded selectin), a self-referential tree,
 * a one-sided {@code backref} pair, and a model with one column of each kind of value.
 */
final class School {
  private School() {}

  static Registry registry() {
    return Registry.of(
        Course.class,
        Student.class,
        Assignment.class,
        Node.class,
        Team.class,
        Member.class,
        Sample.class);
  }

  @Table("jk_course")
  public static class Course extends Model {
    @Id public Integer id;
    public String code;
    public String name;

    @Relationship(
        secondary = "jk_enrollment",
        backPopulates = "courses",
        lazy = "selectin",
        orderBy = "id")
    public final Many<Student> students = many();

    @Relationship(backPopulates = "course", lazy = "selectin", orderBy = "id")
    public final Many<Assignment> assignments = many();

    public Course() {}

    Course(Integer id, String code, String name) {
      this.id = id;
      this.code = code;
      this.name = name;
    }
  }

  @Table("jk_student")
  public static class Student extends Model {
    @Id public Integer id;
    public String name;
    public String netid;

    @Relationship(secondary = "jk_enrollment", backPopulates = "students", orderBy = "id")
    public final Many<Course> courses = many();

    public Student() {}

    Student(Integer id, String name, String netid) {
      this.id = id;
      this.name = name;
      this.netid = netid;
    }
  }

  @Table("jk_assignment")
  public static class Assignment extends Model {
    @Id public Integer id;
    public String title;
    public LocalDate dueDate;

    @ForeignKey("jk_course.id")
    public Integer courseId;

    @Relationship(backPopulates = "assignments")
    public final One<Course> course = one();

    public Assignment() {}

    Assignment(Integer id, String title, LocalDate dueDate) {
      this.id = id;
      this.title = title;
      this.dueDate = dueDate;
    }
  }

  /** An adjacency list: {@code parent} ↔ {@code children}. */
  @Table("jk_node")
  public static class Node extends Model {
    @Id public Integer id;
    public String name;

    @ForeignKey("jk_node.id")
    public Integer parentId;

    @Relationship(backPopulates = "children")
    public final One<Node> parent = one();

    @Relationship(backPopulates = "parent", lazy = "selectin", orderBy = "id")
    public final Many<Node> children = many();

    public Node() {}

    Node(Integer id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  /** Declares {@code members} with a backref: {@code Member} gets {@code team} by itself. */
  @Table("jk_team")
  public static class Team extends Model {
    @Id public Integer id;
    public String name;

    @Relationship(backref = "team", orderBy = "id")
    public final Many<Member> members = many();

    public Team() {}

    Team(Integer id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  @Table("jk_member")
  public static class Member extends Model {
    @Id public Integer id;
    public String name;

    @ForeignKey("jk_team.id")
    public Integer teamId;

    public Member() {}

    Member(Integer id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  public enum Level {
    LOW,
    HIGH
  }

  @Embeddable
  public record Geo(double lat, double lon) {}

  @Embeddable
  public record Place(String city, Geo geo) {}

  /** One column of each kind of value. */
  @Table("jk_sample")
  public static class Sample extends Model {
    @Id public UUID id;

    @Column(precision = 10, scale = 2)
    public BigDecimal price;

    public LocalDate day;

    @Enumerated(EnumStorage.NAME)
    public Level level;

    @Enumerated(EnumStorage.ORDINAL)
    public Level rank;

    @Json public List<String> tags;

    @Embedded public Place place;

    public boolean active;
  }
}
