package dev.tether.query;

import static dev.tether.query.Load.joined;
import static dev.tether.query.Load.noload;
import static dev.tether.query.Load.raise;
import static dev.tether.query.Load.selectin;
import static dev.tether.testing.SqlText.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.Database;
import dev.tether.DetachedInstanceException;
import dev.tether.LazyLoadException;
import dev.tether.LazyLoadGuard;
import dev.tether.Session;
import dev.tether.query.model.Child;
import dev.tether.query.model.Child_;
import dev.tether.query.model.Family;
import dev.tether.query.model.Parent;
import dev.tether.query.model.Parent_;
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
 * Every loading strategy, counted in statements: lazy (batched across peers), selectin, joined,
 * raise, noload, and the N+1 guard. Fixture: {@link Family}.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class LoadingStrategiesTest {
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

  /** Touches every child and toy and tag of {@code parents}. */
  private static String shape(List<Parent> parents) {
    StringBuilder b = new StringBuilder();
    for (Parent p : parents) {
      b.append(p.name).append('[');
      for (Child c : p.children) {
        b.append(c.name).append(c.toys.stream().map(t -> t.name).toList());
      }
      b.append(']');
    }
    return b.toString();
  }

  private static final String SHAPE = "p1[c1[t1, t2]c2[t3]]p2[c3[]]p3[]";

  @Test
  void lazyLoadsBatchAcrossPeers() {
    List<Parent> ps = s.select(Parent.class).orderBy(Parent_.id.asc()).list();
    List<String> sent = sql.record(() -> assertThat(shape(ps)).isEqualTo(SHAPE));
    assertThat(plain(sent))
        .containsExactly(
            "SELECT t0.id, t0.name, t0.position, t0.parent_id FROM q_child t0"
                + " WHERE t0.parent_id IN (?, ?, ?) ORDER BY t0.id",
            "SELECT t0.id, t0.name, t0.child_id FROM q_toy t0"
                + " WHERE t0.child_id IN (?, ?, ?) ORDER BY t0.id");
  }

  @Test
  void withoutBatchingEachLazyLoadIsOneStatement() {
    s.setBatchLazyLoads(false);
    List<Parent> ps = s.select(Parent.class).orderBy(Parent_.id.asc()).list();
    sql.assertStatements(3 + 3, () -> assertThat(shape(ps)).isEqualTo(SHAPE));
  }

  @Test
  void selectinOfThreeLevelsIsThreeStatements() {
    List<Parent> ps = new ArrayList<>();
    List<String> sent =
        sql.assertStatements(
            3,
            () ->
                ps.addAll(
                    s.select(Parent.class)
                        .orderBy(Parent_.id.asc())
                        .options(selectin(Parent_.children).then(selectin(Child_.toys)))
                        .list()));
    assertThat(plain(sent.get(1)))
        .isEqualTo(
            "SELECT t0.id, t0.name, t0.position, t0.parent_id FROM q_child t0"
                + " WHERE t0.parent_id IN (?, ?, ?) ORDER BY t0.id");
    sql.assertNoStatements(() -> assertThat(shape(ps)).isEqualTo(SHAPE));
    sql.assertNoStatements(
        () -> assertThat(ps.get(0).children.get(0).parent.get()).isSameAs(ps.get(0)));
  }

  @Test
  void selectinOfManyToOneAndManyToMany() {
    List<Child> cs = new ArrayList<>();
    sql.assertStatements(
        3,
        () ->
            cs.addAll(
                s.select(Child.class)
                    .orderBy(Child_.id.asc())
                    .options(selectin(Child_.parent).then(selectin(Parent_.tags)))
                    .list()));
    sql.assertNoStatements(
        () -> {
          assertThat(cs).extracting(c -> c.parent.get().name).containsExactly("p1", "p1", "p2");
          assertThat(cs.get(0).parent.get().tags)
              .extracting(t -> t.label)
              .containsExactly("red", "blue");
        });
  }

  @Test
  void joinedIsOneStatementAndFoldsRepeatedParents() {
    List<Parent> ps = new ArrayList<>();
    List<String> sent =
        sql.assertStatements(
            1,
            () ->
                ps.addAll(
                    s.select(Parent.class)
                        .orderBy(Parent_.id.asc())
                        .options(joined(Parent_.children).then(joined(Child_.toys)))
                        .list()));
    assertThat(plain(sent.get(0)))
        .isEqualTo(
            "SELECT t0.id, t0.name, t0.rank, t1.id, t1.name, t1.position, t1.parent_id, t2.id,"
                + " t2.name, t2.child_id FROM q_parent t0 LEFT OUTER JOIN q_child t1 ON"
                + " t1.parent_id = t0.id LEFT OUTER JOIN q_toy t2 ON t2.child_id = t1.id ORDER BY"
                + " t0.id, t1.id, t2.id");
    assertThat(ps).hasSize(3);
    sql.assertNoStatements(() -> assertThat(shape(ps)).isEqualTo(SHAPE));
  }

  @Test
  void joinedWithLimitCountsParentsNotRows() {
    List<Parent> ps = new ArrayList<>();
    List<String> sent =
        sql.assertStatements(
            1,
            () ->
                ps.addAll(
                    s.select(Parent.class)
                        .orderBy(Parent_.id.asc())
                        .limit(1)
                        .options(joined(Parent_.children))
                        .list()));
    assertThat(plain(sent.get(0)))
        .isEqualTo(
            "SELECT t0.id, t0.name, t0.rank, t1.id, t1.name, t1.position, t1.parent_id FROM"
                + " (SELECT t0.id, t0.name, t0.rank FROM q_parent t0 ORDER BY t0.id LIMIT ?) t0"
                + " LEFT OUTER JOIN q_child t1 ON t1.parent_id = t0.id ORDER BY t0.id, t1.id");
    assertThat(ps).extracting(p -> p.name).containsExactly("p1");
    sql.assertNoStatements(
        () -> assertThat(ps.get(0).children).extracting(c -> c.name).containsExactly("c1", "c2"));
  }

  @Test
  void selectinThenJoinedIsTwoStatements() {
    List<Parent> ps = new ArrayList<>();
    sql.assertStatements(
        2,
        () ->
            ps.addAll(
                s.select(Parent.class)
                    .orderBy(Parent_.id.asc())
                    .options(selectin(Parent_.children).then(joined(Child_.toys)))
                    .list()));
    sql.assertNoStatements(() -> assertThat(shape(ps)).isEqualTo(SHAPE));
  }

  @Test
  void raiseNamesTheAttributeAndTheOptionToAdd() {
    List<Parent> ps = s.select(Parent.class).options(raise(Parent_.children)).list();
    sql.clear();
    assertThatThrownBy(() -> ps.get(0).children.size())
        .isInstanceOf(LazyLoadException.class)
        .hasMessageContaining("Parent.children")
        .hasMessageContaining("Load.raise(Parent_.children)")
        .hasMessageContaining(".options(Load.selectin(Parent_.children))");
    assertThat(sql.count()).isZero();
  }

  @Test
  void noloadReadsEmpty() {
    List<Parent> ps = s.select(Parent.class).options(noload(Parent_.children)).list();
    sql.assertNoStatements(() -> assertThat(ps).allSatisfy(p -> assertThat(p.children).isEmpty()));
  }

  @Test
  void selectinLeavesAnAlreadyLoadedCollectionAlone() {
    Parent p1 = s.select(Parent.class).where(Parent_.name.eq("p1")).one();
    Child extra = new Child("extra", 9);
    s.setAutoflush(false);
    p1.children.add(extra); // loads, then holds an unflushed member
    s.select(Parent.class).options(selectin(Parent_.children)).list();
    assertThat(p1.children).extracting(c -> c.name).containsExactly("c1", "c2", "extra");
  }

  @Test
  void peersOfAThousandParentsLoadInBatches() {
    try (Session w = db.session()) {
      for (int i = 0; i < 1000; i++) {
        Parent p = new Parent("bulk" + i, i);
        p.children.add(new Child("k" + i, i));
        w.add(p);
      }
      w.commit();
    }
    List<Parent> ps = s.select(Parent.class).where(Parent_.name.like("bulk%")).list();
    sql.assertStatements(2, () -> ps.forEach(p -> assertThat(p.children).hasSize(1)));
    s.close();
    s = db.session();
    s.setBatchSize(100);
    List<Parent> again = s.select(Parent.class).where(Parent_.name.like("bulk%")).list();
    sql.assertStatements(10, () -> again.forEach(p -> assertThat(p.children).hasSize(1)));
  }

  @Test
  void theNPlusOneGuardRaisesOnLoadsOneAtATime() {
    s.setLazyLoadGuard(LazyLoadGuard.RAISE, 3);
    List<Integer> ids = s.select(Parent_.id).orderBy(Parent_.id.asc()).list();
    assertThat(s.get(Parent.class, ids.get(0)).children).hasSize(2);
    assertThat(s.get(Parent.class, ids.get(1)).children).hasSize(1);
    Parent third = s.get(Parent.class, ids.get(2));
    assertThatThrownBy(third.children::size)
        .isInstanceOf(LazyLoadException.class)
        .hasMessageContaining("N+1: Parent.children has now loaded lazily for 3 objects")
        .hasMessageContaining(".options(Load.selectin(Parent_.children))");
  }

  @Test
  void theGuardIgnoresBatchedLoads() {
    s.setLazyLoadGuard(LazyLoadGuard.RAISE, 2);
    List<Parent> ps = s.select(Parent.class).orderBy(Parent_.id.asc()).list();
    assertThat(shape(ps)).isEqualTo(SHAPE);
  }

  @Test
  void readOnlyObjectsAreDetachedButTakeOptions() {
    List<Parent> ps =
        s.select(Parent.class)
            .orderBy(Parent_.id.asc())
            .readOnly()
            .options(selectin(Parent_.children))
            .list();
    assertThat(s.contains(ps.get(0))).isFalse();
    assertThat(ps.get(0).children).extracting(c -> c.name).containsExactly("c1", "c2");
    assertThatThrownBy(() -> ps.get(0).tags.size()).isInstanceOf(DetachedInstanceException.class);
  }
}
