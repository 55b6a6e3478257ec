package dev.tether.soak;

import java.time.Duration;

/**
 * How long the soak tests run: a few seconds each by default (every build runs them), minutes with
 * {@code -Dtether.soak=long} (DEVELOPERS.md, "Soak and fault tests").
 */
final class SoakLength {
  static final boolean LONG = "long".equals(System.getProperty("tether.soak"));

  private SoakLength() {}

  /** {@code quick} in the default build, {@code long} with {@code -Dtether.soak=long}. */
  static Duration of(Duration quick, Duration lengthy) {
    return LONG ? lengthy : quick;
  }

  static int of(int quick, int lengthy) {
    return LONG ? lengthy : quick;
  }
}
