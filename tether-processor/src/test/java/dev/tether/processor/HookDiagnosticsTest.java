package dev.tether.processor;

import static dev.tether.processor.DiagnosticsTest.assertReported;
import static dev.tether.processor.DiagnosticsTest.assertSameAtRunTime;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The mistakes in lifecycle hook methods at compile time, on the method's line, with the text and
 * code {@code Registry.of} throws for the same sources (both from {@code HookMessages}); an
 * abstract base class is checked on its own.
 */
class HookDiagnosticsTest {

  /** {@code shop.Stamped}, an abstract base model, with {@code members}. */
  static String stamped(String members) {
    return "package shop;\n\nimport dev.tether.*;\n\npublic abstract class Stamped extends Model {\n"
        + members.indent(2)
        + "}\n";
  }

  /** {@code shop.Post}, a model extending {@code Stamped}. */
  static final String POST =
      "package shop;\n\nimport dev.tether.*;\n\n@Table(\"post\")\n"
          + "public class Post extends Stamped {\n  @Id public Integer id;\n}\n";

  @Test
  void aStaticHook() {
    String stamped = stamped("@BeforeInsert\nstatic void created() {}\n");
    String text =
        "Stamped.created(): @BeforeInsert marks an instance method, which Tether calls on the"
            + " object the event is about; this one is static. Remove `static`, or move the code"
            + " to a listener: db.addModelListener(Stamped.class, ...).";
    assertReported(
        Compilation.of(stamped, POST),
        "Stamped.java",
        stamped,
        "static void created()",
        "hook-static",
        text);
    assertSameAtRunTime("hook-static", text, new String[] {stamped, POST}, "shop.Post");
  }

  @Test
  void aHookWithParametersOtherThanASession() {
    String stamped = stamped("@BeforeUpdate\nvoid touched(String why, int times) {}\n");
    String text =
        "Stamped.touched(String, int): @BeforeUpdate methods take no parameter, or one Session"
            + " (the session writing or loading the object). Declare it `void touched()` or `void"
            + " touched(Session session)`.";
    assertReported(
        Compilation.of(stamped, POST),
        "Stamped.java",
        stamped,
        "void touched(",
        "hook-parameters",
        text);
    assertSameAtRunTime("hook-parameters", text, new String[] {stamped, POST}, "shop.Post");
  }

  @Test
  void aHookThatReturnsAValue() {
    String stamped = stamped("@AfterLoad\nString loaded(Session session) { return \"\"; }\n");
    String text =
        "Stamped.loaded(Session): @AfterLoad methods return void, and this one returns String;"
            + " Tether would ignore the value (a hook cannot veto the event: throw to fail it)."
            + " Declare it `void loaded(...)`.";
    assertReported(
        Compilation.of(stamped, POST),
        "Stamped.java",
        stamped,
        "String loaded(",
        "hook-returns",
        text);
    assertSameAtRunTime("hook-returns", text, new String[] {stamped, POST}, "shop.Post");
  }

  @Test
  void wellFormedHooksCompileCleanly() {
    String stamped =
        stamped(
            "public java.time.Instant createdAt;\n"
                + "@BeforeInsert @BeforeUpdate\nvoid touched() {}\n"
                + "@AfterInsert\nprivate void inserted(Session session) {}\n");
    Compilation c = Compilation.of(stamped, POST);
    assertThat(c.reports).isEmpty();
    assertThat(c.success).isTrue();
  }
}
