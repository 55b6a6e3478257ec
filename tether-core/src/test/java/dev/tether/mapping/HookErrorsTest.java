package dev.tether.mapping;

import static dev.tether.mapping.MappingFailures.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.AfterLoad;
import dev.tether.BeforeInsert;
import dev.tether.BeforeUpdate;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.RegistryInternals;
import dev.tether.Session;
import dev.tether.Table;
import org.junit.jupiter.api.Test;

/**
 * Lifecycle hook methods are checked when {@code Registry.of} reads the model, superclasses
 * included (the annotation processor reports the same texts at compile time: {@code
 * DiagnosticsTest}).
 */
class HookErrorsTest {

  @Table("he_static")
  public static class StaticHook extends Model {
    @Id public Integer id;

    @BeforeInsert
    static void stamp() {}
  }

  @Test
  void aStaticHook() {
    assertRefused(
        "hook-static",
        "StaticHook.stamp(): @BeforeInsert marks an instance method, which Tether calls on the"
            + " object the event is about; this one is static. Remove `static`, or move the code"
            + " to a listener: db.addModelListener(StaticHook.class, ...).",
        StaticHook.class);
  }

  /** The mistake is in an abstract base class: reported against it, for its subclass. */
  public abstract static class Stamped extends Model {
    @BeforeUpdate
    void touch(String why) {}
  }

  @Table("he_params")
  public static class Params extends Stamped {
    @Id public Integer id;
  }

  @Test
  void aHookWithOtherParametersThanASession() {
    assertRefused(
        "hook-parameters",
        "Stamped.touch(String): @BeforeUpdate methods take no parameter, or one Session (the"
            + " session writing or loading the object). Declare it `void touch()` or `void"
            + " touch(Session session)`.",
        Params.class);
  }

  @Table("he_returns")
  public static class Returns extends Model {
    @Id public Integer id;

    @AfterLoad
    boolean check(Session session) {
      return true;
    }
  }

  @Test
  void aHookThatReturnsAValue() {
    assertRefused(
        "hook-returns",
        "Returns.check(Session): @AfterLoad methods return void, and this one returns boolean;"
            + " Tether would ignore the value (a hook cannot veto the event: throw to fail it)."
            + " Declare it `void check(...)`.",
        Returns.class);
  }

  public abstract static class Base extends Model {
    @BeforeInsert
    void first() {}

    @BeforeInsert
    @BeforeUpdate
    void second(Session session) {}
  }

  @Table("he_good")
  public static class Good extends Base {
    @Id public Integer id;

    @Override
    void second(Session session) {}

    @BeforeInsert
    private void own() {}
  }

  @Table("he_plain")
  public static class Plain extends Model {
    @Id public Integer id;
  }

  @Test
  void hooksAreResolvedSuperclassFirstAnOverrideOnce() {
    ModelHooks hooks =
        RegistryInternals.metadata(Registry.of(Good.class)).model(Good.class).hooks();
    assertThat(hooks.of(LifecycleEvent.BEFORE_INSERT))
        .extracting(ModelHooks.Hook::name)
        .containsExactly("Base.first()", "Base.second(Session)", "Good.own()");
    assertThat(hooks.of(LifecycleEvent.BEFORE_UPDATE))
        .extracting(ModelHooks.Hook::name)
        .containsExactly("Base.second(Session)");
    assertThat(hooks.of(LifecycleEvent.AFTER_LOAD)).isEmpty();
    assertThat(RegistryInternals.metadata(Registry.of(Plain.class)).model(Plain.class).hooks())
        .isSameAs(ModelHooks.NONE);
  }
}
