package dev.tether.session;

import static dev.tether.testing.SqlText.plain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Column;
import dev.tether.Database;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.ObjectState;
import dev.tether.One;
import dev.tether.Registry;
import dev.tether.Relationship;
import dev.tether.Session;
import dev.tether.Table;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code passiveDeletes = true} over {@code ON DELETE CASCADE} and {@code ON DELETE SET NULL}:
 * deleting the parent sends its DELETE alone (no SELECT of the children, no statement per child),
 * and the children the session holds end as the database left them: deleted, or with an empty key.
 *
 * <p>SQLAlchemy (1.4 and 2.0) skips the SELECT too, but DELETEs the loaded members one by one and
 * leaves the other children of the identity map persistent and stale.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class PassiveDeletesTest {
  @Table("pd_parent")
  public static class Parent extends Model {
    @Id public Integer id;

    @Relationship(backPopulates = "parent", cascade = "all, delete-orphan", passiveDeletes = true)
    public final Many<Child> children = many();
  }

  @Table("pd_child")
  public static class Child extends Model {
    @Id public Integer id;

    @ForeignKey(value = "pd_parent.id", onDelete = "CASCADE")
    public Integer parentId;

    public String name;

    @Relationship(backPopulates = "children")
    public final One<Parent> parent = one();
  }

  @Table("pd_shelf")
  public static class Shelf extends Model {
    @Id public Integer id;

    @Relationship(backPopulates = "shelf", cascade = "all", passiveDeletes = true)
    public final Many<Box> boxes = many();
  }

  @Table("pd_box")
  public static class Box extends Model {
    @Id public Integer id;

    @ForeignKey(value = "pd_shelf.id", onDelete = "CASCADE")
    public Integer shelfId;

    @Relationship(backPopulates = "boxes")
    public final One<Shelf> shelf = one();

    /** Not passive, and its key has no ON DELETE rule: Tether deletes the toys itself. */
    @Relationship(backPopulates = "box", cascade = "all")
    public final Many<Toy> toys = many();
  }

  @Table("pd_toy")
  public static class Toy extends Model {
    @Id public Integer id;

    @ForeignKey("pd_box.id")
    public Integer boxId;

    @Relationship(backPopulates = "toys")
    public final One<Box> box = one();
  }

  @Table("pd_folder")
  public static class Folder extends Model {
    @Id public Integer id;

    @Relationship(backPopulates = "folder", passiveDeletes = true)
    public final Many<Note> notes = many();
  }

  @Table("pd_note")
  public static class Note extends Model {
    @Id public Integer id;

    @ForeignKey(value = "pd_folder.id", onDelete = "SET NULL")
    public Integer folderId;

    @Relationship(backPopulates = "notes")
    public final One<Folder> folder = one();
  }

  @Table("pd_person")
  public static class Person extends Model {
    @Id public Integer id;

    @Relationship(backPopulates = "owner", cascade = "all", passiveDeletes = true)
    public final One<Passport> passport = one();
  }

  @Table("pd_passport")
  public static class Passport extends Model {
    @Id public Integer id;

    @ForeignKey(value = "pd_person.id", onDelete = "CASCADE")
    @Column(unique = true)
    public Integer ownerId;

    @Relationship(backPopulates = "passport")
    public final One<Person> owner = one();
  }

  @Parameter TestDatabase target;
  final StatementRecorder sql = new StatementRecorder();
  Database db;
  Integer p1;
  Integer p2;
  List<Integer> kids;

  @BeforeEach
  void open() {
    db =
        target.open(
            Registry.of(
                Parent.class,
                Child.class,
                Folder.class,
                Note.class,
                Shelf.class,
                Box.class,
                Toy.class,
                Person.class,
                Passport.class));
    Parent a = new Parent();
    Parent b = new Parent();
    for (String name : List.of("a1", "a2", "a3")) {
      Child c = new Child();
      c.name = name;
      a.children.add(c);
    }
    List<Child> ofA = List.copyOf(a.children);
    Child other = new Child();
    other.name = "b1";
    b.children.add(other);
    try (Session s = db.session()) {
      s.add(a);
      s.add(b);
      s.commit();
    }
    p1 = a.id;
    p2 = b.id;
    kids = ofA.stream().map(c -> c.id).toList();
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void unloadedChildrenAreLeftToTheDatabaseAndHeldOnesBecomeDeleted() {
    try (Session s = db.session()) {
      Parent parent = s.get(Parent.class, p1);
      Child held = s.get(Child.class, kids.get(0)); // in the identity map, collection unloaded
      s.delete(parent);
      assertThat(plain(sql.record(s::flush))).containsExactly("DELETE FROM pd_parent WHERE id = ?");
      assertThat(s.stateOf(held)).isEqualTo(ObjectState.DELETED);
      assertThat(s.stateOf(parent)).isEqualTo(ObjectState.DELETED);
      assertThat(s.get(Child.class, kids.get(0))).isNull();
      s.commit();
      assertThat(s.stateOf(held)).isEqualTo(ObjectState.DETACHED);
    }
    assertRemainingChildren("b1");
  }

  @Test
  void rowsTheDatabaseDeletesFireNoDeleteEvents() {
    List<String> events = new java.util.ArrayList<>();
    db.addModelListener(
        Model.class,
        new dev.tether.ModelListener<Model>() {
          @Override
          public void beforeDelete(Session session, Model m) {
            events.add("beforeDelete " + m.getClass().getSimpleName());
          }

          @Override
          public void afterDelete(Session session, Model m) {
            events.add("afterDelete " + m.getClass().getSimpleName());
          }
        });
    try (Session s = db.session()) {
      Parent parent = s.get(Parent.class, p1);
      Child held = s.get(Child.class, kids.get(0));
      assertThat(parent.children).hasSize(3);
      s.delete(parent);
      s.flush();
      assertThat(s.stateOf(held)).isEqualTo(ObjectState.DELETED); // by ON DELETE CASCADE
    }
    assertThat(events).containsExactly("beforeDelete Parent", "afterDelete Parent");
  }

  @Test
  void loadedChildrenAreNotDeletedOneByOne() {
    try (Session s = db.session()) {
      Parent parent = s.get(Parent.class, p1);
      List<Child> loaded = List.copyOf(parent.children);
      assertThat(loaded).hasSize(3);
      s.delete(parent);
      assertThat(plain(sql.record(s::flush))).containsExactly("DELETE FROM pd_parent WHERE id = ?");
      for (Child c : loaded) {
        assertThat(s.stateOf(c)).isEqualTo(ObjectState.DELETED);
        assertThat(c.parent.get()).isNull();
      }
      s.commit();
    }
    assertRemainingChildren("b1");
  }

  @Test
  void aChildMovedAwayInTheSameFlushSurvives() {
    try (Session s = db.session()) {
      Parent parent = s.get(Parent.class, p1);
      Parent other = s.get(Parent.class, p2);
      Child moved = s.get(Child.class, kids.get(1));
      moved.parent.set(other);
      s.delete(parent);
      assertThat(plain(sql.record(s::flush)))
          .containsExactly(
              "UPDATE pd_child SET parent_id = ? WHERE id = ?",
              "DELETE FROM pd_parent WHERE id = ?");
      assertThat(s.stateOf(moved)).isEqualTo(ObjectState.PERSISTENT);
      assertThat(moved.parentId).isEqualTo(p2);
      assertThat(other.children).contains(moved);
      s.commit();
    }
    assertRemainingChildren("a2", "b1");
  }

  @Test
  void setNullLeavesHeldChildrenWithAnEmptyKey() {
    Folder folder = new Folder();
    Note held = new Note();
    Note unheld = new Note();
    folder.notes.add(held);
    folder.notes.add(unheld);
    try (Session s = db.session()) {
      s.add(folder);
      s.commit();
    }
    sql.clear();
    try (Session s = db.session()) {
      Folder f = s.get(Folder.class, folder.id);
      Note n = s.get(Note.class, held.id);
      s.delete(f);
      assertThat(plain(sql.record(s::flush))).containsExactly("DELETE FROM pd_folder WHERE id = ?");
      assertThat(s.stateOf(n)).isEqualTo(ObjectState.PERSISTENT);
      assertThat(n.folderId).isNull();
      assertThat(n.folder.get()).isNull();
      sql.assertNoStatements(s::flush); // the empty key is what the database has: nothing to write
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.select(Note.class).list()).extracting(x -> x.folderId).containsOnlyNulls();
      assertThat(s.select(Note.class).count()).isEqualTo(2);
    }
  }

  @Test
  void aHeldChildStillCascadesToItsOwnChildren() {
    Shelf shelf = new Shelf();
    Box held = new Box();
    Box unheld = new Box();
    shelf.boxes.add(held);
    shelf.boxes.add(unheld);
    held.toys.add(new Toy());
    try (Session s = db.session()) {
      s.add(shelf);
      s.commit();
    }
    sql.clear();
    try (Session s = db.session()) {
      Shelf sh = s.get(Shelf.class, shelf.id);
      Box b = s.get(Box.class, held.id);
      s.delete(sh);
      // the held box's toys load (their key has no ON DELETE rule) and are deleted first; the
      // boxes themselves are left to the database
      assertThat(plain(sql.record(s::flush)))
          .containsExactly(
              "SELECT t0.id, t0.box_id FROM pd_toy t0 WHERE t0.box_id = ? ORDER BY t0.id",
              "DELETE FROM pd_toy WHERE id = ?",
              "DELETE FROM pd_shelf WHERE id = ?");
      assertThat(s.stateOf(b)).isEqualTo(ObjectState.DELETED);
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.select(Box.class).count()).isZero();
      assertThat(s.select(Toy.class).count()).isZero();
    }
  }

  @Test
  void aOneToOneLoadedPartnerBecomesDeleted() {
    Person person = new Person();
    person.passport.set(new Passport());
    try (Session s = db.session()) {
      s.add(person);
      s.commit();
    }
    sql.clear();
    try (Session s = db.session()) {
      Person p = s.get(Person.class, person.id);
      Passport held = p.passport.get();
      s.delete(p);
      assertThat(plain(sql.record(s::flush))).containsExactly("DELETE FROM pd_person WHERE id = ?");
      assertThat(s.stateOf(held)).isEqualTo(ObjectState.DELETED);
      assertThat(held.owner.get()).isNull();
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.select(Passport.class).count()).isZero();
    }
  }

  private void assertRemainingChildren(String... names) {
    try (Session s = db.session()) {
      assertThat(s.select(Child.class).list())
          .extracting(c -> c.name)
          .containsExactlyInAnyOrder(names);
    }
  }
}
