package dev.tether.mapping;

import dev.tether.mapping.MappingMessages.Message;

/**
 * The {@link MappingMessages} of lifecycle hook methods ({@code @BeforeInsert} and its siblings):
 * one method per mistake, plain names in, the same text at run time ({@link ModelHooks}) and at
 * compile time (the annotation processor). A method is written {@code Owner.name(Param, ...)} with
 * the simple names of its class and parameter types.
 */
public final class HookMessages {
  private HookMessages() {}

  /** A hook declared {@code static}. */
  public static Message hookStatic(String method, String annotation, String model) {
    return new Message(
        "hook-static",
        method
            + ": "
            + annotation
            + " marks an instance method, which Tether calls on the object the event is about; this"
            + " one is static. Remove `static`, or move the code to a listener:"
            + " db.addModelListener("
            + model
            + ".class, ...).");
  }

  /** A hook with parameters other than none or one {@code Session}. */
  public static Message hookParameters(String method, String annotation, String name) {
    return new Message(
        "hook-parameters",
        method
            + ": "
            + annotation
            + " methods take no parameter, or one Session (the session writing or loading the"
            + " object). Declare it `void "
            + name
            + "()` or `void "
            + name
            + "(Session session)`.");
  }

  /** A hook that returns a value. */
  public static Message hookReturns(String method, String annotation, String type, String name) {
    return new Message(
        "hook-returns",
        method
            + ": "
            + annotation
            + " methods return void, and this one returns "
            + type
            + "; Tether would ignore the value (a hook cannot veto the event: throw to fail it)."
            + " Declare it `void "
            + name
            + "(...)`.");
  }

  /** A hook Tether may not call: the model's module does not open its package. */
  public static Message hookAccess(String method, String annotation, String packageName) {
    return new Message(
        "hook-access",
        method
            + " ("
            + annotation
            + ") cannot be called by Tether: open the model's package to Tether (in"
            + " module-info.java: `opens "
            + packageName
            + ";`), or make the method public.");
  }
}
