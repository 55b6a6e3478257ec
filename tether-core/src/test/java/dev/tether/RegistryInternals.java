package dev.tether;

import dev.tether.mapping.Metadata;

/**
 * Test access to what a {@link Registry} configured: {@code Registry.metadata()} is internal
 * (package-private, outside the module's API), and tests in other packages assert on the mappings.
 */
public final class RegistryInternals {
  private RegistryInternals() {}

  /** The mappings {@code registry} configured. */
  public static Metadata metadata(Registry registry) {
    return registry.metadata();
  }
}
