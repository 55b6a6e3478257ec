package dev.tether.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.MappingException;
import dev.tether.Registry;

/** Runs {@code Registry.of} on models that must be refused, and checks the code and the message. */
final class MappingFailures {
  private MappingFailures() {}

  /** The exception {@code Registry.of(models)} throws; fails the test when it succeeds. */
  static MappingException failure(Class<?>... models) {
    try {
      Registry.of(models);
    } catch (MappingException e) {
      return e;
    }
    throw new AssertionError("Registry.of(...) accepted a mapping it should refuse");
  }

  /** {@code Registry.of(models)} fails with exactly this code and message. */
  static void assertRefused(String code, String message, Class<?>... models) {
    MappingException e = failure(models);
    assertThat(e.getMessage()).isEqualTo(message);
    assertThat(e.code()).isEqualTo(code);
  }
}
