package dev.tether.query;

import static dev.tether.testing.SqlText.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.ForeignKey;
import dev.tether.Id;
import dev.tether.LazyLoadException;
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
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code @Relationship(lazy = "write_only")}: the collection is never loaded; {@code add} and
 * {@code remove} are queued and written at flush (the foreign key set or nulled, association rows
 * inserted or deleted); reading it throws, naming the query that reads its members.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class WriteOnlyTest {

  @Table("wo_parent")
  public static class WParent extends Model {
    @Id public Integer id;
    public String name;

    @Relationship(backPopulates = "parent", lazy = "write_only")
    public final Many<WChild> children = many();

    @Relationship(secondary = "wo_parent_tag", lazy = "write_only")
    public final Many<WTag> tags = many();
  }

  @Table("wo_child")
  public static class WChild extends Model {
    @Id public Integer id;
    public String name;

    @ForeignKey("wo_parent.id")
    public Integer parentId;

    @Relationship(backPopulates = "children")
    public final One<WParent> parent = one();

    /** For Tether. */
    public WChild() {}

    WChild(String name) {
      this.name = name;
    }
  }

  @Table("wo_tag")
  public static class WTag extends Model {
    @Id public Integer id;
    public String label;
  }

  static final ManyAttribute<WParent, WChild> CHILDREN =
      ManyAttribute.of(WParent.class, "children", WChild.class);
  static final ManyAttribute<WParent, WTag> TAGS =
      ManyAttribute.of(WParent.class, "tags", WTag.class);
  static final ColumnAttribute<WChild, String> CHILD_NAME =
      ColumnAttribute.of(WChild.class, "name", String.class);
  static final ColumnAttribute<WChild, Integer> CHILD_ID =
      ColumnAttribute.of(WChild.class, "id", Integer.class);

  @Parameter TestDatabase target;
  final StatementRecorder sql = new StatementRecorder();
  Database db;
  Session s;
  int parentId;

  @BeforeEach
  void open() {
    db = target.open(Registry.of(WParent.class, WChild.class, WTag.class));
    try (Session w = db.session()) {
      WParent p = new WParent();
      p.name = "p";
      p.children.add(new WChild("c1"));
      p.children.add(new WChild("c2"));
      WTag t = new WTag();
      t.label = "red";
      p.tags.add(t);
      w.add(p);
      w.commit();
      parentId = p.id;
    }
    db.addStatementListener(sql);
    s = db.session();
  }

  @AfterEach
  void close() {
    s.close();
    db.close();
  }

  private static void assertRefused(ThrowingCallable read) {
    assertThatThrownBy(read)
        .isInstanceOf(LazyLoadException.class)
        .hasMessageContaining("WParent.children")
        .hasMessageContaining("is write-only (lazy = \"write_only\")")
        .hasMessageContaining("session.select(WParent_.children, owner)");
  }

  @Test
  void readingThrowsAndNamesTheQueryToUse() {
    WParent p = s.get(WParent.class, parentId);
    sql.assertNoStatements(
        () -> {
          assertRefused(p.children::size);
          assertRefused(() -> p.children.get(0));
          assertRefused(() -> p.children.iterator());
          assertRefused(() -> p.children.contains(new WChild("x")));
          assertRefused(() -> p.children.stream().count());
        });
    WParent fresh = new WParent();
    fresh.children.add(new WChild("new"));
    assertRefused(fresh.children::size); // never read, even before it has rows
    assertThat(s.select(CHILDREN, p).orderBy(CHILD_ID.asc()).list())
        .extracting(c -> c.name)
        .containsExactly("c1", "c2");
  }

  @Test
  void addingToAParentOfTenThousandChildrenRunsNoSelect() {
    WParent p = s.get(WParent.class, parentId);
    for (int i = 0; i < 9_998; i++) {
      new WChild("bulk" + i).parent.set(p); // queued on the write-only side, never loaded
    }
    s.commit();
    assertThat(s.select(CHILDREN, p).count()).isEqualTo(10_000);
    WParent again = s.get(WParent.class, parentId);
    sql.clear();
    WChild added = new WChild("one more");
    List<String> sent =
        sql.record(
            () -> {
              assertThat(again.children.add(added)).isTrue();
              s.commit();
            });
    assertThat(plain(sent)).noneMatch(st -> st.startsWith("SELECT"));
    assertThat(plain(sent)).singleElement().asString().startsWith("INSERT INTO wo_child");
    assertThat(added.parentId).isEqualTo(parentId);
    assertThat(s.select(CHILDREN, again).count()).isEqualTo(10_001);
  }

  @Test
  void removeNullsTheForeignKeyAtFlush() {
    WParent p = s.get(WParent.class, parentId);
    WChild c1 = s.select(WChild.class).where(CHILD_NAME.eq("c1")).one();
    sql.clear();
    List<String> sent =
        sql.record(
            () -> {
              assertThat(p.children.remove(c1)).isTrue();
              s.commit();
            });
    assertThat(plain(sent)).singleElement().asString().startsWith("UPDATE wo_child");
    try (Session other = db.session()) {
      assertThat(other.select(CHILD_NAME).where(CHILD_NAME.eq("c1")).one()).isEqualTo("c1");
      assertThat(other.select(CHILDREN, other.get(WParent.class, parentId)).list())
          .extracting(c -> c.name)
          .containsExactly("c2");
    }
  }

  @Test
  void manyToManyAddAndRemoveWriteAssociationRowsOnly() {
    WParent p = s.get(WParent.class, parentId);
    WTag blue = new WTag();
    blue.label = "blue";
    s.add(blue);
    s.flush();
    sql.clear();
    List<String> added =
        sql.record(
            () -> {
              assertThat(p.tags.add(blue)).isTrue();
              s.commit();
            });
    assertThat(plain(added)).singleElement().asString().startsWith("INSERT INTO wo_parent_tag");
    assertThat(s.select(TAGS, p).list())
        .extracting(t -> t.label)
        .containsExactlyInAnyOrder("red", "blue");
    List<String> removed =
        sql.record(
            () -> {
              assertThat(p.tags.remove(blue)).isTrue();
              s.commit();
            });
    assertThat(plain(removed)).singleElement().asString().startsWith("DELETE FROM wo_parent_tag");
    assertThat(s.select(TAGS, p).list()).extracting(t -> t.label).containsExactly("red");
  }
}
