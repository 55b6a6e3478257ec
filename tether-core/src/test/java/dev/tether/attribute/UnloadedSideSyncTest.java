package dev.tether.attribute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.DetachedInstanceException;
import dev.tether.Many;
import dev.tether.Model;
import dev.tether.ObjectState;
import dev.tether.One;
import dev.tether.SessionStateException;
import dev.tether.fixtures.BackPopulates;
import dev.tether.fixtures.BackPopulates.Child;
import dev.tether.fixtures.BackPopulates.Parent;
import dev.tether.fixtures.BackrefOnChild;
import dev.tether.fixtures.BackrefOnParent;
import dev.tether.fixtures.ManyToMany;
import dev.tether.fixtures.ManyToMany.Article;
import dev.tether.fixtures.ManyToMany.Tag;
import dev.tether.fixtures.OneToOne;
import dev.tether.mapping.ModelMapping;
import dev.tether.mapping.RelationshipMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sync against sides that are not in memory (S42–S46, rule 13 "never load to sync") and across
 * sessions (S60), without a database: a {@link FakeSession} plays the session behind {@link
 * SessionLink}, serves "rows" from maps and counts every load. What matters here is that sync
 * itself never loads, that queued changes merge when a collection loads, and that a persistent
 * object's relationships (declared or backref) start unloaded. The real session's SQL is tested
 * with persistence.
 */
class UnloadedSideSyncTest {

  @BeforeAll
  static void register() {
    BackPopulates.registry();
    BackrefOnChild.registry();
    BackrefOnParent.registry();
    ManyToMany.registry();
    OneToOne.registry();
  }

  /** A session without SQL: collections and references load from maps; loads are counted. */
  static final class FakeSession implements SessionLink {
    final Map<Object, List<Object>> collectionRows = new IdentityHashMap<>();
    final Map<List<Object>, Object> identityMap = new HashMap<>();
    int loads;

    @Override
    public List<Object> loadCollection(InstanceState owner, RelationshipMapping rel) {
      loads++;
      return collectionRows.getOrDefault(owner.owner(), List.of());
    }

    @Override
    public Object loadReference(InstanceState owner, RelationshipMapping rel) {
      loads++;
      Object key = owner.committedValue(rel.foreignKey());
      return key == null ? null : identity(rel.target(), key);
    }

    @Override
    public Object identity(ModelMapping model, Object key) {
      return identityMap.get(List.of(model.type(), key));
    }

    @Override
    public void relationshipChanged(InstanceState owner) {}

    @Override
    public void cascadeAdd(Object other) {
      InstanceState.of(other).session(this);
      InstanceState.of(other).status(ObjectState.PENDING);
    }

    @Override
    public void expungeOrphan(Object orphan) {
      throw new AssertionError("no delete-orphan relationship in this test");
    }

    @Override
    public String describe() {
      return "FakeSession";
    }

    /** Makes {@code model} persistent with primary key {@code id}, as a load from a row would. */
    <T extends Model> T persistent(T model, int id) {
      InstanceState s = InstanceState.of(model);
      s.session(this);
      s.status(ObjectState.PERSISTENT);
      s.key(id);
      s.takeSnapshot();
      s.expireRelationships();
      identityMap.put(List.of(model.getClass(), id), model);
      return model;
    }

    /** The database says {@code owner}'s collection holds {@code members}. */
    void rows(Object owner, Object... members) {
      collectionRows.put(owner, new ArrayList<>(List.of(members)));
    }
  }

  private static Parent parent(int id) {
    Parent p = new Parent("p" + id);
    p.id = id;
    return p;
  }

  private static Child child(int id, Integer parentId) {
    Child c = new Child("c" + id);
    c.id = id;
    c.parentId = parentId;
    return c;
  }

  /**
   * S42: {@code c.parent = p} with p's collection unloaded queues the append and loads nothing; the
   * first read merges it after the rows, and the loaded members point back without a load.
   */
  @Test
  void s42_setting_the_parent_queues_into_an_unloaded_collection() {
    FakeSession s = new FakeSession();
    Parent p = s.persistent(parent(1), 1);
    Child c0 = s.persistent(child(10, 1), 10);
    s.rows(p, c0);
    Child c = new Child("c");

    c.parent.set(p);
    assertThat(s.loads).isZero();
    assertThat(p.children.isLoaded()).isFalse();

    assertThat(p.children).containsExactly(c0, c);
    assertThat(s.loads).isEqualTo(1);
    assertThat(c0.parent.get()).isSameAs(p);
    assertThat(s.loads).isEqualTo(1);
  }

  /** S46's rule for one-to-many: an append and a removal queued before the load cancel out. */
  @Test
  void queued_changes_that_cancel_leave_the_rows_as_they_are() {
    FakeSession s = new FakeSession();
    Parent p = s.persistent(parent(1), 1);
    Child c0 = s.persistent(child(10, 1), 10);
    s.rows(p, c0);
    Child c = new Child("c");

    c.parent.set(p);
    c.parent.set(null);
    c0.parent.set(null); // a queued removal of a row member
    assertThat(s.loads).isZero();

    assertThat(p.children).isEmpty();
    c0.parent.set(p);
    assertThat(p.children).containsExactly(c0);
  }

  /**
   * S44: moving a persistent child whose reference is unloaded. Tether finds the old parent without
   * SQL (the committed foreign key in the identity map) and takes the child out of its loaded list;
   * SQLAlchemy leaves that list stale until expiry. The new parent's unloaded list queues it.
   */
  @Test
  void s44_moving_a_persistent_child_updates_the_old_loaded_list_without_loading() {
    FakeSession s = new FakeSession();
    Parent p1 = s.persistent(parent(1), 1);
    Parent p2 = s.persistent(parent(2), 2);
    Child c = s.persistent(child(10, 1), 10);
    s.rows(p1, c);
    assertThat(p1.children).containsExactly(c);
    s.persistent(c, 10); // expire c again: its reference is unloaded
    int loads = s.loads;

    c.parent.set(p2);
    assertThat(s.loads).isEqualTo(loads);
    assertThat(p1.children).isEmpty();
    assertThat(p2.children.isLoaded()).isFalse();
    assertThat(p2.children).containsExactly(c); // the rows still say p1; the queue wins
    assertThat(c.parent.get()).isSameAs(p2);
  }

  /** S45: re-setting the same parent while the reference is unloaded appends no duplicate. */
  @Test
  void s45_resetting_the_same_unloaded_parent_does_not_duplicate() {
    FakeSession s = new FakeSession();
    Parent p = s.persistent(parent(1), 1);
    Child c = s.persistent(child(10, 1), 10);
    s.rows(p, c);
    assertThat(p.children).containsExactly(c);
    s.persistent(c, 10);

    c.parent.set(p);
    assertThat(p.children).containsExactly(c); // SQLAlchemy: [c, c]
    assertThat(c.parent.get()).isSameAs(p);
  }

  /** S43 (rule 14): writing to an unloaded collection itself loads it first, then syncs. */
  @Test
  void s43_adding_to_an_unloaded_collection_loads_it_first() {
    FakeSession s = new FakeSession();
    Parent p = s.persistent(parent(1), 1);
    Child c0 = s.persistent(child(10, 1), 10);
    s.rows(p, c0);
    Child c = new Child("c");

    p.children.add(c);
    assertThat(s.loads).isEqualTo(1);
    assertThat(p.children).containsExactly(c0, c);
    assertThat(c.parent.get()).isSameAs(p);
  }

  /**
   * S44's other half: when the child moved while its old parent was not in memory, nobody could
   * queue the removal; when that parent loads later, the database still lists the child. The
   * in-memory reference is newer than the row, so the child must not be loaded back into the old
   * list (SQLAlchemy would show it in both lists until a flush and expiry).
   */
  @Test
  void a_child_moved_away_in_memory_is_not_loaded_back_from_stale_rows() {
    FakeSession s = new FakeSession();
    Parent p2 = s.persistent(parent(2), 2);
    Child c = s.persistent(child(10, 1), 10); // its parent, p1, is not in memory yet
    Child d = s.persistent(child(11, 1), 11);

    c.parent.set(p2);
    d.parent.set(null);
    Parent p1 = s.persistent(parent(1), 1); // now p1 is loaded
    s.rows(p1, c, d);

    assertThat(p1.children).isEmpty();
    assertThat(p2.children).containsExactly(c);
    assertThat(c.parent.get()).isSameAs(p2);
    assertThat(d.parent.get()).isNull();
  }

  /**
   * S60: relating objects of two sessions fails before either side changes (SQLAlchemy raises
   * InvalidRequestError, also before the list or the backref is modified).
   */
  @Test
  void s60_objects_of_two_sessions_cannot_be_related() {
    FakeSession s1 = new FakeSession();
    FakeSession s2 = new FakeSession();
    Parent p = new Parent("p");
    s1.cascadeAdd(p);
    Child c = new Child("c");
    s2.cascadeAdd(c);

    assertThatThrownBy(() -> p.children.add(c))
        .isInstanceOf(SessionStateException.class)
        .hasMessageContaining("Parent.children");
    assertThatThrownBy(() -> c.parent.set(p))
        .isInstanceOf(SessionStateException.class)
        .hasMessageContaining("Child.parent");
    assertThatThrownBy(() -> p.children.addAll(List.of(new Child("ok"), c)))
        .isInstanceOf(SessionStateException.class);
    assertThat(p.children).isEmpty();
    assertThat(c.parent.get()).isNull();
  }

  /** A stream is a first use like any other: it loads the collection (and does not throw CME). */
  @Test
  void a_stream_over_an_unloaded_collection_loads_it_first() {
    FakeSession s = new FakeSession();
    Parent p = s.persistent(parent(1), 1);
    Child c0 = s.persistent(child(10, 1), 10);
    s.rows(p, c0);

    assertThat(p.children.stream().map(c -> c.name).toList()).containsExactly("c10");
    assertThat(s.loads).isEqualTo(1);
  }

  /** An expired collection queues changes from the other side like a never-loaded one. */
  @Test
  void an_expired_collection_queues_and_merges() {
    FakeSession s = new FakeSession();
    Parent p = s.persistent(parent(1), 1);
    Child c0 = s.persistent(child(10, 1), 10);
    s.rows(p, c0);
    assertThat(p.children).containsExactly(c0);

    InstanceState.of(p).expireRelationships();
    Child c = new Child("c");
    c.parent.set(p);
    assertThat(p.children.isLoaded()).isFalse();
    assertThat(p.children).containsExactly(c0, c);
  }

  /**
   * A backref's container is created on first use; on a persistent object it must start unloaded
   * like the declared ones, or the object would show an empty collection (or a null reference)
   * instead of loading its rows.
   */
  @Test
  void backref_containers_of_a_persistent_object_load_on_first_use() {
    FakeSession s = new FakeSession();
    BackrefOnChild.Parent p = s.persistent(new BackrefOnChild.Parent("p"), 1);
    BackrefOnChild.Child c0 = new BackrefOnChild.Child("c0");
    c0.parentId = 1;
    s.persistent(c0, 10);
    s.rows(p, c0);

    Many<BackrefOnChild.Child> children = p.related("children");
    assertThat(children.isLoaded()).isFalse();
    assertThat(children).containsExactly(c0);

    BackrefOnParent.Parent q = new BackrefOnParent.Parent("q");
    q.id = 2;
    s.persistent(q, 2);
    BackrefOnParent.Child d = new BackrefOnParent.Child("d");
    d.parentId = 2;
    s.persistent(d, 20);
    One<BackrefOnParent.Parent> parent = d.related("parent");
    assertThat(parent.get()).isSameAs(q);
  }

  /** An unloaded collection of an object without a session cannot load: the error says why. */
  @Test
  void a_detached_unloaded_collection_refuses_to_load_but_still_queues() {
    FakeSession s = new FakeSession();
    Parent p = s.persistent(parent(1), 1);
    InstanceState.of(p).session(null);
    InstanceState.of(p).status(ObjectState.DETACHED);

    Child c = new Child("c");
    c.parent.set(p); // sync never loads, so this works
    assertThat(c.parent.get()).isSameAs(p);
    assertThatThrownBy(p.children::size)
        .isInstanceOf(DetachedInstanceException.class)
        .hasMessageContaining("Parent.children")
        .hasMessageContaining("detached");
    assertThat(p.children).hasToString("<Parent.children not loaded>");
  }

  // ---- many-to-many and one-to-one ------------------------------------------------------------

  private static Article article(FakeSession s, int id) {
    Article a = new Article("a" + id);
    a.id = id;
    return s.persistent(a, id);
  }

  private static Tag tag(FakeSession s, int id) {
    Tag t = new Tag("t" + id);
    t.id = id;
    return s.persistent(t, id);
  }

  /**
   * S46: {@code t1.articles.append(a)} loads t1.articles (the collection written to) but not
   * a.tags, which queues t1 and shows it after its rows when it loads.
   */
  @Test
  void s46_many_to_many_queues_into_the_unloaded_side() {
    FakeSession s = new FakeSession();
    Article a = article(s, 1);
    Tag t0 = tag(s, 1);
    Tag t1 = tag(s, 2);
    s.rows(a, t0);
    s.rows(t0, a);

    t1.articles.add(a);
    assertThat(s.loads).isEqualTo(1); // t1.articles itself
    assertThat(a.tags.isLoaded()).isFalse();

    assertThat(a.tags).containsExactly(t0, t1);
    assertThat(s.loads).isEqualTo(2);
  }

  /**
   * S46: an append and a remove queued on the unloaded side cancel out, and so does a remove and
   * re-add of a row that is in the database: nothing is left for the flush to write twice.
   */
  @Test
  void s46_queued_many_to_many_changes_that_cancel_leave_the_rows() {
    FakeSession s = new FakeSession();
    Article a = article(s, 1);
    Article b = article(s, 2);
    Tag t0 = tag(s, 1);
    Tag t1 = tag(s, 2);
    s.rows(a, t0);
    s.rows(b, t0);
    s.rows(t0, a, b);

    t1.articles.add(a);
    t1.articles.remove(a);
    t0.articles.remove(b);
    t0.articles.add(b);
    CollectionAttribute<?> aTags = (CollectionAttribute<?>) (Object) a.tags;
    CollectionAttribute<?> bTags = (CollectionAttribute<?>) (Object) b.tags;
    assertThat(aTags.addedSinceFlush()).isEmpty();
    assertThat(aTags.removedSinceFlush()).isEmpty();
    assertThat(bTags.addedSinceFlush()).isEmpty();
    assertThat(bTags.removedSinceFlush()).isEmpty();

    assertThat(a.tags).containsExactly(t0);
    assertThat(b.tags).containsExactly(t0);
  }

  /**
   * One-to-one, improvement 4 with a persistent child whose reference is unloaded: {@code p2.child
   * = c} finds c's old parent without SQL (its committed key in the identity map) and empties that
   * parent's loaded {@code child}.
   */
  @Test
  void one_to_one_displaces_the_old_parent_of_an_unloaded_child_without_loading() {
    FakeSession s = new FakeSession();
    OneToOne.Parent p1 = new OneToOne.Parent("p1");
    p1.id = 1;
    s.persistent(p1, 1);
    OneToOne.Parent p2 = new OneToOne.Parent("p2");
    p2.id = 2;
    s.persistent(p2, 2);
    OneToOne.Child c = new OneToOne.Child("c");
    c.id = 10;
    c.parentId = 1;
    s.persistent(c, 10);
    ((ScalarAttribute<?>) (Object) p1.child).setCommitted(c); // p1.child was loaded: c
    int loads = s.loads;

    p2.child.set(c);
    assertThat(s.loads).isEqualTo(loads);
    assertThat(p1.child.get()).isNull();
    assertThat(c.parent.get()).isSameAs(p2);
  }
}
