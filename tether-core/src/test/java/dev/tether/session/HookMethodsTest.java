package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.AfterInsert;
import dev.tether.AfterLoad;
import dev.tether.BeforeDelete;
import dev.tether.BeforeInsert;
import dev.tether.BeforeUpdate;
import dev.tether.Database;
import dev.tether.EventException;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.ModelListener;
import dev.tether.ObjectState;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.Table;
import dev.tether.TetherException;
import dev.tether.fixtures.Blog;
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
 * Issue 13 item 5: hook methods on models and their abstract superclasses (superclass first, an
 * override called once, private hooks, the session as argument), then listeners; a listener for a
 * superclass observes its subclasses; a hook that throws fails the flush; rows the database deletes
 * itself ({@code passiveDeletes}) fire nothing.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class HookMethodsTest {
  /** What the hooks of {@link Gadget} saw, in order. */
  static final List<String> HOOKS = new ArrayList<>();

  /** An abstract base with hooks of its own: a private one, one its subclass overrides. */
  public abstract static class Audited extends Model {
    public String name;

    @BeforeInsert
    private void audit() {
      HOOKS.add("Audited.audit " + name);
    }

    @BeforeInsert
    @BeforeUpdate
    void stamp(Session session) {
      HOOKS.add("Audited.stamp " + name);
    }

    @AfterLoad
    void loaded() {
      HOOKS.add("Audited.loaded " + name);
    }
  }

  @Table("hk_gadget")
  public static class Gadget extends Audited {
    @Id public Integer id;

    /** Derived from the columns after each load; transient, so not a column. */
    transient String initial;

    @Override
    void stamp(Session session) { // the override runs, once, as the inherited hook
      HOOKS.add("Gadget.stamp " + name + " in " + session.stateOf(this));
    }

    @BeforeInsert
    void own() {
      HOOKS.add("Gadget.own " + name);
    }

    @AfterInsert
    void inserted(Session session) {
      HOOKS.add("Gadget.inserted " + name + " id=" + id + " " + session.stateOf(this));
    }

    @BeforeDelete
    void deleting() {
      if (name.equals("keep")) {
        throw new IllegalStateException("keep it");
      }
    }

    @AfterLoad
    void derive() {
      initial = name.substring(0, 1);
      HOOKS.add("Gadget.derive " + name);
    }
  }

  @Parameter TestDatabase target;
  Database db;

  @BeforeEach
  void open() {
    HOOKS.clear();
    db = target.open(Registry.of(Gadget.class));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void superclassHooksRunFirstThenTheClassesThenListeners() {
    db.addModelListener(
        Audited.class,
        new ModelListener<Audited>() {
          @Override
          public void beforeInsert(Session session, Audited a) {
            HOOKS.add("listener " + a.name);
          }

          @Override
          public void afterLoad(Session session, Audited a) {
            HOOKS.add("listener loaded " + a.name + " " + ((Gadget) a).initial);
          }
        });
    try (Session s = db.session()) {
      s.add(gadget("g1"));
      s.add(gadget("g2"));
      s.commit();
    }
    assertThat(HOOKS)
        .containsExactly(
            "Audited.audit g1",
            "Gadget.stamp g1 in PENDING",
            "Gadget.own g1",
            "listener g1",
            "Audited.audit g2",
            "Gadget.stamp g2 in PENDING",
            "Gadget.own g2",
            "listener g2",
            "Gadget.inserted g1 id=1 PERSISTENT",
            "Gadget.inserted g2 id=2 PERSISTENT");
    HOOKS.clear();
    try (Session s = db.session()) {
      Gadget g = s.get(Gadget.class, 1);
      assertThat(g.initial).isEqualTo("g");
      g.name = "h1";
      s.commit();
    }
    assertThat(HOOKS)
        .containsExactly(
            "Audited.loaded g1",
            "Gadget.derive g1",
            "listener loaded g1 g",
            "Gadget.stamp h1 in PERSISTENT");
  }

  @Test
  void aThrowingHookFailsTheFlushNamingItselfAndTheObject() {
    try (Session s = db.session()) {
      s.add(gadget("keep"));
      s.add(gadget("drop"));
      s.commit();
    }
    try (Session s = db.session()) {
      Gadget keep = s.get(Gadget.class, 1);
      Gadget drop = s.get(Gadget.class, 2);
      s.delete(drop);
      s.delete(keep);
      assertThatThrownBy(s::commit)
          .isInstanceOf(EventException.class)
          .hasMessageStartingWith(
              "@BeforeDelete Gadget.deleting() threw IllegalStateException (keep it) for"
                  + " Gadget(name=keep, id=1).")
          .hasCauseInstanceOf(IllegalStateException.class);
      assertThat(s.stateOf(drop)).isEqualTo(ObjectState.PERSISTENT); // its delete still pending
      s.rollback(); // drop the deletes; the session goes on
      assertThat(s.select(Gadget.class).count()).isEqualTo(2);
      s.delete(drop);
      s.commit();
    }
    try (Session s = db.session()) {
      assertThat(s.select(Gadget.class).list()).extracting(g -> g.name).containsExactly("keep");
    }
  }

  @Test
  void aListenerIsForMappedModelsAndTheirSuperclassesAndCanBeRemoved() {
    List<String> seen = new ArrayList<>();
    ModelListener<Model> listener =
        new ModelListener<>() {
          @Override
          public void afterInsert(Session session, Model m) {
            seen.add(m.getClass().getSimpleName());
          }
        };
    db.addModelListener(Model.class, listener);
    try (Session s = db.session()) {
      s.add(gadget("g1"));
      s.commit();
      db.removeModelListener(listener);
      s.add(gadget("g2"));
      s.commit();
    }
    assertThat(seen).containsExactly("Gadget");
    assertThatThrownBy(() -> db.addModelListener(Blog.Post.class, new ModelListener<Model>() {}))
        .isInstanceOf(TetherException.class)
        .hasMessage(
            "Post is neither mapped by this database's registry nor a superclass of a mapped"
                + " model, so a listener for it would never run. Register it for a model of"
                + " Registry.of(...) or one of their superclasses.");
  }

  private static Gadget gadget(String name) {
    Gadget g = new Gadget();
    g.name = name;
    return g;
  }
}
