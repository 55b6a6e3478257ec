package dev.tether.session;

import static dev.tether.testing.SqlText.plain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.Many;
import dev.tether.Model;
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
 * {@code @Relationship(orderBy = "name desc, id")} applied when a collection loads, one-to-many and
 * many-to-many, on every database: the SELECT carries the ORDER BY and the members arrive in that
 * order, ties broken by the second term. Members added while loaded keep their insertion place
 * until the next load.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class OrderByPersistenceTest {
  /** {@code ob_folder(id, name)}: files and labels ordered by name descending, then id. */
  @Table("ob_folder")
  public static class Folder extends Model {
    @Id public Integer id;
    public String name;

    @Relationship(backPopulates = "folder", orderBy = "name desc, id")
    public final Many<File> files = many();

    @Relationship(
        secondary = "ob_folder_label",
        backPopulates = "folders",
        orderBy = "name desc, id")
    public final Many<Label> labels = many();

    public Folder() {}

    Folder(String name) {
      this.name = name;
    }
  }

  /** {@code ob_file(id, name, folder_id → ob_folder.id)}. */
  @Table("ob_file")
  public static class File extends Model {
    @Id public Integer id;
    public String name;

    @ForeignKey("ob_folder.id")
    public Integer folderId;

    @Relationship(backPopulates = "files")
    public final One<Folder> folder = one();

    public File() {}

    File(String name) {
      this.name = name;
    }
  }

  /** {@code ob_label(id, name)}; {@code folders} has no declared order (key order). */
  @Table("ob_label")
  public static class Label extends Model {
    @Id public Integer id;
    public String name;

    @Relationship(secondary = "ob_folder_label", backPopulates = "labels")
    public final Many<Folder> folders = many();

    public Label() {}

    Label(String name) {
      this.name = name;
    }
  }

  @Parameter TestDatabase target;
  Database db;
  final StatementRecorder sql = new StatementRecorder();

  @BeforeEach
  void open() {
    db = target.open(Registry.of(Folder.class, File.class, Label.class));
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Folder saved(String... names) {
    Folder f = new Folder("f");
    for (String n : names) {
      f.files.add(new File(n));
      f.labels.add(new Label(n));
    }
    try (Session s = db.session()) {
      s.add(f);
      s.commit();
    }
    return f;
  }

  /** One-to-many: ORDER BY name DESC, id; equal names by key. */
  @Test
  void oneToManyLoadsInDeclaredOrder() {
    Folder saved = saved("b", "a", "c", "b");
    try (Session s = db.session()) {
      Folder f = s.get(Folder.class, saved.id);
      List<String> sent = plain(sql.record(() -> f.files.size()));
      assertThat(sent)
          .containsExactly(
              "SELECT t0.id, t0.name, t0.folder_id FROM ob_file t0 WHERE t0.folder_id = ?"
                  + " ORDER BY t0.name DESC, t0.id");
      assertThat(f.files).extracting(x -> x.name).containsExactly("c", "b", "b", "a");
      assertThat(f.files.get(1).id).isLessThan(f.files.get(2).id);
    }
  }

  /** Many-to-many: the ORDER BY is on the target's columns, through the association table. */
  @Test
  void manyToManyLoadsInDeclaredOrder() {
    Folder saved = saved("b", "a", "c", "b");
    try (Session s = db.session()) {
      Folder f = s.get(Folder.class, saved.id);
      List<String> sent = plain(sql.record(() -> f.labels.size()));
      assertThat(sent)
          .containsExactly(
              "SELECT t1.ob_folder_id, t0.id, t0.name FROM ob_label t0 JOIN ob_folder_label t1"
                  + " ON t1.ob_label_id = t0.id WHERE t1.ob_folder_id = ?"
                  + " ORDER BY t0.name DESC, t0.id");
      assertThat(f.labels).extracting(x -> x.name).containsExactly("c", "b", "b", "a");
      assertThat(f.labels.get(1).id).isLessThan(f.labels.get(2).id);
    }
  }

  /** The reverse side without orderBy loads in key order. */
  @Test
  void sideWithoutOrderByLoadsInKeyOrder() {
    Folder z = new Folder("z");
    Folder y = new Folder("y");
    Label l = new Label("l");
    l.folders.add(z);
    l.folders.add(y);
    try (Session s = db.session()) {
      s.add(l);
      s.commit();
    }
    try (Session s = db.session()) {
      Label loaded = s.get(Label.class, l.id);
      List<String> sent = plain(sql.record(() -> loaded.folders.size()));
      assertThat(sent.get(0)).endsWith(" ORDER BY t0.id");
      assertThat(loaded.folders).extracting(x -> x.name).containsExactly("z", "y");
    }
  }

  /**
   * Order is applied by the load: a member added afterwards is appended (Many is an ordered set in
   * insertion order), and the next session's load places it by name.
   */
  @Test
  void orderIsAppliedWhenTheCollectionLoads() {
    Folder saved = saved("b", "d");
    try (Session s = db.session()) {
      Folder f = s.get(Folder.class, saved.id);
      assertThat(f.files).extracting(x -> x.name).containsExactly("d", "b");
      f.files.add(new File("c"));
      assertThat(f.files).extracting(x -> x.name).containsExactly("d", "b", "c");
      s.commit();
      assertThat(f.files).extracting(x -> x.name).containsExactly("d", "c", "b"); // reloaded
    }
  }

  /**
   * A member queued into an unloaded collection is merged after the rows of the load, which come in
   * the declared order (the autoflush has already written it, so it is among them).
   */
  @Test
  void queuedMemberIsPlacedByTheLoadAfterTheAutoflush() {
    Folder saved = saved("b", "d");
    try (Session s = db.session()) {
      Folder f = s.get(Folder.class, saved.id);
      File c = new File("c");
      c.folder.set(f);
      assertThat(f.files.isLoaded()).isFalse();
      assertThat(f.files).extracting(x -> x.name).containsExactly("d", "c", "b");
    }
  }
}
