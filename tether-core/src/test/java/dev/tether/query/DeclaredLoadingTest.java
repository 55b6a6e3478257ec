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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Strategies declared on the mapping ({@code @Relationship(lazy = ...)}) rather than given per
 * query, counted in statements on every database: selectin along three levels is three statements,
 * joined is one, noload reads empty without SQL, raise refuses with a message that says what to do.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class DeclaredLoadingTest {

  /** {@code selectin} declared on both one-to-many steps. */
  @Table("dl_s_parent")
  public static class SParent extends Model {
    @Id public Integer id;
    public String name;

    @Relationship(backPopulates = "parent", lazy = "selectin", orderBy = "id")
    public final Many<SChild> children = many();
  }

  @Table("dl_s_child")
  public static class SChild extends Model {
    @Id public Integer id;
    public String name;

    @ForeignKey("dl_s_parent.id")
    public Integer parentId;

    @Relationship(backPopulates = "children")
    public final One<SParent> parent = one();

    @Relationship(backPopulates = "child", lazy = "selectin", orderBy = "id")
    public final Many<SToy> toys = many();
  }

  @Table("dl_s_toy")
  public static class SToy extends Model {
    @Id public Integer id;
    public String name;

    @ForeignKey("dl_s_child.id")
    public Integer childId;

    @Relationship(backPopulates = "toys")
    public final One<SChild> child = one();
  }

  /** {@code joined} declared on both one-to-many steps. */
  @Table("dl_j_parent")
  public static class JParent extends Model {
    @Id public Integer id;
    public String name;

    @Relationship(backPopulates = "parent", lazy = "joined", orderBy = "id")
    public final Many<JChild> children = many();
  }

  @Table("dl_j_child")
  public static class JChild extends Model {
    @Id public Integer id;
    public String name;

    @ForeignKey("dl_j_parent.id")
    public Integer parentId;

    @Relationship(backPopulates = "children")
    public final One<JParent> parent = one();

    @Relationship(backPopulates = "child", lazy = "joined", orderBy = "id")
    public final Many<JToy> toys = many();
  }

  @Table("dl_j_toy")
  public static class JToy extends Model {
    @Id public Integer id;
    public String name;

    @ForeignKey("dl_j_child.id")
    public Integer childId;

    @Relationship(backPopulates = "toys")
    public final One<JChild> child = one();
  }

  /** {@code raise} on one collection, {@code noload} on another. */
  @Table("dl_owner")
  public static class Owner extends Model {
    @Id public Integer id;
    public String name;

    @Relationship(backPopulates = "owner", lazy = "raise")
    public final Many<Pet> pets = many();

    @Relationship(backPopulates = "owner", lazy = "noload")
    public final Many<Memo> memos = many();
  }

  @Table("dl_pet")
  public static class Pet extends Model {
    @Id public Integer id;
    public String name;

    @ForeignKey("dl_owner.id")
    public Integer ownerId;

    @Relationship(backPopulates = "pets")
    public final One<Owner> owner = one();
  }

  @Table("dl_memo")
  public static class Memo extends Model {
    @Id public Integer id;
    public String name;

    @ForeignKey("dl_owner.id")
    public Integer ownerId;

    @Relationship(backPopulates = "memos")
    public final One<Owner> owner = one();
  }

  static final ColumnAttribute<SParent, Integer> S_ID =
      ColumnAttribute.of(SParent.class, "id", Integer.class);
  static final ColumnAttribute<JParent, Integer> J_ID =
      ColumnAttribute.of(JParent.class, "id", Integer.class);
  static final ColumnAttribute<Owner, Integer> OWNER_ID =
      ColumnAttribute.of(Owner.class, "id", Integer.class);
  static final ManyAttribute<Owner, Pet> OWNER_PETS =
      ManyAttribute.of(Owner.class, "pets", Pet.class);
  static final ColumnAttribute<Memo, Integer> MEMO_OWNER =
      ColumnAttribute.of(Memo.class, "ownerId", Integer.class);
  static final ManyAttribute<SParent, SChild> S_CHILDREN =
      ManyAttribute.of(SParent.class, "children", SChild.class);

  static final String SHAPE = "p1[c1[t1, t2]c2[t3]]p2[c3[]]p3[]";

  @Parameter TestDatabase target;
  final StatementRecorder sql = new StatementRecorder();
  Database db;
  Session s;

  @BeforeEach
  void open() {
    db =
        target.open(
            Registry.of(
                SParent.class,
                SChild.class,
                SToy.class,
                JParent.class,
                JChild.class,
                JToy.class,
                Owner.class,
                Pet.class,
                Memo.class));
    seed();
    db.addStatementListener(sql);
    s = db.session();
  }

  @AfterEach
  void close() {
    s.close();
    db.close();
  }

  /** The same family under both fixtures: {@link #SHAPE}; one owner with two pets and a memo. */
  private void seed() {
    try (Session w = db.session()) {
      for (String p : List.of("p1", "p2", "p3")) {
        SParent sp = new SParent();
        sp.name = p;
        JParent jp = new JParent();
        jp.name = p;
        for (String c : children(p)) {
          SChild sc = new SChild();
          sc.name = c;
          JChild jc = new JChild();
          jc.name = c;
          for (String t : toys(c)) {
            SToy st = new SToy();
            st.name = t;
            sc.toys.add(st);
            JToy jt = new JToy();
            jt.name = t;
            jc.toys.add(jt);
          }
          sp.children.add(sc);
          jp.children.add(jc);
        }
        w.add(sp);
        w.add(jp);
      }
      Owner o = new Owner();
      o.name = "o1";
      for (String n : List.of("rex", "tom")) {
        Pet pet = new Pet();
        pet.name = n;
        o.pets.add(pet);
      }
      Memo m = new Memo();
      m.name = "feed";
      o.memos.add(m);
      w.add(o);
      w.commit();
    }
  }

  private static List<String> children(String parent) {
    return switch (parent) {
      case "p1" -> List.of("c1", "c2");
      case "p2" -> List.of("c3");
      default -> List.of();
    };
  }

  private static List<String> toys(String child) {
    return switch (child) {
      case "c1" -> List.of("t1", "t2");
      case "c2" -> List.of("t3");
      default -> List.of();
    };
  }

  private static String sShape(List<SParent> parents) {
    StringBuilder b = new StringBuilder();
    for (SParent p : parents) {
      b.append(p.name).append('[');
      for (SChild c : p.children) {
        b.append(c.name).append(c.toys.stream().map(t -> t.name).toList());
      }
      b.append(']');
    }
    return b.toString();
  }

  private static String jShape(List<JParent> parents) {
    StringBuilder b = new StringBuilder();
    for (JParent p : parents) {
      b.append(p.name).append('[');
      for (JChild c : p.children) {
        b.append(c.name).append(c.toys.stream().map(t -> t.name).toList());
      }
      b.append(']');
    }
    return b.toString();
  }

  @Test
  void declaredSelectinOfThreeLevelsIsThreeStatements() {
    List<SParent> ps = new ArrayList<>();
    List<String> sent =
        sql.assertStatements(
            3, () -> ps.addAll(s.select(SParent.class).orderBy(S_ID.asc()).list()));
    assertThat(plain(sent.get(1))).contains("FROM dl_s_child").contains("IN (?, ?, ?)");
    assertThat(plain(sent.get(2))).contains("FROM dl_s_toy").contains("IN (?, ?, ?)");
    sql.assertNoStatements(() -> assertThat(sShape(ps)).isEqualTo(SHAPE));
    sql.assertNoStatements(
        () -> assertThat(ps.get(0).children.get(0).parent.get()).isSameAs(ps.get(0)));
  }

  @Test
  void getFollowsTheDeclaredSelectinToo() {
    int id =
        s.select(S_ID)
            .where(ColumnAttribute.of(SParent.class, "name", String.class).eq("p1"))
            .one();
    s.close();
    s = db.session();
    SParent[] p1 = new SParent[1];
    sql.assertStatements(3, () -> p1[0] = s.get(SParent.class, id));
    sql.assertNoStatements(
        () -> assertThat(sShape(List.of(p1[0]))).isEqualTo("p1[c1[t1, t2]c2[t3]]"));
  }

  @Test
  void getLoadsADeclaredJoinedRelationshipRightAway() {
    int id =
        s.select(J_ID)
            .where(ColumnAttribute.of(JParent.class, "name", String.class).eq("p1"))
            .one();
    s.close();
    s = db.session();
    JParent[] p1 = new JParent[1];
    // the row is read by key, then one query loads the children with their toys joined
    List<String> sent = sql.assertStatements(2, () -> p1[0] = s.get(JParent.class, id));
    assertThat(plain(sent.get(1))).contains("FROM dl_j_child").contains("LEFT OUTER JOIN dl_j_toy");
    sql.assertNoStatements(
        () -> assertThat(jShape(List.of(p1[0]))).isEqualTo("p1[c1[t1, t2]c2[t3]]"));
  }

  @Test
  void aChildAddedToANoloadCollectionIsStillSaved() {
    Owner o = s.select(Owner.class).one();
    Memo m = new Memo();
    m.name = "walk";
    o.memos.add(m);
    s.commit();
    try (Session fresh = db.session()) {
      assertThat(fresh.select(Memo.class).where(MEMO_OWNER.eq(o.id)).list())
          .extracting(x -> x.name)
          .containsExactlyInAnyOrder("feed", "walk");
    }
  }

  @Test
  void aQueryOptionOverridesTheDeclaredSelectin() {
    List<SParent> ps = new ArrayList<>();
    sql.assertStatements(
        1,
        () ->
            ps.addAll(
                s.select(SParent.class).orderBy(S_ID.asc()).options(Load.lazy(S_CHILDREN)).list()));
    // children load on first use, batched across the three parents; the toys' declared
    // selectin still applies to the children that load: two statements for the whole tree.
    sql.assertStatements(2, () -> assertThat(sShape(ps)).isEqualTo(SHAPE));
  }

  @Test
  void declaredJoinedIsOneStatement() {
    List<JParent> ps = new ArrayList<>();
    List<String> sent =
        sql.assertStatements(
            1, () -> ps.addAll(s.select(JParent.class).orderBy(J_ID.asc()).list()));
    assertThat(plain(sent.get(0)))
        .contains("LEFT OUTER JOIN dl_j_child")
        .contains("LEFT OUTER JOIN dl_j_toy");
    assertThat(ps).hasSize(3);
    sql.assertNoStatements(() -> assertThat(jShape(ps)).isEqualTo(SHAPE));
  }

  @Test
  void declaredNoloadReadsEmptyWithoutSql() {
    Owner o = s.select(Owner.class).one();
    sql.assertNoStatements(() -> assertThat(o.memos).isEmpty());
  }

  @Test
  void declaredRaiseRefusesWithoutSqlAndSaysWhatToAdd() {
    Owner o = s.select(Owner.class).one();
    sql.clear();
    assertThatThrownBy(() -> o.pets.size())
        .isInstanceOf(LazyLoadException.class)
        .hasMessage(
            "Owner.pets of Owner(id="
                + o.id
                + ", name=o1) is not loaded, and it is declared lazy = \"raise\": Tether refuses"
                + " to load it on first use, so that a loop over many objects cannot run one query"
                + " each. Load it with the query: add .options(Load.selectin(Owner_.pets)) (or"
                + " Load.joined) to the select that fetches the Owner objects.");
    assertThat(sql.count()).isZero();
    List<Owner> loaded =
        s.select(Owner.class).orderBy(OWNER_ID.asc()).options(Load.selectin(OWNER_PETS)).list();
    sql.assertNoStatements(
        () ->
            assertThat(loaded.get(0).pets)
                .extracting(p -> p.name)
                .containsExactlyInAnyOrder("rex", "tom"));
  }
}
