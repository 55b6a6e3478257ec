package dev.tether.query;

import static dev.tether.testing.SqlText.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.NoResultException;
import dev.tether.NonUniqueResultException;
import dev.tether.QueryException;
import dev.tether.Session;
import dev.tether.query.model.Child;
import dev.tether.query.model.Child_;
import dev.tether.query.model.Family;
import dev.tether.query.model.Parent;
import dev.tether.query.model.Parent_;
import dev.tether.query.model.Tag_;
import dev.tether.query.model.Toy;
import dev.tether.query.model.Toy_;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The select API on every database: each query's result and the SQL it sent (identifier quotes
 * removed, {@link dev.tether.testing.SqlText}). Fixture: {@link Family}.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class SelectTest {
  static final String PARENT = "SELECT t0.id, t0.name, t0.rank FROM q_parent t0";

  @Parameter TestDatabase target;
  final StatementRecorder sql = new StatementRecorder();
  Database db;
  Session s;

  @BeforeEach
  void open() {
    db = target.open(Family.registry());
    Family.seed(db);
    db.addStatementListener(sql);
    s = db.session();
  }

  @AfterEach
  void close() {
    s.close();
    db.close();
  }

  /** Runs {@code query}, asserts it sent exactly {@code expected}, and returns its result. */
  private <T> T sent(Supplier<T> query, String... expected) {
    Object[] result = new Object[1];
    List<String> statements = sql.record(() -> result[0] = query.get());
    assertThat(plain(statements)).containsExactly(expected);
    @SuppressWarnings("unchecked")
    T t = (T) result[0];
    return t;
  }

  private static List<String> names(List<? extends Parent> ps) {
    return ps.stream().map(p -> p.name).toList();
  }

  @Test
  void whereEqualsBindsTheValue() {
    List<Parent> found =
        sent(
            () -> s.select(Parent.class).where(Parent_.name.eq("p2")).list(),
            PARENT + " WHERE t0.name = ?");
    assertThat(names(found)).containsExactly("p2");
  }

  @Test
  void comparisonsAndOrNot() {
    assertThat(
            names(
                sent(
                    () ->
                        s.select(Parent.class)
                            .where(Parent_.rank.ge(1).and(Parent_.name.ne("p1")))
                            .list(),
                    PARENT + " WHERE (t0.rank >= ? AND t0.name <> ?)")))
        .containsExactly("p2");
    assertThat(
            names(
                sent(
                    () ->
                        s.select(Parent.class)
                            .where(Condition.or(Parent_.rank.lt(2), Parent_.rank.isNull()))
                            .orderBy(Parent_.name.asc())
                            .list(),
                    PARENT + " WHERE (t0.rank < ? OR t0.rank IS NULL) ORDER BY t0.name")))
        .containsExactly("p1", "p3");
    assertThat(
            names(
                sent(
                    () ->
                        s.select(Parent.class)
                            .where(Parent_.rank.gt(1).not(), Parent_.rank.le(5))
                            .list(),
                    PARENT + " WHERE (NOT (t0.rank > ?) AND t0.rank <= ?)")))
        .containsExactly("p1");
  }

  @Test
  void inLikeNullAndBetween() {
    assertThat(
            names(
                sent(
                    () ->
                        s.select(Parent.class)
                            .where(Parent_.name.in("p1", "p3"))
                            .orderBy(Parent_.id.asc())
                            .list(),
                    PARENT + " WHERE t0.name IN (?, ?) ORDER BY t0.id")))
        .containsExactly("p1", "p3");
    assertThat(
            names(
                sent(
                    () -> s.select(Parent.class).where(Parent_.name.in(List.of())).list(),
                    PARENT + " WHERE 1 = 0")))
        .isEmpty();
    assertThat(
            sent(
                    () -> s.select(Child.class).where(Child_.name.like("c_")).list(),
                    "SELECT t0.id, t0.name, t0.position, t0.parent_id FROM q_child t0"
                        + " WHERE t0.name LIKE ?")
                .size())
        .isEqualTo(3);
    assertThat(
            names(
                sent(
                    () -> s.select(Parent.class).where(Parent_.rank.isNull()).list(),
                    PARENT + " WHERE t0.rank IS NULL")))
        .containsExactly("p3");
    assertThat(
            names(
                sent(
                    () ->
                        s.select(Parent.class)
                            .where(Parent_.rank.between(2, 9), Parent_.rank.isNotNull())
                            .list(),
                    PARENT + " WHERE (t0.rank BETWEEN ? AND ? AND t0.rank IS NOT NULL)")))
        .containsExactly("p2");
  }

  @Test
  void orderWithNullsFirstOrLast() {
    List<String> sent =
        sql.record(
            () ->
                assertThat(
                        names(
                            s.select(Parent.class)
                                .orderBy(Parent_.rank.desc().nullsFirst())
                                .list()))
                    .containsExactly("p3", "p2", "p1"));
    assertThat(plain(sent.get(0)))
        .isIn(
            PARENT + " ORDER BY t0.rank DESC NULLS FIRST",
            PARENT + " ORDER BY CASE WHEN t0.rank IS NULL THEN 0 ELSE 1 END, t0.rank DESC");
    assertThat(names(s.select(Parent.class).orderBy(Parent_.rank.asc().nullsLast()).list()))
        .containsExactly("p1", "p2", "p3");
  }

  @Test
  void limitAndOffsetAreParameters() {
    assertThat(
            names(
                sent(
                    () ->
                        s.select(Parent.class).orderBy(Parent_.id.asc()).limit(2).offset(1).list(),
                    PARENT + " ORDER BY t0.id LIMIT ? OFFSET ?")))
        .containsExactly("p2", "p3");
    List<String> offsetOnly =
        sql.record(
            () ->
                assertThat(names(s.select(Parent.class).orderBy(Parent_.id.asc()).offset(2).list()))
                    .containsExactly("p3"));
    assertThat(plain(offsetOnly.get(0)))
        .startsWith(PARENT + " ORDER BY t0.id")
        .endsWith("OFFSET ?");
  }

  @Test
  void oneOptionalAndFirst() {
    assertThat(s.select(Parent.class).where(Parent_.name.eq("p1")).one().rank).isEqualTo(1);
    assertThatThrownBy(() -> s.select(Parent.class).where(Parent_.name.eq("nobody")).one())
        .isInstanceOf(NoResultException.class)
        .hasMessageContaining("select(Parent.class).one() found no row");
    assertThatThrownBy(() -> s.select(Parent.class).one())
        .isInstanceOf(NonUniqueResultException.class)
        .hasMessageContaining("found 3");
    assertThat(s.select(Parent.class).where(Parent_.name.eq("nobody")).optional()).isEmpty();
    Parent first =
        sent(
                () -> s.select(Parent.class).orderBy(Parent_.name.desc()).first(),
                PARENT + " ORDER BY t0.name DESC LIMIT ?")
            .orElseThrow();
    assertThat(first.name).isEqualTo("p3");
  }

  @Test
  void countAndExists() {
    assertThat(
            (long)
                sent(
                    () -> s.select(Parent.class).where(Parent_.rank.isNotNull()).count(),
                    "SELECT COUNT(*) FROM q_parent t0 WHERE t0.rank IS NOT NULL"))
        .isEqualTo(2);
    assertThat(
            (long)
                sent(
                    () -> s.select(Parent.class).limit(2).count(),
                    "SELECT COUNT(*) FROM (" + PARENT + " LIMIT ?) q"))
        .isEqualTo(2);
    assertThat(
            (boolean)
                sent(
                    () -> s.select(Parent.class).where(Parent_.name.eq("p3")).exists(),
                    "SELECT 1 FROM q_parent t0 WHERE t0.name = ? LIMIT ?"))
        .isTrue();
    assertThat(s.select(Parent.class).where(Parent_.name.eq("p4")).exists()).isFalse();
  }

  @Test
  void resultsComeThroughTheIdentityMapAndAutoflush() {
    Parent p1 = s.select(Parent.class).where(Parent_.name.eq("p1")).one();
    assertThat(s.get(Parent.class, p1.id)).isSameAs(p1);
    p1.rank = 42; // unflushed: autoflush writes it before the next query
    Parent again = s.select(Parent.class).where(Parent_.rank.eq(42)).one();
    assertThat(again).isSameAs(p1);
    s.add(new Parent("p9", 9));
    assertThat(s.select(Parent.class).count()).isEqualTo(4);
    s.setAutoflush(false);
    p1.name = "renamed"; // not flushed now: the row still says p1, the object keeps its change
    assertThat(s.select(Parent.class).where(Parent_.name.eq("p1")).one()).isSameAs(p1);
    assertThat(p1.name).isEqualTo("renamed");
  }

  @Test
  void groupByHavingAndAggregates() {
    Integer p1 = s.select(Parent_.id).where(Parent_.name.eq("p1")).one();
    List<Tuple2<Integer, Long>> counts =
        sent(
            () ->
                s.select(Child_.parentId, Child_.id.count())
                    .groupBy(Child_.parentId)
                    .having(Child_.id.count().gt(1L))
                    .list(),
            "SELECT t0.parent_id, COUNT(t0.id) FROM q_child t0 GROUP BY t0.parent_id"
                + " HAVING COUNT(t0.id) > ?");
    assertThat(counts).containsExactly(new Tuple2<>(p1, 2L));
    Tuple3<Integer, Integer, Double> stats =
        s.select(Child_.position.max(), Child_.position.min(), Child_.position.avg()).one();
    assertThat(stats.first()).isEqualTo(2);
    assertThat(stats.second()).isEqualTo(1);
    assertThat(stats.third()).isEqualTo(1.5);
    assertThat(s.select(Child_.position.sum()).one()).isEqualTo(3);
    assertThat(s.select(Child_.position.count()).one()).isEqualTo(2L);
    assertThat(s.select(Toy_.childId.countDistinct()).one()).isEqualTo(2L);
    assertThat(s.select(Parent_.rank).distinct().orderBy(Parent_.rank.asc().nullsFirst()).list())
        .containsExactly(null, 1, 2);
  }

  @Test
  void joinsAlongRelationships() {
    assertThat(
            names(
                sent(
                    () ->
                        s.select(Parent.class)
                            .join(Parent_.children)
                            .where(Child_.name.eq("c3"))
                            .list(),
                    PARENT + " JOIN q_child t1 ON t1.parent_id = t0.id WHERE t1.name = ?")))
        .containsExactly("p2");
    assertThat(
            names(
                sent(
                    () ->
                        s.select(Parent.class)
                            .outerJoin(Parent_.children)
                            .where(Child_.id.isNull())
                            .list(),
                    PARENT
                        + " LEFT OUTER JOIN q_child t1 ON t1.parent_id = t0.id WHERE t1.id IS"
                        + " NULL")))
        .containsExactly("p3");
    assertThat(
            names(
                sent(
                    () ->
                        s.select(Parent.class)
                            .join(Parent_.tags)
                            .where(Tag_.label.eq("blue"))
                            .list(),
                    PARENT
                        + " JOIN q_parent_tag t1 ON t1.q_parent_id = t0.id JOIN q_tag t2 ON t2.id"
                        + " = t1.q_tag_id WHERE t2.label = ?")))
        .containsExactly("p1");
    assertThat(
            names(
                s.select(Parent.class)
                    .join(Parent_.children)
                    .where(Child_.name.like("c%"))
                    .distinct()
                    .orderBy(Parent_.name.asc())
                    .list()))
        .containsExactly("p1", "p2");
  }

  @Test
  void aliasesJoinOneTableTwice() {
    Alias<Child> first = Alias.of(Child.class, "first");
    Alias<Child> second = Alias.of(Child.class, "second");
    List<Parent> found =
        sent(
            () ->
                s.select(Parent.class)
                    .join(Parent_.children, first)
                    .join(Parent_.children, second)
                    .where(first.get(Child_.name).eq("c1"), second.get(Child_.name).eq("c2"))
                    .list(),
            PARENT
                + " JOIN q_child t1 ON t1.parent_id = t0.id JOIN q_child t2 ON t2.parent_id = t0.id"
                + " WHERE (t1.name = ? AND t2.name = ?)");
    assertThat(names(found)).containsExactly("p1");
    assertThatThrownBy(() -> s.select(Parent.class).where(first.get(Child_.name).eq("c1")).list())
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("alias first is not part of this query");
  }

  @Test
  void anyAndHasAreExistsSubqueries() {
    assertThat(
            names(
                sent(
                    () ->
                        s.select(Parent.class)
                            .where(Parent_.children.any(Child_.name.eq("c3")))
                            .list(),
                    PARENT
                        + " WHERE EXISTS (SELECT 1 FROM q_child t1 WHERE t1.parent_id = t0.id AND"
                        + " t1.name = ?)")))
        .containsExactly("p2");
    assertThat(
            names(
                s.select(Parent.class)
                    .where(Parent_.children.any().not())
                    .orderBy(Parent_.id.asc())
                    .list()))
        .containsExactly("p3");
    assertThat(
            names(
                s.select(Parent.class)
                    .where(Parent_.children.any(Child_.toys.any(Toy_.name.eq("t3"))))
                    .list()))
        .containsExactly("p1");
    assertThat(
            names(
                sent(
                    () ->
                        s.select(Parent.class)
                            .where(Parent_.tags.any(Tag_.label.eq("blue")))
                            .list(),
                    PARENT
                        + " WHERE EXISTS (SELECT 1 FROM q_parent_tag t1, q_tag t2 WHERE"
                        + " t1.q_parent_id = t0.id AND t2.id = t1.q_tag_id AND t2.label = ?)")))
        .containsExactly("p1");
    List<Child> c3 =
        sent(
            () -> s.select(Child.class).where(Child_.parent.has(Parent_.name.eq("p2"))).list(),
            "SELECT t0.id, t0.name, t0.position, t0.parent_id FROM q_child t0 WHERE EXISTS"
                + " (SELECT 1 FROM q_parent t1 WHERE t1.id = t0.parent_id AND t1.name = ?)");
    assertThat(c3).extracting(c -> c.name).containsExactly("c3");
  }

  @Test
  void aColumnOfAModelOutsideTheQueryIsAClearError() {
    assertThatThrownBy(() -> s.select(Parent.class).where(Child_.name.eq("c1")).list())
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("Child is not part of this query")
        .hasMessageContaining("join(");
  }

  @Test
  void membersOfOneOwnersCollection() {
    Parent p1 = s.select(Parent.class).where(Parent_.name.eq("p1")).one();
    List<Child> kids =
        sent(
            () -> s.select(Parent_.children, p1).where(Child_.position.gt(1)).list(),
            "SELECT t0.id, t0.name, t0.position, t0.parent_id FROM q_child t0"
                + " WHERE (t0.parent_id = ? AND t0.position > ?) ORDER BY t0.id");
    assertThat(kids).extracting(c -> c.name).containsExactly("c2");
    assertThat(p1.children.isLoaded()).isFalse();
    assertThat(s.select(Parent_.tags, p1).list())
        .extracting(t -> t.label)
        .containsExactly("red", "blue");
  }

  @Test
  void bulkUpdateChangesRowsAndTheSessionsObjects() {
    Parent p1 = s.select(Parent.class).where(Parent_.name.eq("p1")).one();
    Child c1 = p1.children.get(0);
    sql.clear();
    int n =
        s.bulkUpdate(Child.class)
            .set(Child_.name, "renamed")
            .where(Child_.parentId.eq(p1.id))
            .execute();
    assertThat(n).isEqualTo(2);
    assertThat(plain(sql.statements()))
        .containsExactly(
            "SELECT q_child.id FROM q_child WHERE q_child.parent_id = ?",
            "UPDATE q_child SET name = ? WHERE q_child.parent_id = ?");
    assertThat(c1.name).isEqualTo("renamed");
    s.commit(); // nothing dirty: the session's object agrees with its row
    try (Session other = db.session()) {
      assertThat(other.select(Child.class).where(Child_.name.eq("renamed")).count()).isEqualTo(2);
    }
  }

  @Test
  void bulkDeleteRemovesRowsAndDetachesTheSessionsObjects() {
    Toy t1 = s.select(Toy.class).where(Toy_.name.eq("t1")).one();
    Child c1 = t1.child.get();
    assertThat(c1.toys).hasSize(2);
    int n = s.bulkDelete(Toy.class).where(Toy_.name.in("t1", "t2")).execute();
    assertThat(n).isEqualTo(2);
    assertThat(s.contains(t1)).isFalse();
    assertThat(c1.toys).isEmpty(); // the loaded collection was expired and reloads
    s.select(Toy.class).list(); // the session holds a toy again: its keys are read first
    assertThat(plain(sql.record(() -> s.bulkDelete(Toy.class).where(Toy_.name.eq("zz")).execute())))
        .containsExactly(
            "SELECT q_toy.id FROM q_toy WHERE q_toy.name = ?",
            "DELETE FROM q_toy WHERE q_toy.name = ?");
  }

  @Test
  void rawSqlMapsRowsOntoModels() {
    Parent p2 = s.select(Parent.class).where(Parent_.name.eq("p2")).one();
    List<Parent> found =
        s.selectSql(Parent.class, "SELECT rank, name, id FROM q_parent WHERE name = ?", "p2");
    assertThat(found).containsExactly(p2);
    assertThatThrownBy(() -> s.selectSql(Parent.class, "SELECT id FROM q_parent"))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("no column name");
  }
}
