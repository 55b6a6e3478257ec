package dev.tether.jackson;

import dev.tether.jackson.TetherModule.Reference;
import dev.tether.jackson.TetherModule.Reverse;
import dev.tether.jackson.TetherModule.Unloaded;

/** The options a {@link TetherModule} was built with, as the serializer reads them. */
record Options(
    Reverse reverse,
    Unloaded unloaded,
    Reference reference,
    boolean foreignKeys,
    boolean failOnUnknown) {
  /** The reader attribute that holds the session keys are resolved through. */
  static final Object SESSION = new Object();
}
